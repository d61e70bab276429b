import type { Translate } from '../../../i18n/I18n.js';
import { useI18n } from '../../../i18n/I18n.js';
import { sentence } from '../fields.js';
import type { SlidePlace } from './slidePlan.js';
import './slideGroups.css';

/**
 * The slide a block lands on, said in words ("Bild 2: text med nyckeltal (block 3–4)"), and the
 * checkbox that puts a block on the slide of the block above it. Every block has its caption
 * line, so ticking a box changes words, not where things are on the page.
 */
export function slideCaption(place: SlidePlace, t: Translate): string {
  const range = { n: String(place.slide), from: String(place.first + 1), to: String(place.last + 1) };
  if (place.refused) return t('slides.refused', range);
  if (place.layout !== null) return t('slides.shared', { ...range, layout: t(`slides.layout.${place.layout}`) });
  return t('slides.alone', range);
}

/** What a screen reader hears after the box of block `index` is ticked or cleared. */
export function slideAnnouncement(place: SlidePlace, index: number, t: Translate): string {
  const params = { block: String(index + 1), n: String(place.slide) };
  if (place.problem !== null || place.refused) return t('slides.announce.refused', params);
  if (place.layout !== null) return t('slides.announce.joined', { ...params, layout: t(`slides.layout.${place.layout}`) });
  return t('slides.announce.alone', params);
}

/** The CSS classes of a block's section: whether it shares a slide, and where in the group it is. */
export function slideClasses(place: SlidePlace | undefined): string {
  if (!place || place.first === place.last) return '';
  return ['slide-shared', place.joined ? 'slide-joined' : 'slide-group-first', place.refused ? 'slide-refused' : ''].filter(Boolean).join(' ');
}

export function SlideCaption({ id, place }: { id: string; place: SlidePlace }) {
  const { t } = useI18n();
  return (
    <p id={id} className="slide-caption">
      {slideCaption(place, t)}
    </p>
  );
}

/**
 * "På samma bild som blocket ovanför": described by the slide's caption and, when the blocks
 * make no layout, by the reason — worked out here before saving, and the server's after a save
 * (the same words, shown once) while the box stays ticked.
 */
export function SlideJoin({ id, captionId, place, serverError, onChange }: { id: string; captionId: string; place: SlidePlace; serverError: string | null; onChange: (join: boolean) => void }) {
  const { t } = useI18n();
  // the server's message is about the block marked `withPrevious`: once cleared, it no longer applies
  const messages = [...new Set([place.problem === null ? null : sentence(place.problem), place.joined ? serverError : null].filter((m): m is string => m !== null))];
  const errorId = `${id}-fel`;
  return (
    <div className="field check-field slide-join">
      <input
        id={id}
        type="checkbox"
        checked={place.joined}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={messages.length > 0 ? true : undefined}
        aria-describedby={messages.length > 0 ? `${captionId} ${errorId}` : captionId}
      />
      <label htmlFor={id}>{t('slides.withPrevious')}</label>
      {messages.length > 0 ? (
        <p id={errorId} className="field-error">
          <span lang="sv">{messages.join(' ')}</span>
        </p>
      ) : null}
    </div>
  );
}
