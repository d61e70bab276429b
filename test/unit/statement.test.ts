import { describe, expect, it } from 'vitest';
import { evaluateStatement, parseFormula, type EvaluatedRow, type StatementRowDefinition } from '../../src/domain/statement.js';

/** The income statement of worked example 3. Costs are negative amounts, so subtotals are sums. */
const RESULTATRAKNING: StatementRowDefinition[] = [
  { key: 'intakter', label: 'Verksamhetens intäkter', kind: 'input' },
  { key: 'kostnader', label: 'Verksamhetens kostnader', kind: 'input' },
  { key: 'avskrivningar', label: 'Avskrivningar', kind: 'input' },
  { key: 'nettokostnader', label: 'Verksamhetens nettokostnader', kind: 'formula', formula: 'intakter + kostnader + avskrivningar' },
  { key: 'skatteintakter', label: 'Skatteintäkter', kind: 'input' },
  { key: 'utjamning', label: 'Utjämning och generella statsbidrag', kind: 'input' },
  { key: 'verksamhetens_resultat', label: 'Verksamhetens resultat', kind: 'formula', formula: 'nettokostnader + skatteintakter + utjamning' },
  { key: 'finansiella_intakter', label: 'Finansiella intäkter', kind: 'input' },
  { key: 'finansiella_kostnader', label: 'Finansiella kostnader', kind: 'input' },
  {
    key: 'resultat_efter_finansiella',
    label: 'Resultat efter finansiella poster',
    kind: 'formula',
    formula: 'verksamhetens_resultat + finansiella_intakter + finansiella_kostnader',
  },
];

const COLUMNS = ['utfall', 'utfall_fg', 'prognos', 'budget', 'bokslut_fg'];

// Made-up mnkr. Prognos lacks the costs; bokslut_fg has no row at all for them.
const INPUTS: Record<string, Record<string, number | null>> = {
  intakter: { utfall: 1250.4, utfall_fg: 1180, prognos: 3700, budget: 3600, bokslut_fg: 3550.1 },
  kostnader: { utfall: -4812.7, utfall_fg: -4601.5, prognos: null, budget: -14400 },
  avskrivningar: { utfall: -143.2, utfall_fg: -139.9, prognos: -440, budget: -430, bokslut_fg: -425.3 },
  skatteintakter: { utfall: 2904.1, utfall_fg: 2790.2, prognos: 8800, budget: 8700, bokslut_fg: 8500 },
  utjamning: { utfall: 1012.6, utfall_fg: 960, prognos: 3050, budget: 3000, bokslut_fg: 2950 },
  finansiella_intakter: { utfall: 45.3, utfall_fg: 40.1, prognos: 130, budget: 120, bokslut_fg: 118.2 },
  finansiella_kostnader: { utfall: -62.8, utfall_fg: -70.4, prognos: -200, budget: -190, bokslut_fg: -205.7 },
};

