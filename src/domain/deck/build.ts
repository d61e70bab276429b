import { meetingFileStem } from '../meeting.js';
import type { MeetingView } from '../meetingView.js';
import { joinsPrevious, slideGroups } from '../slideLayout.js';
import { blockSlides, type SlideDraft } from './blockSlides.js';
import { composedSlide } from './compose.js';
import { deckTitle, openingSlides, presenter, sectionSlide } from './frame.js';
import type { Deck } from './model.js';
import { DEFAULT_CAPACITY, type DeckCapacity } from './paginate.js';

export interface DeckOptions {
  /** How much fits on a slide; the default fits the default theme. */
  capacity?: Partial<DeckCapacity>;
}

/**
 * A meeting's board pack as slides, from its view alone: nothing is looked up or computed
 * here that the view does not hold, so the three formats show the same figures.
 */
export function buildDeck(view: MeetingView, options: DeckOptions = {}): Deck {
  const capacity: DeckCapacity = { ...DEFAULT_CAPACITY, ...options.capacity };
  const drafts: SlideDraft[] = [...openingSlides(view, capacity)];
  for (const group of view.groups) {
    drafts.push(sectionSlide(group));
    for (const item of group.items) {
      if (item.blocks.length === 0) {
        drafts.push({
          title: item.title,
          level: 3,
          kicker: group.goal.name,
          body: { kind: 'item', presenters: item.presenters.map(presenter), message: 'Punkten föredras muntligt.' },
          note: null,
        });
        continue;
      }
      // blocks that share a slide are composed onto it where they fit; else each stands alone
      for (const blocks of slideGroups(item.blocks, (e) => joinsPrevious(e.block))) {
        const composed = blocks.length > 1 ? composedSlide(item, group.goal.name, blocks, capacity) : null;
        if (composed) drafts.push(composed);
        else for (const entry of blocks) drafts.push(...blockSlides(item, group.goal.name, entry, capacity));
      }
    }
  }
  return {
    meetingId: view.meeting.id,
    title: deckTitle(view),
    fileStem: meetingFileStem(view.meeting),
    date: view.meeting.date,
    language: 'sv-SE',
    slides: drafts.map((d, i) => ({ ...d, number: i + 1, id: `bild-${i + 1}` })),
  };
}
