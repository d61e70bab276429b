import { describe, expect, it } from 'vitest';
import { checkDataset, datasetTotals, type Dataset } from '../../src/domain/dataset.js';
import { OPERATOR_COLUMNS, OPERATORS } from './fixtures.js';

function operators(rows: Dataset['rows'] = OPERATORS.map(([foretag, paket, fordon, omlopp]) => ({ foretag, paket, fordon, omlopp }))): Dataset {
  return { id: 'sarskild-persontransport-2026', title: 'Avtal särskild persontrafik 2026', source: 'Kalmar länstrafik', columns: OPERATOR_COLUMNS, rows };
}

describe('datasetTotals', () => {
  it('special transport 2026: 8 operators, 19 paket, 109 fordon, 120 omlopp', () => {
    expect(datasetTotals(operators())).toEqual({ foretag: 8, paket: 19, fordon: 109, omlopp: 120 });
  });

  it('leaves a missing cell out of a sum and out of a count', () => {
    const rows = operators().rows.map((r) => ({ ...r }));
    rows[0] = { ...rows[0], fordon: null };
    rows[1] = { ...rows[1], foretag: null };
    const totals = datasetTotals(operators(rows));
    expect(totals.fordon).toBe(90);
    expect(totals.paket).toBe(19);
    expect(totals.foretag).toBe(7);
  });

  it('a sum over only missing cells is null, not 0', () => {
    const totals = datasetTotals(operators([{ foretag: 'A', paket: null, fordon: null, omlopp: null }]));
    expect(totals).toEqual({ foretag: 1, paket: null, fordon: null, omlopp: null });
  });

  it('a column without a total gives null', () => {
    const ds: Dataset = {
      id: 'd',
      title: 'd',
      source: 's',
      columns: [{ key: 'x', label: 'X', type: 'number', unit: null, decimals: 1, total: null }],
      rows: [{ x: 1 }, { x: 2 }],
    };
    expect(datasetTotals(ds)).toEqual({ x: null });
  });

  it('sums decimals exactly', () => {
    const ds: Dataset = {
      id: 'd',
      title: 'd',
      source: 's',
      columns: [{ key: 'x', label: 'X', type: 'number', unit: null, decimals: 1, total: 'sum' }],
      rows: [{ x: 0.1 }, { x: 0.2 }],
    };
    expect(datasetTotals(ds).x).toBe(0.3);
  });
});

describe('checkDataset', () => {
  it('accepts the operators table', () => {
    expect(checkDataset(operators())).toEqual([]);
  });

  it('accepts missing cells', () => {
    expect(checkDataset(operators([{ foretag: 'A', paket: null, fordon: 3, omlopp: null }]))).toEqual([]);
  });

  it('reports text in a number column, a number in a text column and an unknown column, by 1-based row', () => {
    const issues = checkDataset(
      operators([
        { foretag: 'Nilsbuss', paket: 4, fordon: 19, omlopp: 20 },
        { foretag: 'Bivab', paket: 'fyra', fordon: 4, omlopp: 4 },
        { foretag: 17, paket: 1, fordon: Number.NaN, omlopp: 4, extra: 'x' },
      ]),
    );
    expect(issues).toEqual([
      { row: 2, column: 'paket', message: '"fyra" är inte ett tal' },
      { row: 3, column: 'foretag', message: 'Kolumnen "Trafikföretag" ska innehålla text' },
      { row: 3, column: 'fordon', message: '"NaN" är inte ett tal' },
      { row: 3, column: 'extra', message: 'Okänd kolumn "extra"' },
    ]);
  });
});
