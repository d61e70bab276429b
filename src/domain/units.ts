/** Units an indicator can be measured in, with the words Swedish readers expect. */
export const UNITS = [
  'procent',
  'procentenheter',
  'dagar',
  'minuter',
  'ar',
  'antal',
  'mnkr',
  'kr',
  'ton_co2e',
  'kg_co2e_per_inv',
  'kwh_per_kvm',
  'per_1000_inv',
  'per_100000_inv',
  'index',
] as const;
export type Unit = (typeof UNITS)[number];

interface UnitInfo {
  /** Written after a number: "98 %", "30,2 dagar". Empty for plain counts. */
  symbol: string;
  /** The word in running text: "98 procent". */
  word: string;
  /** Name of the unit itself, for table headers and axis titles. */
  name: string;
  /** The unit a difference between two values is expressed in. */
  changeUnit: Unit;
  /** Scale of a ratio's share: numerator / denominator × scale. */
  ratioScale: number;
}

const INFO: Record<Unit, UnitInfo> = {
  procent: { symbol: '%', word: 'procent', name: 'procent', changeUnit: 'procentenheter', ratioScale: 100 },
  procentenheter: { symbol: 'procentenheter', word: 'procentenheter', name: 'procentenheter', changeUnit: 'procentenheter', ratioScale: 100 },
  dagar: { symbol: 'dagar', word: 'dagar', name: 'dagar', changeUnit: 'dagar', ratioScale: 1 },
  minuter: { symbol: 'min', word: 'minuter', name: 'minuter', changeUnit: 'minuter', ratioScale: 1 },
  ar: { symbol: 'år', word: 'år', name: 'år', changeUnit: 'ar', ratioScale: 1 },
  antal: { symbol: '', word: '', name: 'antal', changeUnit: 'antal', ratioScale: 1 },
  mnkr: { symbol: 'mnkr', word: 'miljoner kronor', name: 'mnkr', changeUnit: 'mnkr', ratioScale: 1 },
  kr: { symbol: 'kr', word: 'kronor', name: 'kr', changeUnit: 'kr', ratioScale: 1 },
  ton_co2e: { symbol: 'ton CO₂e', word: 'ton koldioxidekvivalenter', name: 'ton CO₂e', changeUnit: 'ton_co2e', ratioScale: 1 },
  kg_co2e_per_inv: { symbol: 'kg CO₂e/inv.', word: 'kg koldioxidekvivalenter per invånare', name: 'kg CO₂e per invånare', changeUnit: 'kg_co2e_per_inv', ratioScale: 1 },
  kwh_per_kvm: { symbol: 'kWh/m²', word: 'kilowattimmar per kvadratmeter', name: 'kWh per m²', changeUnit: 'kwh_per_kvm', ratioScale: 1 },
  per_1000_inv: { symbol: 'per 1\u00a0000 inv.', word: 'per 1\u00a0000 invånare', name: 'per 1\u00a0000 invånare', changeUnit: 'per_1000_inv', ratioScale: 1000 },
  per_100000_inv: { symbol: 'per 100\u00a0000 inv.', word: 'per 100\u00a0000 invånare', name: 'per 100\u00a0000 invånare', changeUnit: 'per_100000_inv', ratioScale: 100000 },
  index: { symbol: '', word: '', name: 'index', changeUnit: 'index', ratioScale: 1 },
};

export function unitSymbol(unit: Unit): string {
  return INFO[unit].symbol;
}

export function unitWord(unit: Unit): string {
  return INFO[unit].word;
}

export function unitName(unit: Unit): string {
  return INFO[unit].name;
}

export function changeUnitOf(unit: Unit): Unit {
  return INFO[unit].changeUnit;
}

export function ratioScaleOf(unit: Unit): number {
  return INFO[unit].ratioScale;
}

export function isUnit(value: string): value is Unit {
  return (UNITS as readonly string[]).includes(value);
}
