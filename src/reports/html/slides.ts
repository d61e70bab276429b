import { assertNever } from '../../domain/assert.js';
import { TEXT_SHARE } from '../../domain/deck/compose.js';
import type { ComposedBody, ComposedPart, Presenter, Slide, SlideBody } from '../../domain/deck/model.js';
import { dataUri, type DeckInput } from '../deckInput.js';
import { chartSvg } from './chart.js';
import { esc } from './escape.js';
import { markdownHtml } from './markdown.js';
import { riskMatrixHtml, tableHtml } from './tables.js';
import { timelineSvg } from './timeline.js';

/** The content of one slide in the web deck, by kind. Every text is escaped. */
function list(items: readonly string[], cls: string): string {
  return `<ul class="${cls}">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

function presenters(people: readonly Presenter[]): string {
  return `<ul class="presenters">${people.map((p) => `<li><strong>${esc(p.name)}</strong>${p.title ? `, ${esc(p.title)}` : ''}</li>`).join('')}</ul>`;
}

export function bodyHtml(slide: Slide, input: DeckInput): string {
  return contentHtml(slide.body, slide, input);
}

/**
 * A composed slide: its parts in a grid laid out as in PowerPoint (the text takes the share of
 * the width the deck measured it for); key figures beside a text are stacked in one column.
 */
function composedHtml(body: ComposedBody, slide: Slide, input: DeckInput): string {
  // a part's own title is a heading one level under the slide's
  const heading = (p: ComposedPart) => (p.heading ? `<h${slide.level + 1} class="part-heading">${esc(p.heading)}</h${slide.level + 1}>` : '');
  const part = (p: ComposedPart, i: number) => `<div class="part part-${p.content.kind}">${heading(p)}${contentHtml(p.content, { ...slide, id: `${slide.id}-${i + 1}` }, input)}</div>`;
  const layout = body.layout;
  if (layout === 'text_figures') {
    const text = body.parts.filter((p) => p.content.kind === 'text');
    const figures = body.parts.filter((p) => p.content.kind !== 'text');
    return `<div class="composed ${layout}">${text.map(part).join('')}<div class="figures n${figures.length}">${figures.map((p, i) => part(p, i + text.length)).join('')}</div></div>`;
  }
  const style = layout === 'text_visual' ? ` style="grid-template-columns: ${body.parts.map((p) => (p.content.kind === 'text' ? `${TEXT_SHARE.text_visual}fr` : `${1 - TEXT_SHARE.text_visual}fr`)).join(' ')}"` : '';
  return `<div class="composed ${layout} n${body.parts.length}"${style}>${body.parts.map(part).join('')}</div>`;
}

function contentHtml(body: SlideBody, slide: Slide, input: DeckInput): string {
  const inner = slide.level + 1;
  switch (body.kind) {
    case 'title':
      return '';
    case 'goals':
      return list(body.goals, 'goals');
    case 'focus':
      return `<p class="lead">${esc(body.lead)}</p>${list(body.areas, 'goals')}`;
    case 'agenda':
      // a list of goals with their items (not headings: the outline of the PDF lists slides only)
      return `<ul class="agenda-groups">${body.groups
        .map((g) => `<li><span class="agenda-goal">${esc(g.goal)}</span><ul class="agenda">${g.items.map((i) => `<li>${esc(i.title)}${i.presenters ? ` \u2014 ${esc(i.presenters)}` : ''}</li>`).join('')}</ul></li>`)
        .join('')}</ul>`;
    case 'section':
      return `<div class="section"><p class="muted">Föredragande</p>${presenters(body.presenters)}</div>`;
    case 'item':
      return `${presenters(body.presenters)}<p class="muted">${esc(body.message)}</p>`;
    case 'error':
      return `<p class="error">${esc(body.message)}</p>`;
    case 'text':
      return `<div class="columns c${body.columns.length}">${body.columns.map((blocks) => `<div class="md">${markdownHtml(blocks, inner)}</div>`).join('')}</div>`;
    case 'key_figure':
      return [
        '<div class="kf">',
        `<p class="kf-value">${esc(body.value)}</p>`,
        `<p class="kf-label">${esc(body.label)}</p>`,
        `<p class="kf-meta">${esc(body.area)} \u00b7 ${esc(body.period)}</p>`,
        body.change ? `<p class="kf-change">${esc(body.change)}</p>` : '',
        body.budget ? `<p class="kf-change">${esc(body.budget)}</p>` : '',
        body.target ? `<p class="kf-target">${esc(body.target)}</p>` : '',
        body.status ? `<p class="kf-status"><span aria-hidden="true">${esc(body.status.icon)}</span> ${esc(body.status.label)}</p>` : '',
        '</div>',
      ].join('');
    case 'chart':
      return `<figure class="chart">${chartSvg(body, input.theme, slide.id)}<details class="data"><summary>Visa diagrammets data som tabell</summary>${tableHtml(body.table, `Data för diagrammet ${slide.title}`)}</details></figure>`;
    case 'table':
      return `${body.caption ? `<p class="caption">${esc(body.caption)}</p>` : ''}${tableHtml(body)}`;
    case 'timeline': {
      const rows = body.rows.map((r) => (r.kind === 'phase' ? [r.label, 'Fas', r.range] : [r.label, 'Milstolpe', r.date]));
      const table = `<table><caption class="sr-only">Tidslinjens faser och milstolpar</caption><thead><tr><th scope="col">Namn</th><th scope="col">Typ</th><th scope="col">Tid</th></tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
      // the note on phases outside their parent is part of the figure, so it shares the slide with the picture
      const issues = body.issues.length > 0 ? `<figcaption class="muted">Obs: ${esc(body.issues.join(' '))}</figcaption>` : '';
      return `<figure class="chart">${timelineSvg(body, input.theme, slide.id)}<details class="data"><summary>Visa tidslinjen som tabell</summary>${table}</details>${issues}</figure>`;
    }
    case 'risk_matrix':
      return riskMatrixHtml(body);
    case 'image': {
      const asset = input.assets.get(body.assetId);
      if (!asset) return `<p class="error">Bilden "${esc(body.fileName)}" saknas.</p>`;
      return `<figure class="picture"><img src="${dataUri(asset)}" alt="${esc(body.alt)}"></figure>`;
    }
    case 'composed':
      return composedHtml(body, slide, input);
    default:
      return assertNever(body, 'bildinnehåll');
  }
}
