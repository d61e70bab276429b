import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetColumn } from '../../src/domain/dataset.js';
import { datasetCreateInput, datasetProblems, datasetUpdateInput } from '../../src/domain/datasetAuthoring.js';
import { roundedFixed } from '../../src/domain/decimal.js';
import { formatNumber, formatValue } from '../../src/domain/format.js';
import { columnKey, issueText, parsePastedGrid, readGrid, splitClipboard, suggestColumns, type PasteResult } from '../../src/domain/gridPaste.js';
import { editableNumber, parseSwedishNumber } from '../../src/domain/swedishNumber.js';
import { UNITS } from '../../src/domain/units.js';
import { validate } from '../../src/domain/validation.js';
import { OPERATOR_COLUMNS } from './fixtures.js';

/**
 * Pasting from Excel and LibreOffice into a dataset: the clipboard's tab-separated text (CRLF or
 * LF, quoted cells), Swedish numbers, a header row found by the columns' labels, a total row
 * dropped (totals are computed), and problems that name row and column in Swedish.
 */
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const COLUMNS: DatasetColumn[] = [
  { key: 'mottagning', label: 'Mottagning', type: 'text', unit: null, decimals: 0, total: 'count' },
  { key: 'antal', label: 'Antal', type: 'number', unit: 'antal', decimals: 0, total: 'sum' },
  { key: 'kostnad', label: 'Kostnad', type: 'number', unit: 'mnkr', decimals: 1, total: 'sum' },
  { key: 'andel', label: 'Andel i tid', type: 'number', unit: 'procent', decimals: 1, total: null },
];

function rowsOf(result: PasteResult) {
  if (!result.ok) throw new Error(`väntade rader, fick fel: ${result.issues.map(issueText).join('; ')}`);
  return result.rows;
}

function issuesOf(result: PasteResult): string[] {
  if (result.ok) throw new Error(`väntade fel, fick ${result.rows.length} rader`);
  return result.issues.map(issueText);
}

describe('Swedish numbers', () => {
  it.each([
    ['1 234,5', null, 1234.5],
    [`1${NBSP}234${NBSP}567`, null, 1234567],
    [`12${NNBSP}345,25`, null, 12345.25],
    ['−5', null, -5],
    ['– 5,5', null, -5.5],
    ['-0,25', null, -0.25],
    ['+3', null, 3],
    ['12 %', 'procent', 12],
    [`98,5${NBSP}%`, 'procent', 98.5],
    ['30,2 dagar', 'dagar', 30.2],
    ['1.234.567', null, 1234567],
    ['1.234,5', null, 1234.5],
    ['12.5', null, 12.5],
  ] as const)('"%s" (unit %s) is %d', (text, unit, value) => {
    expect(parseSwedishNumber(text, unit)).toEqual({ ok: true, value });
  });

  it.each(['', '  ', '-', '–', '−', '..', '…'])('"%s" is missing, never 0', (text) => {
    expect(parseSwedishNumber(text)).toEqual({ ok: true, value: null });
  });

  it('refuses what it cannot read, and says why', () => {
    expect(parseSwedishNumber('tolv')).toEqual({ ok: false, message: '"tolv" är inte ett tal' });
    expect(parseSwedishNumber('12 34')).toEqual({ ok: false, message: '"12 34" är inte ett tal' });
    expect(parseSwedishNumber('1,234,567')).toEqual({ ok: false, message: '"1,234,567" är inte ett tal' });
    expect(parseSwedishNumber('12 %', 'antal')).toEqual({ ok: false, message: '"12 %" är ett procenttal, men kolumnen är inte i procent' });
    expect(parseSwedishNumber('1.234')).toEqual({ ok: false, message: '"1.234" kan läsas på två sätt; skriv 1 234 för tusental eller 1,234 med decimalkomma' });
  });

  it('reads back what the sv-SE formatter writes, rounded to the decimals shown', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        const read = parseSwedishNumber(formatNumber(value, decimals));
        expect(read.ok).toBe(true);
        expect(read.ok && read.value).toBe(Number(roundedFixed(value, decimals)) + 0);
      }),
    );
  });

  it('reads back a value with its unit as the formatter writes it, in that unit’s column', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...UNITS), (value, decimals, unit) => {
        const read = parseSwedishNumber(formatValue(value, unit, decimals), unit);
        expect(read).toEqual({ ok: true, value: Number(roundedFixed(value, decimals)) + 0 });
      }),
    );
  });

  it('editableNumber writes every number so that it reads back exactly, without an exponent', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = editableNumber(value);
        expect(text).not.toMatch(/e/i);
        expect(parseSwedishNumber(text)).toEqual({ ok: true, value: value + 0 });
      }),
    );
    expect(editableNumber(1234.5)).toBe('1234,5');
    expect(editableNumber(1.5e-7)).toBe('0,00000015');
    expect(editableNumber(2e21)).toBe('2000000000000000000000');
  });
});

