import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { MONTH_NAMES } from '../src/domain/period.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { readCsv } from '../src/importers/csv/parse.js';
import { KeySet } from '../src/importers/tabular/keySet.js';
import { RowResolver } from '../src/importers/tabular/resolve.js';
import { stagingLine } from '../src/db/repositories/measurementStaging.js';
import { importFile, loadResolveCatalog } from '../src/services/fileImport.js';
import { mib, ms, row, time, withEmbedded } from './support.js';

/**
 * Imports: a 1 000 000-row long-format CSV (Swedish: `;`, decimal comma, month names, area
 * names) imported end to end — parse, resolve, check, stage with COPY, compare, write one batch
 * — into a throwaway embedded PostgreSQL; then the same file again (nothing changes); then a raw
 * COPY of the same rows, already as ids and keys, into the same table, as the baseline. Prints
 * rows per second, the ratio to raw COPY, and the process's peak memory. For the record it also
 * prints the two floors an import cannot go below: Node's reading and checking alone, and what
 * a sorted COPY costs with the audit trigger, the foreign-key checks, or both switched off.
 */
const ROWS = 1_000_000;
const INDICATORS = 10;
const AREAS = 1_000;
// ROWS / INDICATORS / AREAS = 100 months: 2015-01 … 2023-04

function monthOf(i: number): { year: number; month: number } {
  return { year: 2015 + Math.floor(i / 12), month: (i % 12) + 1 };
}

