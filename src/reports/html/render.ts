import type { Slide } from '../../domain/deck/model.js';
import { footerText, type DeckInput } from '../deckInput.js';
import { titleSize, TYPE } from '../typeScale.js';
import { esc } from './escape.js';
import { DECK_SCRIPT } from './script.js';
import { bodyHtml } from './slides.js';
import { deckCss } from './styles.js';

/**
 * The deck as one self-contained HTML file: inline CSS, inline SVG charts, pictures as data URIs,
 * one small inline script for stepping with the keyboard — nothing is fetched. Headings follow
 * the deck (h1 title, h2 goals and sections, h3 item slides), each slide is a labelled region,
 * and without the script it reads as a document.
 */
function titleClass(title: string): string {
  const size = titleSize(title);
  return size === TYPE.title ? '' : size === 22 ? ' class="t-m"' : ' class="t-s"';
}

function slideHtml(slide: Slide, input: DeckInput, total: number): string {
  const headingId = `${slide.id}-titel`;
  const tag = `h${slide.level}`;
  const heading = `<${tag} id="${headingId}"${slide.body.kind === 'title' ? '' : titleClass(slide.title)}>${esc(slide.title)}</${tag}>`;
  const logo = input.theme.logo ? `<img class="logo" src="${input.theme.logo.data}" alt="${slide.number === 1 ? esc(input.theme.logo.alt) : ''}">` : '';
  return [
    `<section class="slide${slide.body.kind === 'title' ? ' title-slide' : ''}" id="${slide.id}" aria-labelledby="${headingId}" tabindex="-1" data-kind="${slide.body.kind}">`,
    logo,
    `<div class="slide-head">${slide.kicker ? `<p class="kicker">${esc(slide.kicker)}</p>` : ''}${heading}</div>`,
    slide.body.kind === 'title' ? '' : `<div class="slide-body">${bodyHtml(slide, input)}</div>`,
    slide.note ? `<p class="note">${esc(slide.note.text)}</p>` : '',
    `<div class="slide-foot"><span>${esc(footerText(input))}</span><span><span class="sr-only">Bild </span>${slide.number}<span class="sr-only"> av ${total}</span></span></div>`,
    '</section>',
  ].join('');
}

export function renderHtml(input: DeckInput): string {
  const { deck } = input;
  const total = deck.slides.length;
  const toc = deck.slides.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Styrkort">
<title>${esc(deck.title)}</title>
<style>${deckCss(input.theme)}</style>
</head>
<body>
<header class="deck-head">
<a class="skip" href="#${deck.slides[0]?.id ?? 'bild-1'}">Till första bilden</a>
<p class="name">${esc(deck.title)}</p>
<nav class="toc" aria-label="Innehåll"><details><summary>Innehåll, ${total} bilder</summary><ol>${toc}</ol></details></nav>
<div class="steg" id="steg" hidden><button type="button" id="foregaende">Föregående</button><span id="position" role="status">Bild 1 av ${total}</span><button type="button" id="nasta">Nästa</button></div>
</header>
<main>
${deck.slides.map((s) => slideHtml(s, input, total)).join('\n')}
</main>
<script>${DECK_SCRIPT}</script>
</body>
</html>
`;
}
