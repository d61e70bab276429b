import { StyrkortError } from '../domain/errors.js';
import type { Config } from '../config/env.js';
import { DEMO_DIR, PACKAGE_ROOT, VERSION } from '../config/paths.js';
import { buildApp } from '../server/app.js';
import { authOptions } from '../server/auth/fromConfig.js';
import { openRuntime } from '../services/runtime.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../services/demoUsers.js';
import { isDatabaseEmpty, loadDemo } from '../services/startup.js';
import { say } from './context.js';

/**
 * Runs the server until SIGINT or SIGTERM, then stops in order: stop taking requests, finish
 * the ones under way, close the database pool, stop the embedded PostgreSQL. Requests still
 * under way after SHUTDOWN_GRACE_MS (a client that never finishes sending, a stuck analysis)
 * are cut, so the process ends within about ten seconds in any state — a container runtime
 * kills it soon after.
 */
const SHUTDOWN_GRACE_MS = 8_000;

export async function serve(cfg: Config, options: { demoIfEmpty: boolean }): Promise<void> {
  const database = await openRuntime(cfg, 'own', { migrate: true, log: say });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    if (options.demoIfEmpty && (await isDatabaseEmpty(database.db))) {
      say('Databasen är tom: läser in demodata (Region Kalmar län) …');
      const result = await loadDemo(database.db, DEMO_DIR, PACKAGE_ROOT, { log: say });
      say(`Demodata inläst: ${result.structure.inserted} poster, ${result.measurements.inserted} utfall, ${result.published.length} publicerade sammanträden.`);
      say(`Logga in med ett demokonto (lösenord ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.username).join(', ')}. Byt eller stäng av dem innan installationen används på riktigt.`);
    }
    app = await buildApp({ db: database.db, databaseStatus: database.status, trustProxy: cfg.trustProxy, version: VERSION, logLevel: cfg.logLevel, imports: { maxUploadBytes: cfg.importMaxBytes, koladaUrl: cfg.koladaUrl }, auth: authOptions(cfg) });
    try {
      await app.listen({ host: cfg.host, port: cfg.port });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new StyrkortError('config', `Porten ${cfg.port} på ${cfg.host} används redan. Stoppa programmet som använder den eller välj en annan port med PORT=${cfg.port + 1}.`);
      if (code === 'EACCES') throw new StyrkortError('config', `Styrkort får inte lyssna på port ${cfg.port}. Välj en port över 1024 med PORT=3000.`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new StyrkortError('config', `Adressen HOST=${cfg.host} finns inte på den här datorn. Använd t.ex. HOST=127.0.0.1.`);
      throw error;
    }
    say(`Styrkort ${VERSION} svarar på http://${cfg.host}:${cfg.port}/ (${database.embedded ? `inbyggd databas i ${database.embedded.dataDir}` : 'extern databas'})`);
  } catch (error) {
    await app?.close();
    await database.shutdown();
    throw error;
  }

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      say(`${signal}: stänger Styrkort …`);
      void (async () => {
        const grace = setTimeout(() => {
          say(`Förfrågningar pågår fortfarande efter ${SHUTDOWN_GRACE_MS / 1000} s; de avbryts.`);
          app?.server.closeAllConnections();
        }, SHUTDOWN_GRACE_MS);
        try {
          await app?.close();
        } finally {
          clearTimeout(grace);
          await database.shutdown();
          say('Stängt.');
          resolve();
        }
      })();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
