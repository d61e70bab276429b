import type { TextProps, TextPropsOptions } from './pptxgen.js';
import type { MdBlock, MdList, Run } from '../../domain/markdown.js';
import type { DeckTheme } from '../theme.js';
import { hex, LANG } from './layout.js';

/**
 * Markdown (as parsed by the domain) as PowerPoint paragraphs: real bullets and numbering with
 * indent levels, bold, italic and struck-through runs. Text is passed as text; pptxgenjs escapes it for XML.
 */
type TextRun = TextProps;
type ParagraphOptions = TextPropsOptions;

function runs(list: readonly Run[], paragraph: ParagraphOptions, extra: ParagraphOptions = {}): TextRun[] {
  const shown = list.length > 0 ? list : [{ text: '', bold: false, italic: false, strike: false }];
  return shown.map((r, i) => ({
    text: r.text,
    options: {
      ...(i === 0 ? paragraph : {}),
      ...extra,
      lang: LANG,
      bold: r.bold || extra.bold === true,
      italic: r.italic || extra.italic === true,
      ...(r.strike ? { strike: 'sngStrike' as const } : {}),
      breakLine: i === shown.length - 1,
    },
  }));
}

function listRuns(list: MdList, depth: number, size: number, theme: DeckTheme): TextRun[] {
  return list.items.flatMap((item, index) => {
    const bullet: ParagraphOptions['bullet'] = list.ordered
      ? { type: 'number', numberStartAt: list.start + index, indent: 22 }
      : { characterCode: depth === 0 ? '2022' : '2013', indent: 22 };
    const paragraph: ParagraphOptions = { bullet, indentLevel: depth, paraSpaceAfter: 5 };
    return [
      ...runs(item.runs, paragraph, { fontSize: depth === 0 ? size : size - 2, color: hex(theme.colors.text) }),
      ...item.children.flatMap((child) => listRuns(child, depth + 1, size, theme)),
    ];
  });
}

export function markdownRuns(blocks: readonly MdBlock[], size: number, theme: DeckTheme): TextRun[] {
  return blocks.flatMap((block): TextRun[] => {
    switch (block.kind) {
      case 'heading':
        return runs(block.runs, { paraSpaceBefore: 4, paraSpaceAfter: 6 }, { bold: true, fontSize: size + 2, color: hex(theme.colors.accent) });
      case 'paragraph':
        return runs(block.runs, { paraSpaceAfter: 10 }, { fontSize: size });
      case 'quote':
        return runs(block.runs, { paraSpaceAfter: 10, indentLevel: 1 }, { fontSize: size, italic: true });
      case 'list':
        return listRuns(block, 0, size, theme);
    }
  });
}
