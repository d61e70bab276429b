import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEMO_DIR, PACKAGE_ROOT } from '../src/config/paths.js';
import { openDatabase } from '../src/db/connect.js';
import { backupDatabase, restoreDatabase } from '../src/db/backup.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/server/app.js';
import { loadDemo } from '../src/services/startup.js';
import { loginHeaders, mib, ms, percentile, row, time, withEmbedded } from './support.js';

/**
 * Foundation: how long the embedded database takes to start, the demo data to load (and to
 * re-load as a no-op), the main API views to answer, and a backup/restore round trip.
 */
export async function foundationBench(): Promise<void> {
  process.stdout.write('\nGrund: inbyggd databas, demodata, API, säkerhetskopia\n');
  const started = await time(() => withEmbedded(async (pg) => {
    const handle = openDatabase(pg.url);
    try {
      const migrate = await time(() => migrateToLatest(handle.db as never));
      row('migreringar (tom → senaste)', ms(migrate.ms));
      const first = await time(() => loadDemo(handle.db, DEMO_DIR, PACKAGE_ROOT));
      row('demodata, första inläsningen', `${ms(first.ms)} (${first.value.measurements.inserted} utfall)`);
      const second = await time(() => loadDemo(handle.db, DEMO_DIR, PACKAGE_ROOT));
      row('demodata, andra inläsningen (inga ändringar)', ms(second.ms));

      const app = await buildApp({ db: handle.db, version: 'bench', logLevel: 'silent' });
      // the demo's board member (services/demoUsers.ts), logged in
      const headers = await loginHeaders(app, 'lasare', 'styrkort-demo');
      for (const url of ['/api/meetings/rs-2026-05-06', '/api/indicators?area=0008&planPeriod=2026-2028', '/api/indicators/telefon-teleq-samma-dag/ranking?period=2026-03']) {
        const samples: number[] = [];
        for (let i = 0; i < 100; i++) {
          const t = await time(() => app.inject({ url, headers }));
          if (t.value.statusCode !== 200) throw new Error(`${url}: ${t.value.statusCode}`);
          samples.push(t.ms);
        }
        row(`GET ${url.slice(0, 36)}`, `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))} (100 anrop)`);
      }
      await app.close();

      const file = path.join(os.tmpdir(), `styrkort-bench-${process.pid}.backup.gz`);
      const backup = await time(() => backupDatabase(pg.url, file));
      row('säkerhetskopia', ms(backup.ms));
      const admin = openDatabase(pg.url.replace(/\/styrkort$/, '/postgres'));
      await admin.pool.query('create database restored');
      await admin.close();
      const restore = await time(() => restoreDatabase(pg.url.replace(/\/styrkort$/, '/restored'), file));
      row('återställning till tom databas', ms(restore.ms));
      await rm(file, { force: true });
    } finally {
      await handle.close();
    }
  }));
  row('totalt inklusive start och stopp av PostgreSQL', ms(started.ms));
  row('högsta minnesanvändning (RSS)', mib(process.resourceUsage().maxRSS * 1024));
}
