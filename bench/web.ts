import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { PACKAGE_ROOT } from '../src/config/paths.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { LATEST_SQL, latestValuesQuery } from '../src/db/repositories/latestValues.js';
import type { Database } from '../src/db/schema.js';
import { buildApp } from '../src/server/app.js';
import { createLocalUser } from '../src/services/accounts.js';
import { httpLatencies, loginHeaders, ms, percentile, row, time, withEmbedded } from './support.js';

/**
 * The web app: the scorecard API on a large synthetic data set — 500 indicators × 300 areas ×
 * 10 years of monthly values (18 million measurements) — beside the SQL it rests on, and the
 * built app's first-load transfer size. The API is timed as a browser meets it, over HTTP on
 * 127.0.0.1 from a client in its own thread (support.ts), and in process with app.inject. `npm run bench web` (BENCH_WEB_AREAS / _INDICATORS /
 * _MONTHS make the data set smaller for a quick run).
 */
const INDICATORS = Number(process.env.BENCH_WEB_INDICATORS ?? 500);
const AREAS = Number(process.env.BENCH_WEB_AREAS ?? 300);
const MONTHS = Number(process.env.BENCH_WEB_MONTHS ?? 120);
const REQUESTS = 200;
const GOALS = 5;
const WINDOW = 13; // what services/scorecard.ts reads per series

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const indicatorId = (i: number) => `ind-${pad(i, 3)}`;
const areaId = (a: number) => `omr-${pad(a, 3)}`;

/** Plan, goals, areas, indicators and targets: small, inserted with a few set-based statements. */
async function structure(db: Kysely<Database>): Promise<void> {
  await sql`insert into plan_period (id, start_year, end_year) values ('2026-2028', 2026, 2028)`.execute(db);
  await sql`insert into goal_line (id) select 'mal-' || g from generate_series(1, ${GOALS}) g`.execute(db);
  await sql`insert into goal (id, plan_period_id, goal_line_id, position, name)
            select '2026-2028:mal-' || g, '2026-2028', 'mal-' || g, g, 'Mål ' || g from generate_series(1, ${GOALS}) g`.execute(db);
  await sql`insert into area (id, kind, name) values (${areaId(0)}, 'region', 'Region Test')`.execute(db);
  await sql`insert into area (id, kind, name, parent_id)
            select 'omr-' || lpad(a::text, 3, '0'), 'unit', 'Enhet ' || a, ${areaId(0)} from generate_series(1, ${AREAS - 1}) a`.execute(db);
  await sql`insert into indicator (id, name, unit, decimals, direction, period_type, kind, source)
            select 'ind-' || lpad(i::text, 3, '0'), 'Indikator ' || i, 'procent', 1, 'higher_is_better', 'month', 'value', 'Bench'
            from generate_series(1, ${INDICATORS}) i`.execute(db);
  await sql`insert into indicator_goal_line (indicator_id, goal_line_id)
            select 'ind-' || lpad(i::text, 3, '0'), 'mal-' || (1 + (i - 1) % ${GOALS}) from generate_series(1, ${INDICATORS}) i`.execute(db);
  await sql`insert into target (id, indicator_id, comparator, threshold, near_margin, valid_from_year, source, label)
            select 'mal-ind-' || i, 'ind-' || lpad(i::text, 3, '0'), 'gte', 80, 5, 2016, 'regionplan', 'Minst 80 %'
            from generate_series(1, ${INDICATORS}, 3) i`.execute(db);
}

/**
 * The measurements, with generate_series on two connections in parallel. Indexes and the unique
 * key are dropped for the load and rebuilt from their own definitions afterwards (faster than
 * maintaining them row by row); foreign-key triggers are off for the loading session only.
 */
