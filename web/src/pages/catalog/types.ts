import type { RiskBand } from '../../../../src/domain/risk.js';

/**
 * Shapes of the catalog authoring API's answers (src/services/authoring/people.ts and risks.ts),
 * as the pages read them. Titles and risks carry their ids, for changing and removing them.
 */
export interface PersonTitleRow {
  id: number;
  personId: string;
  title: string;
  roleId: string | null;
  validFrom: string;
  /** Inclusive; null = held until further notice. */
  validTo: string | null;
}

/** GET /api/people/:id and the answer to every change of a person or a title. */
export interface PersonDetail {
  id: string;
  name: string;
  titles: PersonTitleRow[];
}

export interface RiskCategory {
  code: string;
  parentCode: string | null;
  label: string;
}

/** A risk with its score and band as the server computed them (or the score as reported). */
export interface RiskRow {
  id: string;
  registerId: string;
  /** 1-based place in the register. */
  position: number;
  categoryCode: string;
  title: string;
  probability: number | null;
  consequence: number | null;
  reportedScore: number | null;
  control: string | null;
  owner: string | null;
  score: number | null;
  band: RiskBand | null;
  /** True when the score is probability × consequence. */
  computed: boolean;
}

/** GET /api/risk-registers(/:id) and the answer to every change of a register or its risks. */
export interface RiskRegisterView {
  id: string;
  title: string;
  year: number;
  areaId: string | null;
  risks: RiskRow[];
}
