import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/importers/csv/parse.js';
import { errorReportCsv, errorReportXlsx } from '../../src/importers/tabular/errorReport.js';
import type { ImportIssue } from '../../src/importers/tabular/issues.js';
import { MAX_SUGGESTED_NAMES, RowResolver, type ResolveCatalog } from '../../src/importers/tabular/resolve.js';
import { MAX_CELL_CHARS, MAX_NAME_CHARS } from '../../src/importers/tabular/sheet.js';
import { csvBytes } from '../support/importFiles.js';
import { area, indicator } from './fixtures.js';

const catalog: ResolveCatalog = {
  indicators: [
    indicator({ id: 'bup-medelvantetid', name: 'BUP – medelväntetid till första besök', shortName: 'Medelväntetid BUP', unit: 'dagar', periodType: 'month', decimals: 1 }),
    indicator({ id: 'samtal-samma-dag', name: 'Besvarade samtal samma dag', unit: 'procent', kind: 'ratio', periodType: 'month', koladaKpi: 'N79179', breakdown: 'kon' }),
    indicator({ id: 'tillbud', name: 'Tillbud', unit: 'antal', kind: 'count', periodType: 'tertial' }),
    indicator({ id: 'kvot', name: 'Kvot', unit: 'procent', kind: 'ratio', periodType: 'year', derivation: { numerator: 'tillbud', denominator: 'tillbud' } }),
  ],
  areas: [
    area({ id: '0008', name: 'Region Kalmar län', koladaId: '0008', aliases: ['Kalmar län'] }),
    area({ id: '0010', name: 'Region Blekinge', koladaId: '0010' }),
    area({ id: '0023', name: 'Region Jämtland Härjedalen', koladaId: '0023', aliases: ['Region Jämtland-Härjedalen'] }),
    area({ id: 'bup', kind: 'unit', name: 'Barn- och ungdomspsykiatrin', shortName: 'BUP' }),
    area({ id: 'klt', kind: 'administration', name: 'Kalmar länstrafik', shortName: 'KLT' }),
    area({ id: 'klt2', kind: 'unit', name: 'Kalmar Länstrafik Nord', shortName: 'KLT' }),
  ],
  mappings: [{ kind: 'area', sourceKey: 'kalmar', targetId: '0008' }],
};

async function resolveCsv(text: string) {
  const parsed = await parseCsv(csvBytes(text));
  const resolver = new RowResolver(catalog, { fileName: 'utfall.csv', source: null });
  const issues: ImportIssue[] = [...parsed.issues];
  const rows = parsed.rows.map((r) => resolver.resolve(r, (i) => issues.push(i))).filter((r) => r !== null);
  return { rows, issues, unresolved: resolver.unresolved() };
}

