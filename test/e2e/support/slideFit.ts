import type { Page } from 'playwright-core';

/**
 * Measures, in the page, whether every slide of a web deck fits its box: each `.slide` is shown
 * in turn (as the deck's script shows it: `.current` under `html.slides`; in print every slide is
 * shown), and then
 * - its `.slide-body` does not scroll (scrollHeight/scrollWidth within clientHeight/clientWidth + 1 px),
 * - no element of the slide reaches outside the slide, none of the head outside `.slide-head`
 *   (a long title running into the body), none of the body outside `.slide-body`, and none outside
 *   an element that clips it (overflow other than visible: a composed slide's parts, a chart's
 *   SVG — there only the SVG's text is checked, its shapes are clipped on purpose),
 * - the note ends above the footer, and in slide mode the slide lies within the window.
 * Hidden elements (closed details, display: none, visually hidden text) are left out. Each
 * problem names the slide, what overflows and by how much, and the start of the element's text.
 * `slideTexts` gives each slide's visible texts, what its PDF page must show. Both functions run
 * inside the page (page.evaluate sends their source), so they use nothing from this module.
 */
export interface SlideOverflow {
  slide: string;
  problem: string;
  text: string;
}

export type ShowMode = 'slides' | 'print';

interface Limit {
  element: Element;
  label: string;
}

function measure(mode: ShowMode): SlideOverflow[] {
  const problems: SlideOverflow[] = [];
  const tolerance = 1;
  const textOf = (e: Element): string => {
    const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return text !== '' ? text : `<${e.tagName.toLowerCase()}${e.getAttribute('class') ? ` class="${e.getAttribute('class')}"` : ''}>`;
  };
  const beyond = (inner: DOMRect, outer: DOMRect): string | null => {
    const sides = [
      ['vänster', outer.left - inner.left],
      ['höger', inner.right - outer.right],
      ['upptill', outer.top - inner.top],
      ['nedtill', inner.bottom - outer.bottom],
    ] as const;
    const over = sides.filter(([, by]) => by > tolerance).map(([side, by]) => `${side} ${Math.round(by)} px`);
    return over.length > 0 ? over.join(', ') : null;
  };
  const hidden = (e: Element): boolean => {
    if (!e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
    if (e.closest('.sr-only')) return true;
    const r = e.getBoundingClientRect();
    return r.width === 0 && r.height === 0;
  };
  const clips = (e: Element): boolean => {
    const style = getComputedStyle(e);
    return style.overflowX !== 'visible' || style.overflowY !== 'visible';
  };
  const slides = Array.from(document.querySelectorAll('section.slide'));
  for (const slide of slides) {
    if (mode === 'slides') for (const s of slides) s.classList.toggle('current', s === slide);
    const id = slide.id;
    const box = slide.getBoundingClientRect();
    if (mode === 'slides') {
      const out = beyond(box, new DOMRect(0, 0, window.innerWidth, window.innerHeight));
      if (out) problems.push({ slide: id, problem: `bilden går utanför fönstret (${out})`, text: textOf(slide.querySelector('h1, h2, h3') ?? slide) });
    }
    const body = slide.querySelector('.slide-body');
    if (body && (body.scrollHeight > body.clientHeight + tolerance || body.scrollWidth > body.clientWidth + tolerance)) {
      problems.push({ slide: id, problem: `.slide-body rullar (${body.scrollWidth}×${body.scrollHeight} i ${body.clientWidth}×${body.clientHeight})`, text: textOf(body) });
    }
    const note = slide.querySelector('.note');
    const foot = slide.querySelector('.slide-foot');
    if (note && foot && note.getBoundingClientRect().bottom > foot.getBoundingClientRect().top + tolerance) {
      problems.push({ slide: id, problem: `noten når ned i sidfoten (${Math.round(note.getBoundingClientRect().bottom - foot.getBoundingClientRect().top)} px)`, text: textOf(note) });
    }
    const offenders = new Map<Element, string>();
    for (const e of Array.from(slide.querySelectorAll('*'))) {
      if (e instanceof SVGElement && !(e instanceof SVGSVGElement) && !(e instanceof SVGTextElement)) continue;
      if (e.tagName === 'COL' || e.tagName === 'COLGROUP') continue; // a column's box is its table's
      if (hidden(e)) continue;
      // the boxes that hold it, innermost first, so a problem names the tightest one
      const limits: Limit[] = [];
      for (let a = e.parentElement; a && a !== slide; a = a.parentElement) {
        if (a.classList.contains('slide-body')) limits.push({ element: a, label: '.slide-body' });
        else if (a.classList.contains('slide-head') && !slide.classList.contains('title-slide')) limits.push({ element: a, label: '.slide-head' });
        else if (clips(a)) limits.push({ element: a, label: `<${a.tagName.toLowerCase()}${a.getAttribute('class') ? `.${a.getAttribute('class')?.trim().replace(/\s+/g, '.')}` : ''}>` });
      }
      limits.push({ element: slide, label: 'bilden' });
      const rect = e.getBoundingClientRect();
      for (const limit of limits) {
        const out = beyond(rect, limit.element.getBoundingClientRect());
        if (out) {
          offenders.set(e, `<${e.tagName.toLowerCase()}> utanför ${limit.label} (${out})`);
          break;
        }
      }
    }
    // the innermost offenders say most: leave out an element when one inside it overflows too
    const innermost = [...offenders].filter(([e]) => ![...offenders.keys()].some((o) => o !== e && e.contains(o)));
    for (const [e, problem] of innermost.slice(0, 3)) problems.push({ slide: id, problem, text: textOf(e) });
    if (innermost.length > 3) problems.push({ slide: id, problem: `och ${innermost.length - 3} element till`, text: '' });
  }
  return problems;
}

export async function slideOverflows(page: Page, mode: ShowMode): Promise<SlideOverflow[]> {
  return page.evaluate(measure, mode);
}

/** How many slides the page has, to be sure the measurement saw them all. */
export async function slideCount(page: Page): Promise<number> {
  return page.locator('section.slide').count();
}

function visibleTexts(): string[][] {
  return Array.from(document.querySelectorAll('section.slide')).map((slide) => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (text === '' || !parent || parent.closest('.sr-only') || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      texts.push(text);
    }
    return texts;
  });
}

/** Per slide, the text of every visible text node (for a printed slide: what its PDF page must show). */
export async function slideTexts(page: Page): Promise<string[][]> {
  return page.evaluate(visibleTexts);
}