describe('the clipboard’s cells', () => {
  it('reads Excel’s CRLF rows with a trailing line break, and LibreOffice’s LF', () => {
    expect(splitClipboard('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(splitClipboard('a\tb\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(splitClipboard('a\t\t\r\n\tb')).toEqual([
      ['a', '', ''],
      ['', 'b'],
    ]);
  });

  it('reads quoted cells with tabs, line breaks and doubled quotes; a quote inside text stays text', () => {
    expect(splitClipboard('"Kalmar,\r\nBorgholm"\t"tab\there"\t"sa ""hej"""\r\n"Tjugo" sa hon\tx\r\n')).toEqual([
      ['Kalmar,\r\nBorgholm', 'tab\there', 'sa "hej"'],
      ['"Tjugo" sa hon', 'x'],
    ]);
    expect(splitClipboard('"ej stängd\tx')).toEqual([['"ej stängd', 'x']]);
  });

  it('gives back any cells written the way Excel writes them', () => {
    const excel = (rows: string[][]) => rows.map((r) => r.map((c) => (/[\t\r\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t')).join('\r\n') + '\r\n';
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', 'ö', ' ', '\t', '\r', '\n', '"', '1', ',', '\u00a0') }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(splitClipboard(excel(rows))).toEqual(rows);
      }),
    );
  });
});

describe('parsePastedGrid', () => {
  it('reads rows of Swedish numbers pasted from Excel, by position', () => {
    const text = `Kalmar\t1${NBSP}234\t12,5\t98,5 %\r\nNybro\t−3\t-\t\r\nVästervik\t\t0,25\t100 %\r\n`;
    const result = parsePastedGrid(text, COLUMNS);
    expect(rowsOf(result)).toEqual([
      { mottagning: 'Kalmar', antal: 1234, kostnad: 12.5, andel: 98.5 },
      { mottagning: 'Nybro', antal: -3, kostnad: null, andel: null },
      { mottagning: 'Västervik', antal: null, kostnad: 0.25, andel: 100 },
    ]);
    expect(result).toMatchObject({ ok: true, header: false, notes: [], filled: ['mottagning', 'antal', 'kostnad', 'andel'] });
    // as many columns as the widest row fills, so a paste into the grid leaves the others alone
    expect(parsePastedGrid('Kalmar\t5\r\nNybro\r\n', COLUMNS)).toMatchObject({ ok: true, filled: ['mottagning', 'antal'] });
  });

  it('finds the header by the columns’ labels, in any order, and leaves the columns it lacks empty', () => {
    const result = parsePastedGrid('antal\tMOTTAGNING\r\n5\tKalmar\r\n7\tNybro\r\n', COLUMNS);
    expect(rowsOf(result)).toEqual([
      { mottagning: 'Kalmar', antal: 5, kostnad: null, andel: null },
      { mottagning: 'Nybro', antal: 7, kostnad: null, andel: null },
    ]);
    expect(result.ok && result.notes).toEqual(['Första raden är rubriker och klistrades inte in; kolumnerna lästes efter rubrikerna. Tomma: "Kostnad", "Andel i tid".']);
    expect(result.ok && result.filled).toEqual(['mottagning', 'antal']);
  });

  it('names a heading that is no column', () => {
    expect(issuesOf(parsePastedGrid('Mottagning\tAntal\tVäntetid\r\nKalmar\t5\t3\r\n', COLUMNS))).toEqual(['kolumn "Väntetid": rubriken finns inte bland tabellens kolumner (Mottagning, Antal, Kostnad, Andel i tid)']);
  });

  it('names row and column of a cell that is no number, counting rows under the header', () => {
    const text = 'Mottagning\tAntal\r\nKalmar\t5\r\nNybro\t7\r\nVästervik\ttolv\r\nEmmaboda\t12 %\r\n';
    expect(issuesOf(parsePastedGrid(text, COLUMNS))).toEqual(['rad 3, kolumn "Antal": "tolv" är inte ett tal', 'rad 4, kolumn "Antal": "12 %" är ett procenttal, men kolumnen är inte i procent']);
  });

  it('drops a total row, since totals are computed, and says so — and where its figures differ', () => {
    const text = 'Trafikföretag\tPaket\tFordon\tOmlopp\r\nNilsbuss\t4\t19\t20\r\nBivab\t1\t4\t4\r\nTotalt\t5\t23\t25\r\n';
    const result = parsePastedGrid(text, OPERATOR_COLUMNS);
    expect(rowsOf(result)).toEqual([
      { foretag: 'Nilsbuss', paket: 4, fordon: 19, omlopp: 20 },
      { foretag: 'Bivab', paket: 1, fordon: 4, omlopp: 4 },
    ]);
    expect(result.ok && result.notes).toEqual([
      'Första raden är rubriker och klistrades inte in; kolumnerna lästes efter rubrikerna.',
      'Summaraden "Totalt" (rad 3) togs bort: summor räknas fram ur raderna och skrivs inte in.',
      'Rad 3: den inklistrade summan för "Omlopp" är 25, men raderna ger 24.',
    ]);
    for (const word of ['Summa', 'Total', 'totalt:']) expect(rowsOf(parsePastedGrid(`Nilsbuss\t4\t19\t20\n${word}\t4\t19\t20\n`, OPERATOR_COLUMNS))).toHaveLength(1);
  });

  it('skips blank lines with a note, and refuses cells beyond the last column', () => {
    const skipped = parsePastedGrid('Kalmar\t1\r\n\t\r\nNybro\t2\r\n\r\n\r\n', COLUMNS);
    expect(rowsOf(skipped)).toHaveLength(2);
    expect(skipped.ok && skipped.notes).toEqual(['Tomma rader hoppades över: rad 2.']);
    expect(issuesOf(parsePastedGrid('Kalmar\t1\t2\t3\t4\t5\r\n', COLUMNS))).toEqual(['rad 1: har 6 celler, men tabellen har 4 kolumner']);
  });

  it('says when there is nothing to paste, too much, or no columns yet', () => {
    expect(issuesOf(parsePastedGrid('\r\n\r\n', COLUMNS))).toEqual(['Det finns ingenting att klistra in']);
    expect(issuesOf(parsePastedGrid('Mottagning\tAntal\r\n', COLUMNS))).toEqual(['Det finns bara en rubrikrad, inga rader att klistra in']);
    expect(issuesOf(parsePastedGrid('a\t1\n', []))).toEqual(['Tabellen har inga kolumner än; lägg till kolumner innan du klistrar in']);
    const many = Array.from({ length: 501 }, (_, i) => `M${i}\t${i}`).join('\n');
    expect(issuesOf(parsePastedGrid(many, COLUMNS))).toEqual(['Det inklistrade har 501 rader; en tabell får ha högst 500']);
    expect(issuesOf(parsePastedGrid(`${'x'.repeat(2001)}\t1\n`, COLUMNS))).toEqual(['rad 1, kolumn "Mottagning": texten har 2001 tecken; högst 2000 får plats']);
  });

  it('never throws, and every problem names a row, a column or the whole paste in Swedish', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '1', ',', ' ', '\t', '\r', '\n', '"', '%', '−', 'T', 'o', 't', 'l') }), (text) => {
        const result = parsePastedGrid(text, COLUMNS);
        if (result.ok) {
          expect(result.rows.length).toBeGreaterThan(0);
          for (const row of result.rows) expect(Object.keys(row).sort()).toEqual(COLUMNS.map((c) => c.key).sort());
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(issueText(issue)).toMatch(/^(rad \d+|kolumn "|[A-ZÅÄÖ])/);
        }
      }),
    );
  });
});