async function writeLines(file: string, header: string | null, line: (k: number) => string): Promise<void> {
  const out = createWriteStream(file);
  if (header !== null) out.write(header);
  let buffer = '';
  for (let k = 0; k < ROWS; k++) {
    buffer += line(k);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Row k: indicator, area, month — areas fastest, as an export of one month after another. */
function parts(k: number): { indicator: number; area: number; month: number; value: string } {
  const area = k % AREAS;
  const rest = Math.floor(k / AREAS);
  return { indicator: rest % INDICATORS, area, month: Math.floor(rest / INDICATORS), value: valueOf(area, rest % INDICATORS, Math.floor(rest / INDICATORS)) };
}

/** The same rows sorted on indicator, area and month: the order the import writes in. */
function sortedParts(k: number): { indicator: number; area: number; month: number; value: string } {
  const months = ROWS / INDICATORS / AREAS;
  const month = k % months;
  const area = Math.floor(k / months) % AREAS;
  const indicator = Math.floor(k / months / AREAS);
  return { indicator, area, month, value: valueOf(area, indicator, month) };
}

function valueOf(area: number, indicator: number, month: number): string {
  const k = area + AREAS * (indicator + INDICATORS * month);
  return `${(k % 9973) + 1}.${k % 10}`;
}

/** "41181.2 ms = 24 283 rader/s" for ROWS rows in `spent` milliseconds. */
function throughput(spent: number): string {
  return `${ms(spent)} = ${Math.round(ROWS / (spent / 1000)).toLocaleString('sv-SE')} rader/s`;
}

function copyLine(p: ReturnType<typeof parts>, k: number): string {
  const m = monthOf(p.month);
  const mm = String(m.month).padStart(2, '0');
  const last = new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
  return `bench-${p.indicator}\te${String(p.area).padStart(4, '0')}\t${m.year}-${mm}\t${m.year}-${mm}-01\t${m.year}-${mm}-${last}\t\tutfall\t\t${p.value}\t\\N\t\\N\tf\t\\N\tBench\t1\t${k + 2}\tutfall.csv\tbench\n`;
}

export async function importsBench(): Promise<void> {
  process.stdout.write(`\nInläsning: ${ROWS.toLocaleString('sv-SE')} rader lång CSV, hela vägen in i PostgreSQL, mot rå COPY\n`);
  const load = () => os.loadavg()[0]?.toFixed(1).replace('.', ',') ?? '?';
  row('maskin', `${os.cpus().length} kärnor, belastning ${load()} vid start`);
  await withEmbedded(async (pg) => {
    const handle = openDatabase(pg.url);
    const dir = path.dirname(pg.dataDir);
    const csv = path.join(dir, 'utfall.csv');
    const tsv = path.join(dir, 'raw.tsv');
    const sorted = path.join(dir, 'raw-sorted.tsv');
    try {
      await migrateToLatest(handle.db as never);
      await handle.pool.query(`
        insert into indicator (id, name, unit, decimals, direction, period_type, kind, source)
        select 'bench-' || g, 'Mätvärde nummer ' || g, 'dagar', 1, 'lower_is_better', 'month', 'value', 'Bench' from generate_series(0, ${INDICATORS - 1}) g;
        insert into area (id, kind, name) select 'e' || lpad(g::text, 4, '0'), 'unit', 'Enhet nummer ' || g from generate_series(0, ${AREAS - 1}) g;`);

      const generated = await time(async () => {
        await writeLines(csv, 'Indikator;Område;Period;Värde\n', (k) => {
          const p = parts(k);
          const m = monthOf(p.month);
          return `Mätvärde nummer ${p.indicator};Enhet nummer ${p.area};${MONTH_NAMES[m.month - 1]} ${m.year};${p.value.replace('.', ',')}\n`;
        });
        await writeLines(tsv, null, (k) => copyLine(parts(k), k));
        await writeLines(sorted, null, (k) => copyLine(sortedParts(k), k));
      });
      row('filer skrivna (CSV, två COPY-texter)', ms(generated.ms));

      // Node's share alone: the same reading, resolving, checking and COPY-line formatting the
      // import does, into a sink that keeps nothing and writes nowhere — the floor for Node's side.
      const readOnly = await time(async () => {
        const resolver = new RowResolver(await loadResolveCatalog(handle.db), { fileName: 'utfall.csv', source: null });
        const keys = new KeySet(1 << 20);
        let seq = 0;
        let chars = 0;
        let problems = 0;
        await readCsv(createReadStream(csv, { highWaterMark: 1 << 20 }), { defaults: { indicator: null, area: null } }, {
          row: (parsed) => {
            const r = resolver.resolve(parsed, () => void (problems += 1));
            if (!r) return;
            seq += 1;
            chars += stagingLine(seq, r).length;
            keys.add([r.indicatorId, r.areaId, r.period, r.breakdown, r.scenario, r.asOf], seq);
          },
          issue: () => void (problems += 1),
          note: () => undefined,
        });
        if (seq !== ROWS || problems > 0 || chars === 0) throw new Error(`oväntat vid läsning: ${seq} rader, ${problems} problem`);
      });
      row('bara läsa och kontrollera (Node, ingen db)', throughput(readOnly.ms));

      await handle.pool.query('checkpoint');
      const phases = new Map<string, number>();
      let phaseStart = performance.now();
      let phase = 'förberedelse';
      const mark = (next: string) => {
        const now = performance.now();
        phases.set(phase, (phases.get(phase) ?? 0) + (now - phaseStart));
        phase = next;
        phaseStart = now;
      };
      const first = await time(() =>
        importFile(
          handle.db,
          { path: csv, fileName: 'utfall.csv', dryRun: false, createdBy: 'bench' },
          {
            progress: (p) => {
              const next = p.phase === 'read' ? 'läsa, kontrollera, COPY till lager' : p.phase === 'check' ? 'dubbletter' : p.phase === 'plan' ? 'jämföra med lagrat' : p.phase === 'write' ? 'skriva (en inläsning)' : 'klart';
              if (next !== phase) mark(next);
            },
          },
        ),
      );
      mark('klart');
      const report = first.value;
      if (report.counts.errors > 0 || report.counts.new !== ROWS) throw new Error(`oväntat: ${JSON.stringify(report.counts)} ${JSON.stringify(report.issues.slice(0, 3))}`);
      const importRate = ROWS / (first.ms / 1000);
      row('inläsning hela vägen (en transaktion)', throughput(first.ms));
      for (const [name, spent] of phases) if (name !== 'klart') row(`  varav ${name}`, ms(spent));
      const peak = process.resourceUsage().maxRSS * 1024;
      row('högsta minne under inläsningen (RSS)', mib(peak));

      await handle.pool.query('checkpoint');
      const again = await time(() => importFile(handle.db, { path: csv, fileName: 'utfall.csv', dryRun: false, createdBy: 'bench' }));
      if (again.value.batchId !== null || again.value.counts.unchanged !== ROWS) throw new Error(`andra inläsningen ändrade något: ${JSON.stringify(again.value.counts)}`);
      row('samma fil igen (0 ändringar)', throughput(again.ms));

      await handle.pool.query('truncate measurement, measurement_change, import_batch restart identity cascade');
      await handle.pool.query(`insert into import_batch (id, kind, created_by) values (1, 'csv', 'bench')`);
      await handle.pool.query('checkpoint');
      const client = await handle.pool.connect();
      const columns = 'indicator_id, area_id, period, period_start, period_end, breakdown, scenario, as_of, value, numerator, denominator, preliminary, comment, source, import_batch_id, source_row, source_ref, recorded_by';
      const copyRaw = (file: string, before: readonly string[] = [], end: 'commit' | 'rollback' = 'commit') =>
        time(async () => {
          await client.query('begin');
          for (const statement of before) await client.query(statement);
          await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(`copy measurement (${columns}) from stdin`)));
          await client.query(end);
        });
      const raw = await copyRaw(tsv);
      const rawRate = ROWS / (raw.ms / 1000);
      row('rå COPY av samma rader in i samma tabell', throughput(raw.ms));
      // the import writes its rows in key order; a raw COPY of rows already in that order is the best case
      await client.query('truncate measurement');
      await client.query('checkpoint');
      const rawSorted = await copyRaw(sorted);
      const sortedRate = ROWS / (rawSorted.ms / 1000);
      row('rå COPY, samma rader sorterade', throughput(rawSorted.ms));
      // For the record only (never done by the import, which runs as the application's role):
      // what the table's per-row guarantees cost, each switched off in turn inside a transaction
      // that is rolled back — the audit trigger (a jsonb copy of every row into audit_log, issue
      // 6) and the foreign-key checks (indicator, area, batch: three look-ups and locks per row).
      // Switching a foreign key's trigger off needs a superuser; the bench's database role is one.
      const without = async (label: string, statements: readonly string[]) => {
        await client.query('truncate measurement');
        await client.query('checkpoint');
        const spent = await copyRaw(sorted, statements, 'rollback');
        row(`  ${label}`, throughput(spent.ms));
      };
      process.stdout.write('  sorterad COPY utan en del av tabellens kontroller (jämförelse, aldrig i inläsningen):\n');
      await without('utan granskningsloggen, FK kvar', ['alter table measurement disable trigger styrkort_audit_insert']);
      await without('utan FK-kontroller, granskningsloggen kvar', ['alter table measurement disable trigger all', 'alter table measurement enable trigger user']);
      await without('utan båda (index och CHECK kvar)', ['alter table measurement disable trigger all']);
      client.release();
      row('inläsningens takt jämfört med rå COPY', `${(importRate / rawRate).toFixed(2)} (mål ≥ 0,50); mot sorterad COPY ${(importRate / sortedRate).toFixed(2)}`);
      row('mål ≥ 100 000 rader/s', importRate >= 100_000 ? 'uppnått' : `ej uppnått (${Math.round(importRate).toLocaleString('sv-SE')})`);
      row('mål minne < 1 GiB', peak < 1024 ** 3 ? 'uppnått' : 'ej uppnått');
      row('belastning vid slut', load());
    } finally {
      await handle.close();
      for (const file of [csv, tsv, sorted]) await rm(file, { force: true });
    }
  });
}
