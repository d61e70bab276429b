import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { StyrkortError } from '../domain/errors.js';
import { formatNumber } from '../domain/format.js';
import type { DeckFormat } from '../services/deck.js';
import { config, say, withDatabase } from './context.js';

/**
 * `styrkort deck <datum|id> --format pptx|pdf|html [--out FIL] [--theme FIL]`: a meeting's board
 * pack written to a file; without --out, under its Swedish name in the current directory.
 */
function isFormat(value: string, formats: readonly DeckFormat[]): value is DeckFormat {
  return (formats as readonly string[]).includes(value);
}

export function registerDeckCommand(program: Command): void {
  program
    .command('deck')
    .description('Skriv ett sammanträdes styrelsepaket som PowerPoint, PDF eller webbpresentation')
    .argument('<sammanträde>', 'sammanträdets datum (2026-05-06) eller id (rs-2026-05-06)')
    .option('--format <format>', 'pptx, pdf eller html', 'pptx')
    .option('--out <fil>', 'fil att skriva (standard: paketets svenska filnamn i aktuell katalog)')
    .option('--theme <fil>', 'temafil (JSON) med färger, typsnitt, logotyp och sidfot (ersätter STYRKORT_DECK_THEME)')
    .action(async (meeting: string, opts: { format: string; out?: string; theme?: string }) => {
      const { DECK_FORMATS, renderMeetingDeck } = await import('../services/deck.js');
      const { deckSettings } = await import('../services/deckSettings.js');
      const format = opts.format.toLowerCase();
      if (!isFormat(format, DECK_FORMATS)) throw new StyrkortError('invalid_input', `Okänt format "${opts.format}": välj pptx, pdf eller html.`);
      const settings = await deckSettings(process.env, process.cwd(), opts.theme ?? null);
      await withDatabase(config(), 'shared', async (database) => {
        const rendered = await renderMeetingDeck(database.db, meeting, format, settings);
        const file = path.resolve(process.cwd(), opts.out ?? rendered.fileName);
        await writeFile(file, rendered.bytes);
        say(`Skrev ${file} (${rendered.slideCount} bilder, ${formatNumber(rendered.bytes.length / 1024, 0)} kB).`);
      });
    });
}
