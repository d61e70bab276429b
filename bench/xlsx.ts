import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { mib, ms, percentile, row } from './support.js';

/**
 * XLSX reading: a long sheet of 100 000, 300 000 and 1 000 000 rows (written by exceljs's
 * streaming writer, shared strings on, as Excel stores text), each read as an import reads it,
 * in a process of its own, `RUNS` times. Prints the median time and peak RSS per size, the zip
 * guard alone (it unpacks every part once, the floor of any reader here) and the ratio to it, and
 * the RSS of a process that loads the same code and reads nothing. Flat memory: the largest sheet
 * is also read with the heap held to 64 MB, so what the reader keeps cannot grow with the sheet
 * (the unheld peak is mostly garbage the collector had no reason to free yet).
 */
const SIZES = [100_000, 300_000, 1_000_000];
const RUNS = 3;
const HELD_HEAP_MB = 64;
const exec = promisify(execFile);
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'xlsxRead.ts');

interface Measured {
  ms: number;
  rows: number;
  issues: number;
  maxRssBytes: number;
}

async function measure(args: string[], heapMb: number | null = null): Promise<Measured> {
  const flags = ['--max-semi-space-size=64', ...(heapMb ? [`--max-old-space-size=${heapMb}`] : [])];
  const { stdout } = await exec(process.execPath, [...flags, '--import', 'tsx', child, ...args], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout) as Measured;
}

const median = (values: number[]) => percentile(values, 50);

async function writeSheet(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Utfall');
  sheet.addRow(['Indikator', 'Område', 'Period', 'Värde']).commit();
  for (let i = 0; i < rows; i++) {
    const r = sheet.addRow([`Mätvärde nummer ${i % 500}`, `Enhet nummer ${Math.floor(i / 500) % 300}`, new Date(Date.UTC(2016 + Math.floor(i / 150_000), Math.floor(i / 12_500) % 12, 1)), (i % 997) / 10]);
    r.getCell(3).numFmt = 'yyyy-mm';
    r.commit();
  }
  sheet.commit();
  await workbook.commit();
}

export async function xlsxBench(): Promise<void> {
  process.stdout.write(`\nXLSX: långa blad läses som vid inläsning, varje mätning i en egen process, median av ${RUNS}\n`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'styrkort-bench-xlsx-'));
  try {
    const idle = await measure(['idle']);
    row('processen utan läsning (topp-RSS)', mib(idle.maxRssBytes));
    for (const size of SIZES) {
      const file = path.join(dir, `utfall-${size}.xlsx`);
      await writeSheet(file, size);
      const reads: Measured[] = [];
      const guards: Measured[] = [];
      for (let i = 0; i < RUNS; i++) {
        guards.push(await measure(['guard', file]));
        reads.push(await measure(['read', file]));
      }
      // what the reader keeps, not what the collector has yet to free: the same read with the heap held to 64 MB
      const held = await measure(['read', file], HELD_HEAP_MB);
      const first = reads[0]!;
      if (first.rows !== size || first.issues !== 0) throw new Error(`läste ${first.rows} rader och ${first.issues} fel ur ${size}`);
      const readMs = median(reads.map((r) => r.ms));
      const guardMs = median(guards.map((r) => r.ms));
      const label = `${size.toLocaleString('sv-SE')} rader (${mib((await stat(file)).size)} fil)`;
      row(`${label}: läsning`, `${ms(readMs)} = ${Math.round(size / (readMs / 1000)).toLocaleString('sv-SE')} rader/s, topp-RSS ${mib(median(reads.map((r) => r.maxRssBytes)))}`);
      row(`${label}: läsning, heap högst ${HELD_HEAP_MB} MB`, `${held.rows === size ? 'klarar sig' : `läste ${held.rows}`}: ${ms(held.ms)}, topp-RSS ${mib(held.maxRssBytes)}`);
      row(`${label}: zip-vakten ensam`, `${ms(guardMs)}, topp-RSS ${mib(median(guards.map((r) => r.maxRssBytes)))}; kvot läsning/vakt ${(readMs / guardMs).toFixed(2).replace('.', ',')}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
