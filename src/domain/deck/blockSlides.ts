import { assertNever } from '../assert.js';
import type { Block } from '../blocks.js';
import { parseMarkdown } from '../markdown.js';
import type { ItemView } from '../meetingView.js';
import { chartBody, keyFigureBody, keyFigureTitle } from './figures.js';
import type { FigureNote, Slide, SlideBody } from './model.js';
import { figureNote } from './note.js';
import type { DeckCapacity } from './paginate.js';
import { hasPlacedRisks, riskMatrixBody } from './risks.js';
import { splitTable } from './splitTable.js';
import { checklistTable, dataTable, rankingTable, riskTable, statementTable } from './tables.js';
import { splitText } from './text.js';
import { timelineBody } from './timeline.js';

/** A slide before it is numbered. */
export type SlideDraft = Omit<Slide, 'number' | 'id'>;

type Entry = ItemView['blocks'][number];

/** "Högst telefontillgänglighet i landet", then "… (forts.)" on the following parts. */
function parts(title: string, bodies: SlideBody[], note: FigureNote | null, kicker: string | null): SlideDraft[] {
  return bodies.map((body, i) => ({ title: i === 0 ? title : `${title} (forts.)`, level: 3, kicker, body, note }));
}

/** The slides of one content block: one, or more where a text or table is longer than a slide. */
export function blockSlides(item: ItemView, goalName: string, entry: Entry, capacity: DeckCapacity): SlideDraft[] {
  const view = entry.view;
  const kickerFor = (title: string) => (title === item.title ? goalName : item.title);
  const one = (title: string, body: SlideBody, note: FigureNote | null = null): SlideDraft[] => parts(title, [body], note, kickerFor(title));
  const many = (title: string, bodies: SlideBody[], note: FigureNote | null = null): SlideDraft[] => parts(title, bodies, note, kickerFor(title));
  const block = entry.block;

  switch (view.type) {
    case 'error':
      return one(item.title, { kind: 'error', message: `Blocket kunde inte visas: ${view.message}` });
    case 'text': {
      const pages = splitText(parseMarkdown(view.markdown), capacity);
      return many(view.heading ?? item.title, pages.map((columns) => ({ kind: 'text', columns })));
    }
    case 'key_figure': {
      const { body, note } = keyFigureBody(view, block as Extract<Block, { type: 'key_figure' }>);
      return one(keyFigureTitle(body), body, note);
    }
    case 'indicator_chart': {
      const { body, note } = chartBody(view);
      return one(view.title, body, note);
    }
    case 'ranking_table': {
      const sources = view.sources.length > 0 ? view.sources : [view.indicator.source];
      return many(view.title, splitTable(rankingTable(view), capacity), figureNote([view.periodLabel], sources, view.preliminary));
    }
    case 'statement_table': {
      const periods = view.columns.map((c) => c.periodLabel);
      return many(view.title, splitTable(statementTable(view), capacity), figureNote(periods, view.sources, view.preliminary));
    }
    case 'timeline':
      return one(view.title, timelineBody(view));
    case 'checklist':
      return many(view.title, splitTable(checklistTable(view), capacity));
    case 'risk_list': {
      const note = figureNote([String(view.register.year)], [view.register.title], false);
      const showMatrix = block.type === 'risk_list' && block.showMatrix && hasPlacedRisks(view);
      const matrix = showMatrix ? one(`${view.title}: riskmatris`, riskMatrixBody(view), note) : [];
      return [...matrix, ...many(view.title, splitTable(riskTable(view), capacity), note)];
    }
    case 'data_table':
      return many(view.title, splitTable(dataTable(view), capacity), figureNote([], [view.source], false));
    case 'image':
      return one(view.caption ?? item.title, {
        kind: 'image',
        assetId: view.asset.id,
        mediaType: view.asset.mediaType,
        fileName: view.asset.fileName,
        alt: view.alt,
        caption: view.caption,
      });
    default:
      return assertNever(view, 'blockvy');
  }
}
