/**
 * The import API's answers as the import page reads them (src/server/routes/imports.ts): the
 * domain's import views, which the server builds.
 */
export type {
  BatchChangeView,
  ChangeView,
  ImportBatch,
  ImportMapping,
  ImportProgress,
  ImportReport,
  ImportSessionView,
  IssuePage,
  KoladaSyncReport,
  KpiMapping,
  SessionStatus,
  UnresolvedName,
} from '../../../../../src/domain/importView.js';

/** A brief indicator as lists need it (GET /api/indicators answers a status per indicator). */
export interface IndicatorBrief {
  id: string;
  name: string;
  shortName: string | null;
  unit: string;
  periodType: string;
  kind: string;
  source: string;
  koladaKpi: string | null;
  goalLineIds: readonly string[];
}
