import type { Command } from 'commander';
import { formatNumber } from '../domain/format.js';
import type { KoladaSyncReport } from '../services/koladaSync.js';
import { config, say, withDatabase } from './context.js';
import { cliActor, cliUser, table } from './importCommands.js';

/**
 * `styrkort kolada sync --kpi N79179,U79119 --regions all --years 2016-2025 [--dry-run] [--full]`
 * and the KPI → indicator mappings it needs. Kolada's address comes from STYRKORT_KOLADA_URL.
 */
const n = (value: number) => formatNumber(value, 0);
/** Loaded by the commands that run, not by every start of the CLI. */
const kolada = () => import('../services/koladaSync.js');

function printSync(report: KoladaSyncReport): void {
  for (const k of report.kpis) {
    const since = k.fromDate ? `ändrat sedan ${k.fromDate}` : 'allt';
    say(`${k.kpi} ${k.title} → ${k.indicatorId}: ${n(k.values)} värden (${since}, ${k.pages} sidor${k.deleted > 0 ? `, ${n(k.deleted)} borttagna` : ''})`);
  }
  say(`Regioner: ${report.regions.join(', ')}; år ${report.years[0]}–${report.years[report.years.length - 1]}. Källa: Kolada, hämtat ${report.fetchedAt.slice(0, 16).replace('T', ' ')} UTC.`);
  for (const note of report.notes) say(`  ${note}`);
  for (const line of table([
    ['Nya värden', n(report.counts.new)],
    ['Reviderade värden', n(report.counts.changed)],
    ['Oförändrade värden', n(report.counts.unchanged)],
    ['Fel', n(report.counts.errors)],
  ]))
    say(line);
  if (report.changes.length > 0) {
    say('Reviderade i Kolada (gammalt → nytt):');
    for (const c of report.changes.slice(0, 30)) say(`  ${c.indicatorName} · ${c.areaName} · ${c.periodLabel}${c.breakdown ? ` · ${c.breakdown}` : ''}: ${c.old?.text ?? '–'} → ${c.new.text}`);
    if (report.counts.changed > 30) say(`  … och ${n(report.counts.changed - 30)} till`);
  }
  for (const issue of report.issues.slice(0, 30)) say(`  Fel: ${issue.sheet ?? ''} ${issue.column}: ${issue.message}`);
}

export function registerKoladaCommands(program: Command): void {
  const command = program.command('kolada').usage('<kommando>').description('Hämta nyckeltal från Kolada (api.kolada.se, ändras med STYRKORT_KOLADA_URL)');

  command
    .command('sync')
    .usage('--kpi <lista> --years <år> [flaggor]')
    .description('Hämta KPI:er för regioner och år och spara dem som en inläsning')
    .requiredOption('--kpi <lista>', 'KPI-id, kommaseparerade, t.ex. N79179,U79119')
    .option('--regions <lista>', '"all" (standard) eller Kolada-id/områden, kommaseparerade (t.ex. 0008,0000)')
    .requiredOption('--years <år>', 'år, t.ex. 2016-2025 eller 2023,2024')
    .option('--dry-run', 'visa vad som skulle ändras, utan att spara')
    .option('--full', 'hämta allt, inte bara det som ändrats sedan förra hämtningen')
    .option('--skip-errors', 'spara de felfria värdena även om andra har fel')
    .action(async (opts: { kpi: string; regions?: string; years: string; dryRun?: boolean; full?: boolean; skipErrors?: boolean }) => {
      const { createKoladaClient, parseKpis, parseYears, syncKolada } = await kolada();
      const cfg = config();
      const kpis = parseKpis(opts.kpi);
      const years = parseYears(opts.years);
      const text = opts.regions ?? 'all';
      const regions = text.trim().toLowerCase() === 'all' ? ('all' as const) : text.split(',').map((r) => r.trim()).filter(Boolean);
      await withDatabase(cfg, 'shared', async (database) => {
        const client = createKoladaClient({ baseUrl: cfg.koladaUrl });
        const report = await syncKolada(
          database.db,
          { kpis, regions, years, dryRun: opts.dryRun ?? false, full: opts.full ?? false, skipInvalid: opts.skipErrors ?? false, createdBy: cliUser(), actor: cliActor() },
          {
            client,
            progress: (p) => {
              if (p.phase === 'fetch' && p.kpi !== '' && process.stderr.isTTY) process.stderr.write(`Hämtar ${p.kpi} (${p.done + 1}/${p.total}) …\n`);
            },
          },
        );
        printSync(report);
        if (report.dryRun) say('Provkörning: inget sparades.');
        else if (!report.committed) {
          say(`Inget sparades: ${n(report.counts.errors)} fel. Kör med --skip-errors för att spara de felfria värdena.`);
          process.exitCode = 1;
        } else if (report.batchId === null) say('Inga ändringar: alla värden fanns redan.');
        else say(`Sparad som inläsning ${report.batchId}. Ångra med: styrkort import undo ${report.batchId}`);
      });
    });

  command
    .command('map <kpi> <indikator>')
    .usage('<kpi> <indikator>')
    .description('Koppla en Kolada-KPI till en indikator')
    .action(async (kpi: string, indicator: string) => {
      const { createKoladaClient, mapKoladaKpi } = await kolada();
      const cfg = config();
      await withDatabase(cfg, 'shared', async (database) => {
        const mapping = await mapKoladaKpi(database.db, { kpi, indicatorId: indicator, createdBy: cliUser() }, createKoladaClient({ baseUrl: cfg.koladaUrl, maxAttempts: 2, timeoutMs: 10_000 }));
        say(`${mapping.kpiId}${mapping.kpiTitle ? ` (${mapping.kpiTitle})` : ''} → ${mapping.indicatorId}`);
      });
    });

  command
    .command('mappings')
    .description('Lista KPI:er kopplade till indikatorer')
    .action(async () => {
      const { koladaMappingList } = await kolada();
      await withDatabase(config(), 'shared', async (database) => {
        const mappings = await koladaMappingList(database.db);
        if (mappings.length === 0) say('Inga sparade kopplingar (indikatorer med kolada_kpi i katalogen används ändå).');
        for (const m of mappings) say(`${m.kpiId}  → ${m.indicatorId}${m.kpiTitle ? `  (${m.kpiTitle})` : ''}`);
      });
    });
}
