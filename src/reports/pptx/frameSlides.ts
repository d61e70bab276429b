import type { Slide, TextProps } from './pptxgen.js';
import type { SlideBody } from '../../domain/deck/model.js';
import type { DeckTheme } from '../theme.js';
import { BOX, hex, LANG, textBase, TYPE } from './layout.js';

/** Goals, focus areas, agenda, section and item slides, and a block that could not be shown. */
type Body<K extends SlideBody['kind']> = Extract<SlideBody, { kind: K }>;

function bullets(lines: readonly string[], size: number): TextProps[] {
  return lines.map((text) => ({
    text,
    options: { bullet: { characterCode: '25A0', indent: 26 }, paraSpaceAfter: 12, breakLine: true, lang: LANG, fontSize: size },
  }));
}

export function goalsSlide(slide: Slide, body: Body<'goals'>, theme: DeckTheme): void {
  slide.addText(bullets(body.goals, 26), { ...BOX.body, ...textBase(theme, 26), valign: 'top' });
}

export function focusSlide(slide: Slide, body: Body<'focus'>, theme: DeckTheme): void {
  slide.addText(body.lead, { ...BOX.body, h: 0.8, ...textBase(theme, 32), bold: true, color: hex(theme.colors.accent), valign: 'top' });
  slide.addText(bullets(body.areas, 26), { ...BOX.body, y: BOX.body.y + 0.9, h: BOX.body.h - 0.9, ...textBase(theme, 26), valign: 'top' });
}

export function agendaSlide(slide: Slide, body: Body<'agenda'>, theme: DeckTheme): void {
  const runs: TextProps[] = body.groups.flatMap((group, g) => [
    {
      text: group.goal,
      options: { bold: true, fontSize: TYPE.agenda + 2, color: hex(theme.colors.accent), paraSpaceBefore: g === 0 ? 0 : 10, paraSpaceAfter: 3, breakLine: true, lang: LANG },
    },
    ...group.items.map((item) => ({
      text: item.presenters ? `${item.title} \u2014 ${item.presenters}` : item.title,
      options: { fontSize: TYPE.agenda, indentLevel: 1, bullet: { characterCode: '2013', indent: 20 }, paraSpaceAfter: 2, breakLine: true, lang: LANG },
    })),
  ]);
  slide.addText(runs, { ...BOX.body, ...textBase(theme, TYPE.agenda), valign: 'top' });
}

function presenterRuns(presenters: Body<'section'>['presenters'], theme: DeckTheme): TextProps[] {
  return presenters.flatMap((p) => [
    { text: p.name, options: { bold: true, fontSize: 24, breakLine: p.title === null, paraSpaceAfter: 10, lang: LANG } },
    ...(p.title ? [{ text: `, ${p.title}`, options: { fontSize: 24, color: hex(theme.colors.muted), breakLine: true, lang: LANG } }] : []),
  ]);
}

export function sectionSlide(slide: Slide, body: Body<'section'>, theme: DeckTheme): void {
  slide.addShape('rect', { x: BOX.body.x, y: BOX.body.y + 0.1, w: 0.12, h: 3.2, fill: { color: hex(theme.colors.accent) }, line: { color: hex(theme.colors.accent), width: 0 } });
  slide.addText([{ text: 'Föredragande', options: { fontSize: 18, color: hex(theme.colors.muted), breakLine: true, paraSpaceAfter: 8, lang: LANG } }, ...presenterRuns(body.presenters, theme)], {
    ...BOX.body,
    x: BOX.body.x + 0.4,
    w: BOX.body.w - 0.4,
    ...textBase(theme, 24),
    valign: 'top',
  });
}

export function itemSlide(slide: Slide, body: Body<'item'>, theme: DeckTheme): void {
  slide.addText(
    [
      ...presenterRuns(body.presenters, theme),
      { text: body.message, options: { fontSize: 20, color: hex(theme.colors.muted), paraSpaceBefore: 16, breakLine: true, lang: LANG } },
    ],
    { ...BOX.body, ...textBase(theme, 24), valign: 'top' },
  );
}

export function errorSlide(slide: Slide, body: Body<'error'>, theme: DeckTheme): void {
  slide.addText(body.message, { ...BOX.body, h: 1.2, ...textBase(theme, 20), valign: 'top', line: { color: hex(theme.colors.rule), width: 1 }, margin: 10 });
}
