import { performance } from 'node:perf_hooks';
import { readXlsx } from '../src/importers/xlsx/parse.js';
import { checkZip } from '../src/importers/xlsx/zipGuard.js';

/**
 * One measurement in a process of its own, so its peak RSS is its own: `read FILE` reads the
 * workbook as an import does into a sink that keeps nothing; `guard FILE` runs only the zip
 * guard (which unpacks every part once: the floor any reader pays); `idle` loads the same code
 * and reads nothing (the process's own footprint). Prints one line of JSON.
 */
const [mode, file] = process.argv.slice(2);
const start = performance.now();
let rows = 0;
let issues = 0;
if (mode === 'read' && file) {
  await readXlsx(file, {}, { row: () => void (rows += 1), issue: () => void (issues += 1), note: () => undefined });
} else if (mode === 'guard' && file) {
  await checkZip(file);
} else if (mode !== 'idle') {
  throw new Error('bruk: xlsxRead.ts read|guard FIL, eller idle');
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, rows, issues, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
