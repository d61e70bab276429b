import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { StyrkortError } from '../domain/errors.js';
import { formatDate, formatNumber } from '../domain/format.js';
import type { Actor } from '../services/actor.js';
import type { ImportProgress, ImportReport } from '../services/fileImport.js';
import type { ChangeView } from '../services/importViews.js';
import { config, say, withDatabase } from './context.js';

/**
 * `styrkort import FIL [--dry-run] [--sheet NAMN]` and its siblings: list, show and undo import
 * batches, and map names in files to indicators and areas. A progress bar goes to stderr when
 * it is a terminal; the summary table and any problems go to stdout.
 */
/** The command line as the actor of the changes it makes (no user, no request), for the audit trail. */
export function cliActor(): Actor {
  return { userId: null, name: cliUser(), requestId: null };
}

export function cliUser(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

const n = (value: number) => formatNumber(value, 0);

export function table(rows: ReadonlyArray<[string, string]>): string[] {
  const left = Math.max(...rows.map(([label]) => label.length));
  const right = Math.max(...rows.map(([, value]) => value.length));
  const line = (a: string, b: string, c: string) => `${a}${'─'.repeat(left + 2)}${b}${'─'.repeat(right + 2)}${c}`;
  return [line('┌', '┬', '┐'), ...rows.map(([label, value]) => `│ ${label.padEnd(left)} │ ${value.padStart(right)} │`), line('└', '┴', '┘')];
}

function changeLine(c: ChangeView): string {
  const what = `${c.indicatorName} · ${c.areaName} · ${c.periodLabel}${c.breakdown ? ` · ${c.breakdown}` : ''}`;
  return c.old ? `  ${what}: ${c.old.text} → ${c.new.text}` : `  ${what}: ${c.new.text}`;
}

/** A progress bar on stderr for the read and write phases; nothing when stderr is not a terminal. */
export function progressBar(label: string): { update: (p: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} {bar} {percentage} % | {what}`, hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const start = (total: number) => {
    if (!started) bar.start(total, 0, { what: '' });
    started = true;
  };
  return {
    update(p) {
      switch (p.phase) {
        case 'read':
          start(100);
          bar.update(p.totalBytes === 0 ? 100 : Math.round((p.bytes / p.totalBytes) * 100), { what: `${n(p.rows)} rader lästa` });
          break;
        case 'check':
          start(100);
          bar.update(100, { what: 'kontrollerar dubbletter' });
          break;
        case 'plan':
          start(100);
          bar.update(100, { what: 'jämför med lagrade värden' });
          break;
        case 'write':
          start(100);
          bar.update(p.total === 0 ? 100 : Math.round(((p.inserted + p.updated) / p.total) * 100), { what: `skriver (${n(p.inserted)} nya, ${n(p.updated)} ändrade)` });
          break;
        case 'done':
          break;
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

export async function printReport(report: ImportReport): Promise<void> {
  const { issueLines } = await import('../services/fileImport.js');
  const format = report.format === 'csv' ? `CSV, ${report.encoding}, avgränsare ${report.delimiter === '\t' ? 'tabb' : report.delimiter}` : `XLSX, blad ${report.sheets.filter((s) => s.layout !== null).map((s) => s.sheet).join(', ') || '–'}`;
  say(`Fil: ${report.fileName} (${format}), ${n(report.rowsRead)} rader, SHA-256 ${report.sha256.slice(0, 16)}…`);
  for (const p of report.previousImports) say(`  Samma fil lästes in tidigare: inläsning ${p.batchId}, ${formatDate(p.createdAt)} av ${p.createdBy}`);
  for (const note of report.notes) say(`  ${note}`);
  for (const line of table([
    ['Nya värden', n(report.counts.new)],
    ['Ändrade värden', n(report.counts.changed)],
    ['Oförändrade värden', n(report.counts.unchanged)],
    ['Fel', n(report.counts.errors)],
  ]))
    say(line);
  if (report.changes.length > 0) {
    say('Ändrade värden (gammalt → nytt):');
    for (const c of report.changes.slice(0, 20)) say(changeLine(c));
    if (report.counts.changed > 20) say(`  … och ${n(report.counts.changed - 20)} till`);
  }
  if (report.unresolved.length > 0) {
    say('Okända namn — koppla dem med "styrkort import map indicator|area NAMN ID":');
    for (const u of report.unresolved.slice(0, 20)) {
      const where = `${u.first.sheet === null ? '' : `${u.first.sheet}!`}${u.first.column}${u.first.row}`;
      const hint = u.suggestions.length > 0 ? ` — förslag: ${u.suggestions.map((s) => s.id).join(', ')}` : '';
      say(`  ${u.kind === 'indicator' ? 'indikator' : 'område'} "${u.text}" (${n(u.rows)} rader, först ${where})${hint}`);
    }
  }
  if (report.counts.errors > 0) {
    say('Fel:');
    for (const line of issueLines(report, 30)) say(`  ${line}`);
    if (report.counts.errors > 30) say(`  … och ${n(report.counts.errors - 30)} fel till (hela listan: --errors fel.xlsx)`);
  }
}

export function registerImportCommands(program: Command): void {
  const command = program
    .command('import')
    .usage('[flaggor] <fil> | <kommando>')
    .description('Läs in utfall från Excel (XLSX) eller CSV; lista, visa och ångra inläsningar');

  command
    .command('fil <fil>', { isDefault: true })
    .usage('[flaggor] <fil>')
    .description('Läs in FIL (standard: "styrkort import FIL"): kontrollera allt först, spara sedan allt eller inget')
    .option('--dry-run', 'provläs: visa nya, ändrade och oförändrade värden och alla fel, utan att spara')
    .option('--sheet <namn>', 'läs bara bladet NAMN (XLSX)')
    .option('--indicator <id>', 'indikator för filer som inte har en indikatorkolumn')
    .option('--area <id>', 'område för filer som inte har en områdeskolumn')
    .option('--source <text>', 'källa att ange på varje värde (standard: kolumnen Källa eller indikatorns källa)')
    .option('--skip-errors', 'spara de felfria raderna även om andra rader har fel')
    .option('--errors <fil>', 'skriv felen till FIL (.xlsx eller .csv)')
    .action(async (file: string, opts: { dryRun?: boolean; sheet?: string; indicator?: string; area?: string; source?: string; skipErrors?: boolean; errors?: string }) => {
      const absolute = path.resolve(process.cwd(), file);
      const { importFile } = await import('../services/fileImport.js');
      await withDatabase(config(), 'shared', async (database) => {
        const bar = progressBar(opts.dryRun ? 'Provläser' : 'Läser in');
        let report: ImportReport;
        try {
          report = await importFile(
            database.db,
            {
              path: absolute,
              fileName: path.basename(file),
              sheet: opts.sheet ?? null,
              indicator: opts.indicator ?? null,
              area: opts.area ?? null,
              source: opts.source ?? null,
              dryRun: opts.dryRun ?? false,
              skipInvalid: opts.skipErrors ?? false,
              createdBy: cliUser(),
              actor: cliActor(),
            },
            { progress: bar.update },
          );
        } finally {
          bar.stop();
        }
        await printReport(report);
        if (opts.errors) {
          const target = path.resolve(process.cwd(), opts.errors);
          const { errorReportFile } = await import('../services/importSessions.js');
          await writeFile(target, await errorReportFile(report.issues, target.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'));
          say(`Felen skrevs till ${target}.`);
        }
        if (report.dryRun) {
          say('Provläsning: inget sparades.');
          if (report.counts.errors > 0) process.exitCode = 1;
        } else if (!report.committed) {
          say(`Inget sparades: filen har ${n(report.counts.errors)} fel. Rätta dem, koppla okända namn, eller kör med --skip-errors för att spara de felfria raderna.`);
          process.exitCode = 1;
        } else if (report.batchId === null) say('Inga ändringar: alla värden fanns redan.');
        else say(`Sparad som inläsning ${report.batchId}${report.skipped > 0 ? ` (${n(report.skipped)} rader med fel hoppades över)` : ''}. Ångra med: styrkort import undo ${report.batchId}`);
      });
    });

  command
    .command('list')
    .usage('[flaggor]')
    .description('Lista inläsningar, senaste först')
    .option('--limit <n>', 'antal att visa (standard: 20)')
    .action(async (opts: { limit?: string }) => {
      const { importBatchList } = await import('../services/importBatches.js');
      await withDatabase(config(), 'shared', async (database) => {
        const { batches, total } = await importBatchList(database.db, { limit: Math.min(1000, Math.max(1, Number(opts.limit ?? 20) || 20)), offset: 0 });
        if (batches.length === 0) say('Inga inläsningar ännu.');
        for (const b of batches) {
          const state = b.undoneAt ? ` — ångrad ${formatDate(b.undoneAt)} av ${b.undoneBy ?? '?'}` : '';
          say(`${String(b.id).padStart(5)}  ${b.createdAt.slice(0, 16).replace('T', ' ')}  ${b.kind.padEnd(6)} ${b.fileName ?? '–'} (${b.createdBy}): ${n(b.inserted)} nya, ${n(b.updated)} ändrade, ${n(b.unchanged)} oförändrade${state}`);
        }
        if (total > batches.length) say(`(${n(batches.length)} av ${n(total)})`);
      });
    });

  command
    .command('show <inläsning>')
    .description('Visa en inläsning och vad den ändrade (gammalt → nytt)')
    .action(async (id: string) => {
      const batchId = Number(id);
      if (!Number.isInteger(batchId) || batchId <= 0) throw new StyrkortError('invalid_input', `"${id}" är inget inläsningsnummer`);
      const { importBatchDetail } = await import('../services/importBatches.js');
      await withDatabase(config(), 'shared', async (database) => {
        const { batch, changes } = await importBatchDetail(database.db, batchId, { limit: 50, offset: 0 });
        say(`Inläsning ${batch.id}: ${batch.fileName ?? '–'} (${batch.kind}), ${batch.createdAt.slice(0, 16).replace('T', ' ')} UTC av ${batch.createdBy}`);
        say(`${n(batch.inserted)} nya, ${n(batch.updated)} ändrade, ${n(batch.unchanged)} oförändrade${batch.undoneAt ? `; ångrad ${formatDate(batch.undoneAt)} av ${batch.undoneBy ?? '?'}` : ''}`);
        for (const c of changes) say(`  ${c.indicatorName ?? '?'} · ${c.areaName ?? '?'} · ${c.periodLabel ?? '?'}${c.breakdown ? ` · ${c.breakdown}` : ''}: ${c.old.text} → ${c.new.text}`);
      });
    });

  command
    .command('undo <inläsning>')
    .description('Ångra en inläsning: dess nya värden tas bort och ändrade värden får tillbaka sina gamla')
    .action(async (id: string) => {
      const batchId = Number(id);
      if (!Number.isInteger(batchId) || batchId <= 0) throw new StyrkortError('invalid_input', `"${id}" är inget inläsningsnummer`);
      const { undoImportBatch } = await import('../services/importBatches.js');
      await withDatabase(config(), 'shared', async (database) => {
        const result = await undoImportBatch(database.db, batchId, cliUser(), cliActor());
        say(`Inläsning ${batchId} ångrad: ${n(result.deleted)} värden borttagna, ${n(result.restored)} återställda till sina tidigare värden.`);
      });
    });

  command
    .command('map <slag> <namn> <id>')
    .description('Koppla ett namn som filer använder till en indikator eller ett område (slag: indicator eller area)')
    .action(async (kind: string, text: string, id: string) => {
      const k = kind === 'indikator' ? 'indicator' : kind === 'område' || kind === 'omrade' ? 'area' : kind;
      if (k !== 'indicator' && k !== 'area') throw new StyrkortError('invalid_input', `Okänt slag "${kind}": välj indicator eller area`);
      const { saveMapping } = await import('../services/importBatches.js');
      await withDatabase(config(), 'shared', async (database) => {
        const mapping = await saveMapping(database.db, { kind: k, text, targetId: id, createdBy: cliUser() });
        say(`"${mapping.sourceText}" betyder nu ${k === 'indicator' ? 'indikatorn' : 'området'} ${mapping.targetId} vid inläsning.`);
      });
    });

  command
    .command('mappings')
    .description('Lista sparade kopplingar från namn i filer')
    .action(async () => {
      const { importMappingList } = await import('../services/importBatches.js');
      await withDatabase(config(), 'shared', async (database) => {
        const mappings = await importMappingList(database.db);
        if (mappings.length === 0) say('Inga sparade kopplingar.');
        for (const m of mappings) say(`${m.kind === 'indicator' ? 'indikator' : 'område   '}  "${m.sourceText}" → ${m.targetId}  (${m.createdBy}, ${formatDate(m.createdAt)})`);
      });
    });
}