describe('names in files resolved to indicators and areas', () => {
  it('by id, name, short name, Kolada KPI or id, alias, number and a saved mapping — Swedish-aware', async () => {
    const { rows, issues } = await resolveCsv(
      [
        'Indikator;Område;Period;Värde',
        'bup-medelvantetid;0008;2026-03;25,3',
        'BUP - medelväntetid till första besök;Kalmar län;2026-02;27',
        'medelväntetid bup;REGION JÄMTLAND-HÄRJEDALEN;2026-01;30',
        'N79179;8;2026-03;98',
        'Besvarade samtal samma dag;Kalmar;2026-02;97',
        'Besvarade samtal samma dag;Region Blekinge;mars 2026;91',
      ].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.indicatorId, r.areaId, r.period, r.sourceRow, r.sourceRef])).toEqual([
      ['bup-medelvantetid', '0008', '2026-03', 2, 'utfall.csv · D2'],
      ['bup-medelvantetid', '0008', '2026-02', 3, 'utfall.csv · D3'],
      ['bup-medelvantetid', '0023', '2026-01', 4, 'utfall.csv · D4'],
      ['samtal-samma-dag', '0008', '2026-03', 5, 'utfall.csv · D5'],
      ['samtal-samma-dag', '0008', '2026-02', 6, 'utfall.csv · D6'],
      ['samtal-samma-dag', '0010', '2026-03', 7, 'utfall.csv · D7'],
    ]);
    expect(rows[0]?.source).toBe('Test');
  });

  it('suggests what an unknown name may mean, once per name, and refuses an ambiguous one', async () => {
    const { issues, unresolved } = await resolveCsv('Indikator;Område;Period;Värde\nBUP väntetid första besök;Kalmar lan;2026-03;25\nBUP väntetid första besök;KLT;2026-03;25\n');
    expect(issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [2, 'A', 'okänd indikator'],
      [2, 'B', 'okänt område'],
      [3, 'A', 'okänd indikator'],
      [3, 'B', 'tvetydigt område'],
    ]);
    expect(issues[0]?.message).toBe('okänd indikator "BUP väntetid första besök" — menade du bup-medelvantetid (BUP – medelväntetid till första besök)?');
    expect(unresolved.map((u) => [u.kind, u.text, u.rows, u.suggestions[0]?.id, u.ambiguous])).toEqual([
      ['indicator', 'BUP väntetid första besök', 2, 'bup-medelvantetid', false],
      ['area', 'Kalmar lan', 1, '0008', false],
      ['area', 'KLT', 1, 'klt', true],
    ]);
    expect(unresolved[0]?.first).toEqual({ sheet: null, row: 2, column: 'A' });
  });

  it('suggests for the first 200 unknown names of each kind; later ones are listed without (a file of only unknown names)', async () => {
    const lines = ['Indikator;Område;Period;Värde'];
    for (let i = 0; i < MAX_SUGGESTED_NAMES + 50; i++) lines.push(`BUP väntetid ${i};Region Kalmar län;2026-03;1`);
    const { unresolved, issues } = await resolveCsv(lines.join('\n'));
    expect(unresolved).toHaveLength(MAX_SUGGESTED_NAMES + 50);
    expect(unresolved.slice(0, MAX_SUGGESTED_NAMES).every((u) => u.suggestions[0]?.id === 'bup-medelvantetid')).toBe(true);
    expect(unresolved.slice(MAX_SUGGESTED_NAMES).every((u) => u.suggestions.length === 0)).toBe(true);
    expect(issues.at(-1)).toMatchObject({ row: MAX_SUGGESTED_NAMES + 51, column: 'A', rule: 'okänd indikator', message: `okänd indikator "BUP väntetid ${MAX_SUGGESTED_NAMES + 49}"` });
  });

  it('refuses a name over 300 characters and any cell over 5 000, naming row and column, without comparing it', async () => {
    const long = 'Väntetid '.repeat(12_000); // 108 000 characters: a name once took 9,5 s to compare
    const { rows, issues, unresolved } = await resolveCsv(
      ['Indikator;Område;Period;Värde;Kommentar', `${long};Region Kalmar län;2026-03;1;`, `tillbud;${'x'.repeat(MAX_NAME_CHARS + 1)};T1 2026;2;`, `tillbud;Region Kalmar län;T1 2026;3;${'k'.repeat(MAX_CELL_CHARS + 1)}`, 'tillbud;Region Kalmar län;T2 2026;4;kort'].join('\n'),
    );
    expect(issues.map((i) => [i.row, i.column, i.rule, i.message])).toEqual([
      [2, 'A', 'för lång text', `ett namn får vara högst 300 tecken; den här är ${long.length.toLocaleString('sv-SE')}`],
      [3, 'B', 'för lång text', 'ett namn får vara högst 300 tecken; den här är 301'],
      [4, 'E', 'för lång text', 'en cell får vara högst 5\u00a0000 tecken; den här är 5\u00a0001'],
    ]);
    expect(issues[0]?.value).toBe(`${long.slice(0, 60)}…`);
    expect(unresolved).toEqual([]);
    expect(rows.map((r) => r.sourceRow)).toEqual([5]);
  });

  it('fits periods to the indicator and checks the rules, pointing at the column that breaks them', async () => {
    const { rows, issues } = await resolveCsv(
      [
        'Indikator;Område;Period;Värde;Täljare;Nämnare;Kön',
        'tillbud;0008;jan-april 2026;12;;;',
        'tillbud;0008;2026-03;12;;;',
        'tillbud;0008;T2 2026;-3;;;',
        'tillbud;0008;T3 2026;2,5;;;',
        'samtal-samma-dag;0008;2026-03;;31000;30448;kvinnor',
        'samtal-samma-dag;0008;2026-04;;29802;30448;Män',
        'samtal-samma-dag;0008;2026-05;101;;;Totalt',
        'kvot;0008;2025;3;;;',
        'bup-medelvantetid;0008;2026-03;25;;;K',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.indicatorId, r.period, r.breakdown, r.value, r.numerator])).toEqual([
      ['tillbud', '2026-T1', '', 12, null],
      ['samtal-samma-dag', '2026-04', 'M', null, 29802],
    ]);
    expect(issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [3, 'C', 'periodtyp'],
      [4, 'D', 'negativt antal'],
      [5, 'D', 'heltal'],
      [6, 'E', 'över 100 %'],
      [8, 'D', 'över 100 %'],
      [9, 'A', 'härledd'],
      [10, 'G', 'uppdelning'],
    ]);
    expect(issues[0]?.message).toBe('perioden mars 2026 passar inte tillbud, som mäts per tertial');
  });
});

describe('the error report', () => {
  const issues: ImportIssue[] = [
    { sheet: 'Utfall', row: 5, column: 'D', value: '=HYPERLINK("http://x","klicka")', rule: 'tal', message: '"=HYPERLINK(...)" är inget tal' },
    { sheet: null, row: 6, column: 'B', value: '+46 480 123', rule: 'okänt område', message: 'okänt område "+46 480 123"' },
    { sheet: null, row: 7, column: 'C', value: '@SUM(A1)', rule: 'period', message: 'x; "y"' },
  ];

  it('as CSV: semicolons, UTF-8 with BOM, quoted where needed', () => {
    const text = errorReportCsv(issues).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\ufeffBlad;Rad;Kolumn;Värde;Regel;Fel',
      `Utfall;5;D;"'=HYPERLINK(""http://x"",""klicka"")";tal;"""=HYPERLINK(...)"" är inget tal"`,
      `;6;B;'+46 480 123;okänt område;"okänt område ""+46 480 123"""`,
      `;7;C;'@SUM(A1);period;"x; ""y"""`,
      '',
    ]);
  });

  it('as XLSX: text cells, no formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await errorReportXlsx(issues)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Fel');
    const values = sheet?.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ['Blad', 'Rad', 'Kolumn', 'Värde', 'Regel', 'Fel'],
      ['Utfall', 5, 'D', `'=HYPERLINK("http://x","klicka")`, 'tal', '"=HYPERLINK(...)" är inget tal'],
      ['', 6, 'B', "'+46 480 123", 'okänt område', 'okänt område "+46 480 123"'],
      ['', 7, 'C', "'@SUM(A1)", 'period', 'x; "y"'],
    ]);
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});
