import type { MdBlock, MdList, Run } from '../../domain/markdown.js';
import { esc } from './escape.js';

/**
 * Markdown (as parsed by the domain) as HTML. Only the elements listed here are ever written —
 * p, h4–h6, ul, ol, li, strong, em, del (with a span saying "struket"), blockquote — and every text run is escaped: item text is
 * user content and raw HTML in it stays text.
 */
function runs(list: readonly Run[]): string {
  return list
    .map((r) => {
      let html = esc(r.text);
      // struck through is said, not only drawn: screen readers do not announce <del> by default
      if (r.strike) html = `<del><span class="sr-only">struket: </span>${html}</del>`;
      if (r.italic) html = `<em>${html}</em>`;
      if (r.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function list(l: MdList): string {
  const items = l.items.map((item) => `<li>${runs(item.runs)}${item.children.map(list).join('')}</li>`).join('');
  if (!l.ordered) return `<ul>${items}</ul>`;
  return l.start === 1 ? `<ol>${items}</ol>` : `<ol start="${l.start}">${items}</ol>`;
}

/** `headingLevel`: the level a `#` heading gets (below the slide's own title). */
export function markdownHtml(blocks: readonly MdBlock[], headingLevel: number): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading': {
          const level = Math.min(6, headingLevel + b.level - 1);
          return `<h${level}>${runs(b.runs)}</h${level}>`;
        }
        case 'paragraph':
          return `<p>${runs(b.runs)}</p>`;
        case 'quote':
          return `<blockquote><p>${runs(b.runs)}</p></blockquote>`;
        case 'list':
          return list(b);
      }
    })
    .join('\n');
}
