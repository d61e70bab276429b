/**
 * A label fitted into a box by wrapping at spaces and, when wrapping is not enough, a smaller
 * size — never cut. Widths are estimated from the average width of a character (about half the
 * font size for the deck's sans-serif), which is what both renderers can know without a font
 * engine; the estimate errs wide so the real text fits. All lengths in one unit (the font
 * size too: points → inches for PowerPoint, pixels for SVG).
 */
export interface FittedLabel {
  size: number;
  lines: string[];
}

const CHAR_WIDTH = 0.6;
const LINE_HEIGHT = 1.2;

/**
 * Words into lines of at most `perLine` characters; a longer word gets a line of its own. Only
 * ordinary spaces break: a no-break space keeps "(apr\u00a02024–jan\u00a02025)" together.
 */
export function wrapWords(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= perLine) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** The largest of `sizes` (largest first) at which the text fits `width` × `height`; else the smallest, wrapped. */
export function fitLabel(text: string, width: number, height: number, sizes: readonly number[]): FittedLabel {
  let fitted: FittedLabel = { size: sizes[sizes.length - 1] ?? 10, lines: [text] };
  for (const size of sizes) {
    const perLine = Math.max(1, Math.floor(width / (size * CHAR_WIDTH)));
    const lines = wrapWords(text, perLine);
    fitted = { size, lines };
    if (lines.length * size * LINE_HEIGHT <= height && lines.every((l) => l.length <= perLine)) return fitted;
  }
  return fitted;
}
