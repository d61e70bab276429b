import { matchKey } from '../../domain/text.js';

/**
 * What a column holds, recognised from its heading (Swedish and English, any case, with or
 * without a unit in parentheses: "Värde (%)").
 */
export const COLUMN_ROLES = [
  'indicator',
  'area',
  'period',
  'value',
  'numerator',
  'denominator',
  'breakdown',
  'scenario',
  'asOf',
  'preliminary',
  'comment',
  'source',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const ROLE_LABELS: Record<ColumnRole, string> = {
  indicator: 'indikator',
  area: 'område',
  period: 'period',
  value: 'värde',
  numerator: 'täljare',
  denominator: 'nämnare',
  breakdown: 'uppdelning',
  scenario: 'scenario',
  asOf: 'prognos efter',
  preliminary: 'preliminärt',
  comment: 'kommentar',
  source: 'källa',
};

const NAMES: Record<ColumnRole, readonly string[]> = {
  indicator: ['indikator', 'indikator id', 'indikatorid', 'indikatornamn', 'nyckeltal', 'mått', 'matt', 'kpi', 'kpi id', 'indicator', 'indicator id'],
  area: ['område', 'omrade', 'område id', 'enhet', 'region', 'organisation', 'förvaltning', 'verksamhet', 'area', 'area id', 'unit', 'kommun', 'region kommun'],
  period: ['period', 'månad', 'manad', 'datum', 'år', 'ar', 'tertial', 'kvartal', 'tidpunkt', 'tid', 'tidsperiod', 'month', 'year', 'date'],
  value: ['värde', 'varde', 'utfall', 'value', 'resultat', 'andel', 'antal', 'belopp'],
  numerator: ['täljare', 'taljare', 'numerator'],
  denominator: ['nämnare', 'namnare', 'denominator'],
  breakdown: ['uppdelning', 'kön', 'kon', 'åldersgrupp', 'aldersgrupp', 'ålder', 'grupp', 'gender', 'breakdown'],
  scenario: ['scenario', 'typ', 'värdetyp'],
  asOf: ['prognos efter', 'prognostidpunkt', 'prognosperiod', 'as of'],
  preliminary: ['preliminär', 'preliminärt', 'prel', 'preliminary'],
  comment: ['kommentar', 'anmärkning', 'not', 'comment'],
  source: ['källa', 'kalla', 'source'],
};

const BY_NAME = new Map<string, ColumnRole>();
for (const role of COLUMN_ROLES) for (const name of NAMES[role]) BY_NAME.set(matchKey(name), role);

/** The role a heading names, or null. */
export function roleOfHeading(text: string): ColumnRole | null {
  const withoutUnit = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return BY_NAME.get(matchKey(withoutUnit)) ?? BY_NAME.get(matchKey(text)) ?? null;
}
