import os from 'node:os';
import { decksBench } from './decks.js';
import { foundationBench } from './foundation.js';
import { importsBench } from './imports.js';
import { sanitizeBench } from './sanitize.js';
import { webBench } from './web.js';
import { xlsxBench } from './xlsx.js';

/**
 * `npm run bench [namn …]`: runs the benchmarks and prints their figures. Each benchmark starts
 * its own embedded PostgreSQL in a temporary directory (sanitize needs none). Names: foundation, imports, web, decks, sanitize, xlsx.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  foundation: foundationBench,
  imports: importsBench,
  web: webBench,
  decks: decksBench,
  sanitize: sanitizeBench,
  xlsx: xlsxBench,
};

const wanted = process.argv.slice(2);
// the runtime settings the figures were taken with (npm start uses the same, package.json)
process.stdout.write(`Node ${process.version} ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || '(standardinställningar)'}, ${os.cpus().length} kärnor\n`);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    process.stderr.write(`Okänd mätning "${name}". Finns: ${Object.keys(BENCHES).join(', ')}\n`);
    process.exit(1);
  }
  await bench();
}