async function measurements(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const indexes = await admin.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes where tablename = 'measurement' and indexname not in ('measurement_pkey', 'measurement_key')`,
    );
    const key = await admin.query<{ def: string }>(`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'measurement_key'`);
    for (const index of indexes.rows) await admin.query(`drop index ${index.name}`);
    await admin.query('alter table measurement drop constraint measurement_key');

    const half = Math.ceil(INDICATORS / 2);
    const load = async (from: number, to: number) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`set session_replication_role = replica; set synchronous_commit = off`);
        await c.query(
          `insert into measurement (indicator_id, area_id, period, period_start, period_end, value, source, recorded_by)
           select 'ind-' || lpad(i::text, 3, '0'), 'omr-' || lpad(a::text, 3, '0'), to_char(m, 'YYYY-MM'), m::date,
                  (m + interval '1 month - 1 day')::date, round((40 + 55 * random())::numeric, 1), 'Bench', 'bench'
           from generate_series($1::int, $2::int) i, generate_series(0, $3::int - 1) a,
                generate_series('2016-01-01'::timestamp, '2016-01-01'::timestamp + ($4::int - 1) * interval '1 month', interval '1 month') m`,
          [from, to, AREAS, MONTHS],
        );
      } finally {
        await c.end();
      }
    };
    await Promise.all([load(1, half), load(half + 1, INDICATORS)]);

    await admin.query(`set maintenance_work_mem = '1GB'`);
    await admin.query(`alter table measurement add constraint measurement_key ${key.rows[0]?.def ?? ''}`);
    for (const index of indexes.rows) await admin.query(index.def);
    await admin.query('vacuum analyze measurement');
    // write out what the load dirtied now, so no checkpoint flushes gigabytes while requests are timed
    await admin.query('checkpoint');
  } finally {
    await admin.end();
  }
}

function stats(samples: readonly number[]): string {
  return `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}`;
}

/** Sum of gzipped index.html and the JS and CSS it loads (lazy chunks are not part of the first load). */
function firstLoad(): void {
  const dir = path.join(PACKAGE_ROOT, 'dist', 'web');
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    const built = spawnSync(path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build misslyckades');
  }
  const html = readFileSync(index);
  const refs = [...html.toString().matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const files = [{ name: 'index.html', bytes: html }, ...refs.map((ref) => ({ name: ref.replace(/^\//, ''), bytes: readFileSync(path.join(dir, ref)) }))];
  let raw = 0;
  let gzipped = 0;
  for (const f of files) {
    const gz = gzipSync(f.bytes, { level: 9 }).length;
    raw += f.bytes.length;
    gzipped += gz;
    row(`  ${f.name}`, `${(f.bytes.length / 1024).toFixed(1)} kB, gzip ${(gz / 1024).toFixed(1)} kB`);
  }
  row('startsidans första laddning (gzip)', `${(gzipped / 1024).toFixed(1)} kB (okomprimerat ${(raw / 1024).toFixed(1)} kB; mål < 500 kB)`);
}

export async function webBench(): Promise<void> {
  const total = INDICATORS * AREAS * MONTHS;
  process.stdout.write(`\nWebbappen: styrkortet på ${INDICATORS} indikatorer × ${AREAS} områden × ${MONTHS} månader (${(total / 1e6).toFixed(1)} miljoner utfall)\n`);
  await withEmbedded(async (server) => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`alter system set max_wal_size = '8GB'`);
    await admin.query(`alter system set checkpoint_timeout = '30min'`);
    await admin.query('select pg_reload_conf()');
    await admin.end();

    const handle = openDatabase(server.url);
    try {
      await migrateToLatest(handle.db as never);
      const setup = await time(() => structure(handle.db));
      row('plan, områden, indikatorer, målvärden', ms(setup.ms));
      const load = await time(() => measurements(server.url));
      const count = await sql<{ n: number }>`select count(*)::int as n from measurement`.execute(handle.db);
      row('utfall (generate_series, 2 anslutningar, index efteråt)', `${(load.ms / 1000).toFixed(1)} s (${count.rows[0]?.n.toLocaleString('sv-SE')} rader)`);
      const size = await sql<{ size: string }>`select pg_size_pretty(pg_total_relation_size('measurement')) as size`.execute(handle.db);
      row('tabell med index', size.rows[0]?.size ?? '?');

      const app = await buildApp({ db: handle.db, version: 'bench', logLevel: 'silent' });
      // a board member, logged in: every request pays for its session check, as in production
      const actor = { userId: null, name: 'bench', requestId: null };
      await createLocalUser(handle.db, actor, { username: 'ledamot', displayName: 'Ledamot', password: 'bench-lösenord-123', roles: ['reader'], personId: null, email: null }, new Date());
      const headers = await loginHeaders(app, 'ledamot', 'bench-lösenord-123');
      const ids = Array.from({ length: INDICATORS }, (_, i) => indicatorId(i + 1));
      // warm: the board's usual view, the region and a few of its units, in turn; cold: a new
      // area every request, so its index pages are rarely in PostgreSQL's own cache
      const cases = [
        { name: 'varmt, 5 områden i tur och ordning', area: (i: number) => areaId(i % 5) },
        { name: 'kallt, nytt område varje gång', area: (i: number) => areaId((i * 37) % AREAS) },
      ];
      await app.listen({ host: '127.0.0.1', port: 0 });
      const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      for (const c of cases) {
        const url = (i: number) => `/api/scorecard?planPeriod=2026-2028&area=${c.area(i)}`;
        const first = await app.inject({ url: url(0), headers });
        if (first.statusCode !== 200) throw new Error(`${url(0)}: ${first.statusCode} ${first.body.slice(0, 200)}`);
        const indicatorsShown = (first.json() as { goals: Array<{ indicators: unknown[] }> }).goals.reduce((n, g) => n + g.indicators.length, 0);
        const bytes = first.rawPayload.length;
        // over HTTP: 10 to warm up, then the measured ones
        const http = (await httpLatencies(origin, [...Array.from({ length: 10 }, (_, i) => url(i + REQUESTS)), ...Array.from({ length: REQUESTS }, (_, i) => url(i))], headers)).slice(10);
        // in process (light-my-request): no sockets, but the body is copied between strings and buffers twice
        for (let i = 0; i < 10; i++) await app.inject({ url: url(i + REQUESTS), headers });
        const api: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const t = await time(() => app.inject({ url: url(i), headers }));
          if (t.value.statusCode !== 200) throw new Error(`${url(i)}: ${t.value.statusCode} ${t.value.body.slice(0, 200)}`);
          api.push(t.ms);
        }
        const query = (i: number) => handle.pool.query(latestValuesQuery({ indicatorIds: ids, areaIds: [c.area(i)], perSeries: WINDOW }));
        for (let i = 0; i < 10; i++) await query(i + REQUESTS);
        const raw: number[] = [];
        for (let i = 0; i < REQUESTS; i++) raw.push((await time(() => query(i))).ms);
        process.stdout.write(`  ${c.name}:\n`);
        row(`  GET /api/scorecard över HTTP (inloggad läsare, ${REQUESTS} anrop)`, `${stats(http)} (${indicatorsShown} indikatorer, ${(bytes / 1024).toFixed(0)} kB per svar)`);
        row(`  samma anrop in-process (app.inject)`, stats(api));
        row(`  SQL: senaste ${WINDOW} per indikator × område (${REQUESTS} st.)`, `${stats(raw)} (${INDICATORS * WINDOW} rader per fråga)`);
      }

      const plan = await handle.pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${LATEST_SQL}`, latestValuesQuery({ indicatorIds: ids, areaIds: [areaId(7)], perSeries: WINDOW }).values);
      const lines = plan.rows.map((r) => r['QUERY PLAN']);
      const scan = lines.find((l) => /Index (Only )?Scan/.test(l))?.trim().replace(/\s+\(cost=.*$/, '') ?? lines[0] ?? '';
      const executed = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
      row('plan', `${scan.replace(/^->\s*/, '')}; körtid i PostgreSQL ${executed}`);

      row('datorns belastning (load average 1 min) efter mätningen', `${os.loadavg()[0]?.toFixed(1)} på ${os.cpus().length} kärnor`);
      const full: number[] = [];
      for (let i = 0; i < 10; i++) full.push((await time(() => app.inject({ url: `/api/indicators?area=${areaId(i % 5)}&planPeriod=2026-2028`, headers }))).ms);
      row('jämförelse: GET /api/indicators (hela historiken, 10 anrop)', stats(full));
      await app.close();
    } finally {
      await handle.close();
    }
  });
  firstLoad();
}