describe('the grid as the editor holds it', () => {
  it('reads rows of cell texts in the columns’ order, numbering rows as shown, blank rows left out', () => {
    const read = readGrid(
      [
        ['Kalmar', '1 234', '', ''],
        ['', '', '', ''],
        ['Nybro', 'tolv', '2,5', '50 %'],
      ],
      COLUMNS,
    );
    expect(read.rows).toEqual([
      { mottagning: 'Kalmar', antal: 1234, kostnad: null, andel: null },
      { mottagning: 'Nybro', antal: null, kostnad: 2.5, andel: 50 },
    ]);
    expect(read.blankRows).toEqual([2]);
    expect(read.issues.map(issueText)).toEqual(['rad 3, kolumn "Antal": "tolv" är inte ett tal']);
  });
});

describe('dataset input', () => {
  const valid = { title: 'Mottagningar', source: 'Region Kalmar län', columns: COLUMNS, rows: [{ mottagning: 'Kalmar', antal: 5, kostnad: 1.5, andel: 90 }] };

  it('takes a dataset without an id, and any of its fields for a change', () => {
    expect(validate(datasetCreateInput, valid)).toMatchObject({ ok: true, value: { id: null, title: 'Mottagningar' } });
    expect(validate(datasetUpdateInput, { title: 'Nytt namn' })).toEqual({ ok: true, value: { title: 'Nytt namn' } });
  });

  it('at most 500 rows and 30 columns, keys of a–z, 0–9 and _', () => {
    const tooMany = validate(datasetCreateInput, { ...valid, rows: Array.from({ length: 501 }, () => valid.rows[0]) });
    expect(tooMany).toEqual({ ok: false, details: [{ where: 'rows', message: 'högst 500 rader' }] });
    const wide = Array.from({ length: 31 }, (_, i): DatasetColumn => ({ key: `k${i}`, label: `K${i}`, type: 'text', unit: null, decimals: 0, total: null }));
    expect(validate(datasetCreateInput, { ...valid, columns: wide, rows: [{}] })).toEqual({ ok: false, details: [{ where: 'columns', message: 'högst 30 kolumner' }] });
    expect(validate(datasetCreateInput, { ...valid, columns: [{ ...COLUMNS[0], key: 'Mottagning' }] })).toMatchObject({ ok: false, details: [{ where: 'columns[0].key' }] });
  });

  it('every cell fits its column, keys and labels are unique, and problems name row and column', () => {
    const columns: DatasetColumn[] = [...COLUMNS, { ...COLUMNS[1], label: 'Antal' } as DatasetColumn];
    const rows: Array<Record<string, string | number | null>> = [{ mottagning: 'Kalmar', antal: 'tolv', kostnad: 1, andel: null }, { mottagning: 3, antal: 1, kostnad: null, andel: null, okand: 1 }, { mottagning: 'x'.repeat(2001) }];
    expect(datasetProblems(columns, rows)).toEqual([
      { where: 'columns[4].key', message: '"antal" är redan nyckel för kolumn 2' },
      { where: 'columns[4].label', message: 'kolumn 2 heter redan så' },
      { where: 'rad 1, kolumn "Antal"', message: '"tolv" är inte ett tal' },
      { where: 'rad 2, kolumn "Mottagning"', message: 'ska vara text, inte ett tal' },
      { where: 'rad 2', message: 'okänd kolumn "okand"' },
      { where: 'rad 3, kolumn "Mottagning"', message: 'får ha högst 2000 tecken' },
    ]);
    expect(datasetProblems(COLUMNS, valid.rows)).toEqual([]);
  });

  it('makes a key for a new column from its label', () => {
    expect(columnKey('Inkomna, snitt/månad', new Set())).toBe('inkomna_snitt_manad');
    expect(columnKey('Antal', new Set(['antal', 'antal_2']))).toBe('antal_3');
    expect(columnKey('%', new Set())).toBe('kolumn');
  });
});

describe('columns for a new table from the header row', () => {
  it('takes the labels, finds number and percent columns and their decimals, and leaves totals to the analyst', () => {
    const text = `Mottagning\tBesök\tAndel i tid\tKostnad\r\nKalmar\t1${NBSP}234\t98,5 %\t12,25\r\nNybro\t-\t90 %\t3\r\nTotalt\t1${NBSP}234\t\t15,25\r\n`;
    expect(suggestColumns(text)).toEqual([
      { key: 'mottagning', label: 'Mottagning', type: 'text', unit: null, decimals: 0, total: null },
      { key: 'besok', label: 'Besök', type: 'number', unit: null, decimals: 0, total: null },
      { key: 'andel_i_tid', label: 'Andel i tid', type: 'number', unit: 'procent', decimals: 1, total: null },
      { key: 'kostnad', label: 'Kostnad', type: 'number', unit: null, decimals: 2, total: null },
    ]);
  });

  it('gives nothing when the first row cannot be headings', () => {
    expect(suggestColumns('Namn\t\tAntal\nA\t1\t2\n')).toBeNull();
    expect(suggestColumns('Antal\tantal\n1\t2\n')).toBeNull();
    expect(suggestColumns('\n\n')).toBeNull();
  });
});
