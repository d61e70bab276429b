#!/usr/bin/env node
// Each command loads what it needs when it runs (dynamic imports in the actions): --help, a wrong
// argument or `import list` do not load the web server, the renderers or the importers.
import { Command } from 'commander';
import { isStyrkortError } from '../domain/errors.js';
import { DEMO_DIR, PACKAGE_ROOT, VERSION } from '../config/paths.js';
import { config, say, withDatabase } from './context.js';
import { registerDeckCommand } from './deck.js';
import { registerImportCommands } from './importCommands.js';
import { registerKoladaCommands } from './koladaCommands.js';
import { registerUserCommands } from './users.js';
import { swedishError, swedishHelp } from './swedish.js';

const program = new Command();
program
  .name('styrkort')
  .usage('[flaggor] <kommando>')
  .description('Styrkort: regionstyrelsens uppföljning av regionplanen och styrelsepaket ur lagrade data.')
  .version(VERSION, '-v, --version', 'visa versionen')
  .helpOption('-h, --help', 'visa hjälp')
  .addHelpCommand('help [kommando]', 'visa hjälp för ett kommando')
  .showHelpAfterError('(kör "styrkort --help" för hjälp)')
  .configureHelp(swedishHelp)
  .configureOutput({ outputError: (text, write) => write(swedishError(text)) });

program
  .command('serve')
  .description('Starta webbservern (127.0.0.1:3000 om inget annat anges med HOST och PORT)')
  .option('--port <port>', 'port att lyssna på (ersätter PORT)')
  .option('--host <värd>', 'adress att lyssna på (ersätter HOST)')
  .action(async (opts: { port?: string; host?: string }) => {
    const env = { ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) };
    const { loadConfig } = await import('../config/env.js');
    const { serve } = await import('./serve.js');
    await serve(loadConfig(env, process.cwd()), { demoIfEmpty: false });
  });

program
  .command('start')
  .description('Som serve, men läser först in demodata om databasen är tom (det "npm start" kör)')
  .action(async () => {
    const { serve } = await import('./serve.js');
    await serve(config(), { demoIfEmpty: true });
  });

const db = program.command('db').description('Databasen');
db.command('migrate')
  .description('Kör databasmigreringar som inte körts (görs också automatiskt vid start)')
  .action(async () => {
    const { migrate } = await import('../services/runtime.js');
    await withDatabase(config(), 'shared', async (database) => {
      const applied = await migrate(database);
      say(applied.length === 0 ? 'Databasen är redan uppdaterad.' : `Körde ${applied.length} migreringar: ${applied.join(', ')}`);
    }, { migrate: false });
  });

const demo = program.command('demo').description('Demodata för Region Kalmar län');
demo
  .command('load')
  .description('Läs in demodata (data/demo) eller en egen katalog; en andra inläsning ändrar ingenting')
  .option('--dir <katalog>', 'katalog att läsa', DEMO_DIR)
  .option('--prune', 'ta också bort det som filernas poster inte nämner (titlar, medlemmar, målvärden …); utan flaggan läggs bara till och ändras')
  .action(async (opts: { dir: string; prune?: boolean }) => {
    const { loadDemo } = await import('../services/startup.js');
    await withDatabase(config(), 'shared', async (database) => {
      const r = await loadDemo(database.db, opts.dir, PACKAGE_ROOT, { log: say, prune: opts.prune ?? false });
      const s = r.structure;
      say(`Struktur: ${s.inserted} nya, ${s.updated} ändrade, ${s.deleted} borttagna. Utfall: ${r.measurements.inserted} nya, ${r.measurements.updated} ändrade, ${r.measurements.unchanged} oförändrade.`);
      if (r.published.length > 0) say(`Publicerade: ${r.published.map((v) => `${v.meetingId} version ${v.version}`).join(', ')}.`);
    });
  });
demo
  .command('check')
  .description('Kontrollera demodata utan att skriva något')
  .option('--dir <katalog>', 'katalog att läsa', DEMO_DIR)
  .action(async (opts: { dir: string }) => {
    const { readCheckedCatalog } = await import('../services/catalog.js');
    await withDatabase(config(), 'shared', async (database) => {
      await readCheckedCatalog(database.db, { dir: opts.dir, root: PACKAGE_ROOT });
      say('Inga fel.');
    });
  });

program
  .command('backup')
  .description('Ta en konsekvent säkerhetskopia (även medan servern kör) till FIL')
  .argument('<fil>', 'fil att skriva, t.ex. styrkort-2026-05-06.backup.gz')
  .action(async (file: string) => {
    const { backup } = await import('../services/runtime.js');
    await withDatabase(config(), 'shared', async (database) => {
      const manifest = await backup(database, file);
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      say(`Säkerhetskopia skriven till ${file}: ${manifest.tables.length} tabeller, ${rows} rader.`);
    });
  });

program
  .command('restore')
  .description('Återställ en säkerhetskopia till en tom databas')
  .argument('<fil>', 'säkerhetskopia skriven av "styrkort backup"')
  .action(async (file: string) => {
    const { restore } = await import('../services/runtime.js');
    await withDatabase(config(), 'shared', async (database) => {
      const manifest = await restore(database, file);
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      say(`Återställde ${rows} rader i ${manifest.tables.length} tabeller från ${file} (tagen ${manifest.createdAt}).`);
    }, { migrate: false });
  });

registerDeckCommand(program);
registerImportCommands(program);
registerKoladaCommands(program);
registerUserCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isStyrkortError(error)) {
    process.stderr.write(`Fel: ${error.message}\n`);
    const details = error.code === 'config' ? [] : error.details;
    for (const d of details.slice(0, 20)) process.stderr.write(`  ${d.where ? `${d.where}: ` : ''}${d.message}\n`);
    if (details.length > 20) process.stderr.write(`  … och ${details.length - 20} till\n`);
  } else {
    process.stderr.write(`Fel: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  }
  process.exitCode = 1;
}