function row(rows: readonly EvaluatedRow[], key: string): EvaluatedRow {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

describe('evaluateStatement: the income statement', () => {
  const { rows, issues } = evaluateStatement(RESULTATRAKNING, COLUMNS, INPUTS);

  it('reports no issues for a well-formed statement', () => {
    expect(issues).toEqual([]);
  });

  it('keeps the rows in order with their labels and kinds', () => {
    expect(rows.map((r) => r.key)).toEqual(RESULTATRAKNING.map((r) => r.key));
    expect(row(rows, 'nettokostnader').label).toBe('Verksamhetens nettokostnader');
    expect(row(rows, 'nettokostnader').kind).toBe('formula');
    expect(row(rows, 'intakter').kind).toBe('input');
  });

  it('net costs = revenue + costs + depreciation, exactly, per column', () => {
    const net = row(rows, 'nettokostnader').values;
    expect(net.utfall).toBe(-3705.5);
    expect(net.utfall_fg).toBe(-3561.4);
    expect(net.budget).toBe(-11230);
  });

  it('operating result = net costs + tax revenue + equalisation (a subtotal of a subtotal)', () => {
    const op = row(rows, 'verksamhetens_resultat').values;
    expect(op.utfall).toBe(211.2);
    expect(op.utfall_fg).toBe(188.8);
    expect(op.budget).toBe(470);
  });

  it('result after financial items = operating result + financial income + financial costs', () => {
    const result = row(rows, 'resultat_efter_finansiella').values;
    expect(result.utfall).toBe(193.7);
    expect(result.utfall_fg).toBe(158.5);
    expect(result.budget).toBe(400);
  });

  it('passes input values through', () => {
    expect(row(rows, 'intakter').values.utfall).toBe(1250.4);
    expect(row(rows, 'kostnader').values.prognos).toBeNull();
  });

  it('a missing input makes every subtotal that needs it null, not a sum with 0', () => {
    expect(row(rows, 'nettokostnader').values.prognos).toBeNull();
    expect(row(rows, 'verksamhetens_resultat').values.prognos).toBeNull();
    expect(row(rows, 'resultat_efter_finansiella').values.prognos).toBeNull();
  });

  it('an input absent from a column is missing too', () => {
    expect(row(rows, 'kostnader').values.bokslut_fg).toBeNull();
    expect(row(rows, 'nettokostnader').values.bokslut_fg).toBeNull();
    expect(row(rows, 'resultat_efter_finansiella').values.bokslut_fg).toBeNull();
  });

  it('rows not needing the missing input still have their values', () => {
    expect(row(rows, 'skatteintakter').values.prognos).toBe(8800);
  });
});

describe('evaluateStatement: formulas', () => {
  const base: StatementRowDefinition[] = [
    { key: 'a', label: 'A', kind: 'input' },
    { key: 'b', label: 'B', kind: 'input' },
  ];
  const inputs = { a: { x: 10 }, b: { x: 4 } };

  it('subtracts with "-" and with U+2212', () => {
    const { rows, issues } = evaluateStatement(
      [
        ...base,
        { key: 'hyphen', label: 'a - b', kind: 'formula', formula: 'a - b' },
        { key: 'minus', label: 'a − b', kind: 'formula', formula: 'a \u2212 b' },
        { key: 'lead', label: '-a + b', kind: 'formula', formula: '-a + b' },
      ],
      ['x'],
      inputs,
    );
    expect(issues).toEqual([]);
    expect(row(rows, 'hyphen').values.x).toBe(6);
    expect(row(rows, 'minus').values.x).toBe(6);
    expect(row(rows, 'lead').values.x).toBe(-6);
  });

  it('sums decimals exactly', () => {
    const { rows } = evaluateStatement(
      [...base, { key: 's', label: 'S', kind: 'formula', formula: 'a + b' }],
      ['x'],
      { a: { x: 0.1 }, b: { x: 0.2 } },
    );
    expect(row(rows, 's').values.x).toBe(0.3);
  });

  it('reports an unknown row and gives null', () => {
    const { rows, issues } = evaluateStatement([...base, { key: 's', label: 'S', kind: 'formula', formula: 'a + okand' }], ['x'], inputs);
    expect(issues).toEqual([{ rowKey: 's', message: 'Formeln hänvisar till okänd rad "okand"' }]);
    expect(row(rows, 's').values.x).toBeNull();
  });

  it('reports a cycle once and gives null for the rows in it', () => {
    const { rows, issues } = evaluateStatement(
      [
        ...base,
        { key: 'p', label: 'P', kind: 'formula', formula: 'a + q' },
        { key: 'q', label: 'Q', kind: 'formula', formula: 'p + b' },
      ],
      ['x', 'y'],
      { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } },
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.rowKey).toBe('p');
    expect(issues[0]?.message).toBe('Formeln för "P" hänvisar till sig själv via andra rader');
    expect(row(rows, 'p').values).toEqual({ x: null, y: null });
    expect(row(rows, 'q').values).toEqual({ x: null, y: null });
    expect(row(rows, 'a').values.x).toBe(1);
  });

  it('reports a row that refers to itself', () => {
    const { rows, issues } = evaluateStatement([...base, { key: 's', label: 'S', kind: 'formula', formula: 's + a' }], ['x'], inputs);
    expect(issues.map((i) => i.rowKey)).toEqual(['s']);
    expect(row(rows, 's').values.x).toBeNull();
  });

  it('reports a formula that does not parse and gives null', () => {
    const { rows, issues } = evaluateStatement([...base, { key: 's', label: 'S', kind: 'formula', formula: 'a +' }], ['x'], inputs);
    expect(issues).toEqual([{ rowKey: 's', message: 'Formeln "a +" slutar med en operator' }]);
    expect(row(rows, 's').values.x).toBeNull();
  });
});

describe('parseFormula', () => {
  it('parses row keys joined by + and −', () => {
    expect(parseFormula('intakter + kostnader + avskrivningar')).toEqual({
      ok: true,
      terms: [
        { sign: 1, key: 'intakter' },
        { sign: 1, key: 'kostnader' },
        { sign: 1, key: 'avskrivningar' },
      ],
    });
    expect(parseFormula('a\u2212b')).toEqual({ ok: true, terms: [{ sign: 1, key: 'a' }, { sign: -1, key: 'b' }] });
    expect(parseFormula('- a - b')).toEqual({ ok: true, terms: [{ sign: -1, key: 'a' }, { sign: -1, key: 'b' }] });
  });

  it('rejects an empty formula', () => {
    expect(parseFormula('')).toEqual({ ok: false, message: 'Formeln är tom' });
    expect(parseFormula('   ')).toEqual({ ok: false, message: 'Formeln är tom' });
  });

  it('rejects a trailing operator', () => {
    expect(parseFormula('a + b +')).toEqual({ ok: false, message: 'Formeln "a + b +" slutar med en operator' });
    expect(parseFormula('-')).toEqual({ ok: false, message: 'Formeln "-" slutar med en operator' });
  });

  it('rejects two terms without an operator', () => {
    expect(parseFormula('a b')).toEqual({ ok: false, message: 'Operator saknas före "b" i formeln "a b"' });
  });

  it('rejects two operators in a row and a leading +', () => {
    expect(parseFormula('a + + b')).toEqual({ ok: false, message: 'Oväntat tecken "+" i formeln "a + + b"' });
    expect(parseFormula('a - - b').ok).toBe(false);
    expect(parseFormula('+ a').ok).toBe(false);
  });

  it('rejects row names with other characters', () => {
    expect(parseFormula('a + b*2')).toEqual({ ok: false, message: 'Ogiltigt radnamn "b*2" i formeln "a + b*2"' });
    expect(parseFormula('intäkter').ok).toBe(false);
  });
});
