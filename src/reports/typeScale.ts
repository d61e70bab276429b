/**
 * Type sizes of the deck in points on a 7,5-inch-high slide, shared by PowerPoint and the web
 * deck (which scales them to the slide's height), so that the same text fits in both.
 */
export const SLIDE_HEIGHT_PT = 540;

export const TYPE = {
  kicker: 14,
  title: 28,
  body: 20,
  agenda: 16,
  table: 14,
  note: 12,
  footer: 11,
  keyValue: 66,
};

/** A title's size: smaller for long titles so it stays within its two lines. */
export function titleSize(title: string): number {
  if (title.length <= 52) return TYPE.title;
  if (title.length <= 100) return 22;
  return 18;
}

/** Points as a share of the slide's height, for CSS container units: `3.70cqh`. */
export function cqh(points: number): string {
  return `${((100 * points) / SLIDE_HEIGHT_PT).toFixed(2)}cqh`;
}
