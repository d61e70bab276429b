import type { DeckTheme } from '../theme.js';
import { COMPOSED_TEXT_SCALE } from '../../domain/deck/compose.js';
import { cqh, TYPE } from '../typeScale.js';

/**
 * The web deck's stylesheet. A slide is a 16:9 box whose type is sized to its height (container
 * units), mirroring the PowerPoint slide; the page scrolls through the slides, the script turns
 * it into one slide at a time, and print gives one slide per page at the slide's own size.
 */
function fontStack(font: string): string {
  return `"${font}", Arial, "Liberation Sans", "DejaVu Sans", sans-serif`;
}

export function deckCss(theme: DeckTheme): string {
  const c = theme.colors;
  return `
:root { --bg: ${c.background}; --text: ${c.text}; --muted: ${c.muted}; --accent: ${c.accent}; --soft: ${c.accentSoft}; --rule: ${c.rule};
  --body: ${fontStack(theme.fonts.body)}; --head: ${fontStack(theme.fonts.heading)}; }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--text); font-family: var(--body); line-height: 1.25; }
body { margin: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: 1rem; top: -5rem; background: var(--bg); color: var(--accent); padding: .5rem 1rem; z-index: 10; }
.skip:focus { top: .5rem; }
.deck-head { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .5rem 1rem; border-bottom: 1px solid var(--rule); }
.deck-head .name { margin: 0; font-weight: 700; }
.toc { position: relative; }
.toc summary { cursor: pointer; color: var(--accent); text-decoration: underline; }
.toc ol { margin: .5rem 0; padding-left: 2rem; }
.toc a { color: var(--accent); }
.steg { display: flex; align-items: center; gap: .75rem; margin-left: auto; }
.steg[hidden] { display: none; }
.steg #position { max-width: 45vw; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.steg button { font: inherit; padding: .3rem .9rem; border: 2px solid var(--accent); border-radius: 4px; background: var(--bg); color: var(--accent); cursor: pointer; }
.steg button:hover { background: var(--soft); }
main { display: flex; flex-direction: column; align-items: center; gap: 1.5rem; padding: 1rem; }
.slide { position: relative; width: min(100%, 1280px); aspect-ratio: 16 / 9; container-type: size; background: var(--bg); border: 1px solid var(--rule); overflow: hidden; }
.slide:focus { outline: none; }
.slide:focus-visible { outline: 3px solid var(--accent); outline-offset: 3px; }
.slide::before { content: ""; position: absolute; left: 4.5cqw; top: 2.67cqh; width: 6.75cqw; height: .93cqh; background: var(--accent); }
.slide-head { position: absolute; left: 4.5cqw; right: 4.5cqw; top: 4.27cqh; height: 16cqh; }
.kicker { margin: 0; font-size: ${cqh(TYPE.kicker)}; color: var(--muted); min-height: 4.8cqh; }
.slide h1, .slide h2, .slide h3 { margin: 0; font-family: var(--head); font-weight: 700; line-height: 1.12; }
/* pre-wrap keeps the space where a heading wraps: Chromium builds the PDF outline from the painted text */
h1, h2, h3, h4, h5, h6 { white-space: pre-wrap; }
.slide-head h2, .slide-head h3 { font-size: ${cqh(TYPE.title)}; }
.slide-head .t-m { font-size: ${cqh(22)}; }
.slide-head .t-s { font-size: ${cqh(18)}; }
.slide-body { position: absolute; left: 4.5cqw; right: 4.5cqw; top: 21.6cqh; bottom: 13.1cqh; font-size: ${cqh(TYPE.body)}; overflow: auto; }
.note { position: absolute; left: 4.5cqw; right: 4.5cqw; top: 87.5cqh; margin: 0; font-size: ${cqh(TYPE.note)}; color: var(--muted); }
.slide-foot { position: absolute; left: 4.5cqw; right: 4.5cqw; bottom: 2.7cqh; display: flex; justify-content: space-between; font-size: ${cqh(TYPE.footer)}; color: var(--muted); }
.logo { position: absolute; right: 4.5cqw; top: 2.9cqh; height: 6cqh; width: auto; }
.title-slide { border-left: 2.63cqw solid var(--accent); }
.title-slide::before { display: none; }
.title-slide .slide-head { top: 29cqh; height: auto; left: 6.4cqw; }
.title-slide h1 { font-size: ${cqh(44)}; }
ul, ol { margin: 0; padding-left: 1.4em; }
li { margin-bottom: .93cqh; }
.goals { font-size: ${cqh(26)}; list-style: square; }
.goals li { margin-bottom: 2.2cqh; }
.goals li::marker { color: var(--accent); }
.lead { margin: 0 0 2cqh; font-size: ${cqh(32)}; font-weight: 700; color: var(--accent); }
.agenda-groups { list-style: none; padding: 0; }
.agenda-groups > li { margin: 0 0 1.85cqh; }
.agenda-goal { display: block; font-size: ${cqh(TYPE.agenda + 2)}; font-weight: 700; color: var(--accent); margin-bottom: .55cqh; }
.agenda { font-size: ${cqh(TYPE.agenda)}; list-style: "\\2013\\00a0\\00a0"; padding-left: 3em; }
.agenda li { margin-bottom: .37cqh; }
.section { border-left: .9cqw solid var(--accent); padding-left: 2.5cqw; }
.presenters { list-style: none; padding: 0; font-size: ${cqh(24)}; }
.presenters li { margin-bottom: 1.85cqh; }
.muted { color: var(--muted); }
.md p, .md blockquote { margin: 0 0 1.85cqh; }
.md h4, .md h5, .md h6 { font-size: ${cqh(22)}; color: var(--accent); margin: .74cqh 0 1.1cqh; }
.md ul ul, .md ol ul { list-style: "\\2013\\00a0"; font-size: ${cqh(18)}; }
.columns.c2 { display: grid; grid-template-columns: 1fr 1fr; gap: 3cqw; }
table { width: 100%; border-collapse: collapse; font-size: ${cqh(TYPE.table)}; }
th, td { padding: .67cqh .75cqw; border-bottom: .09cqh solid var(--rule); vertical-align: top; text-align: left; }
thead th { background: var(--soft); border-bottom: .28cqh solid var(--accent); }
.right { text-align: right; }
.center { text-align: center; }
tr.own td { font-weight: 700; background: var(--soft); }
tr.reference td { font-style: italic; }
tr.formula td, tr.total td { font-weight: 700; border-top: .19cqh solid var(--text); }
tr.group th { color: var(--accent); background: none; border-bottom: .09cqh solid var(--rule); }
.caption { margin: 0 0 1.5cqh; font-size: ${cqh(18)}; font-weight: 700; }
.kf p { margin: 0 0 1.5cqh; }
.kf-value { font-family: var(--head); font-size: ${cqh(TYPE.keyValue)}; font-weight: 700; color: var(--accent); line-height: 1.05; }
.kf-label { font-size: ${cqh(26)}; }
.kf-meta { font-size: ${cqh(18)}; color: var(--muted); }
.kf-change { font-size: ${cqh(24)}; }
.kf-target { font-size: ${cqh(18)}; }
.kf-status { font-size: ${cqh(24)}; font-weight: 700; }
figure { margin: 0; }
figure.chart { height: 100%; display: flex; flex-direction: column; }
figure.chart svg { width: 100%; height: auto; max-height: calc(100% - 4.5cqh); }
figure.chart:has(figcaption) svg { max-height: calc(100% - 13cqh); }
figure.chart figcaption { font-size: ${cqh(TYPE.note)}; margin-top: .5cqh; }
figure.chart:has(details[open]) svg { display: none; }
details.data summary { font-size: ${cqh(TYPE.note)}; color: var(--accent); cursor: pointer; margin-top: .5cqh; text-decoration: underline; }
details.data table { margin-top: 1cqh; }
.picture { height: 100%; display: flex; justify-content: center; }
.picture img { max-width: 100%; max-height: 100%; object-fit: contain; }
.matrix { display: grid; grid-template-columns: 63% 1fr; gap: 2.5cqw; }
.composed { display: grid; gap: 3cqw; height: 100%; }
.composed .part-text { font-size: ${cqh(Math.round(TYPE.body * COMPOSED_TEXT_SCALE))}; }
.composed .part-heading { font-size: ${cqh(18)}; color: var(--accent); margin: 0 0 1cqh; }
.composed > .part, .composed .figures > .part { min-width: 0; min-height: 0; }
.composed .part { display: flex; flex-direction: column; }
.composed .part > figure.chart, .composed .part > .picture { flex: 1 1 auto; height: auto; min-height: 0; }
.composed.text_figures { grid-template-columns: 56fr 44fr; }
.composed .figures { display: grid; gap: 1.5cqh; grid-auto-rows: 1fr; min-height: 0; }
.composed .figures > .part { border: .09cqh solid var(--rule); padding: .8cqh 1cqw; overflow: hidden; }
.composed.two_columns { grid-template-columns: 1fr 1fr; }
.composed.figures { grid-auto-flow: column; grid-auto-columns: 1fr; }
.composed.table_caption { grid-template-rows: 1fr auto; gap: 1.5cqh; }
.composed .kf p { margin: 0 0 .5cqh; }
.composed .kf-value { font-size: ${cqh(44)}; }
.composed .figures.n2 .kf-value { font-size: ${cqh(34)}; }
.composed .figures.n3 .kf-value, .composed .figures.n4 .kf-value { font-size: ${cqh(27)}; }
.composed .kf-label { font-size: ${cqh(18)}; }
.composed .figures.n3 .kf-label, .composed .figures.n4 .kf-label { font-size: ${cqh(13)}; }
.composed .kf-meta, .composed .kf-target { font-size: ${cqh(12)}; }
.composed .kf-change, .composed .kf-status { font-size: ${cqh(13)}; }
.t-matrix td, .t-matrix th { text-align: center; vertical-align: middle; border: .14cqh solid var(--rule); height: 10.4cqh; }
.t-matrix .score { display: block; font-size: ${cqh(11)}; }
.t-matrix .risks { display: block; font-weight: 700; font-size: ${cqh(16)}; }
.band-acceptera { background: #DDEFD9; } .band-bevaka { background: #FFF1C2; } .band-hantera { background: #F8D3CF; }
.t-matrix td { color: #1A1A1A; }
.matrix-legend { font-size: ${cqh(14)}; }
.error { border: 1px solid var(--rule); padding: 1.5cqh 1.5cqw; }
html.slides, html.slides body { height: 100%; overflow: hidden; }
html.slides body { display: flex; flex-direction: column; }
html.slides main { flex: 1; min-height: 0; justify-content: center; padding: .75rem; }
html.slides .slide { display: none; width: min(100%, calc((100vh - 5rem) * 16 / 9)); }
html.slides .slide.current { display: block; }
html.slides .toc ol { position: absolute; z-index: 5; background: var(--bg); border: 1px solid var(--rule); padding: .75rem 1rem .75rem 2.5rem; max-height: 70vh; overflow: auto; width: min(90vw, 44rem); }
@page { size: 13.333in 7.5in; margin: 0; }
@media print {
  html, body { height: auto !important; overflow: visible !important; display: block !important; }
  .deck-head, .skip, details.data { display: none !important; }
  main { display: block; padding: 0; }
  .slide, html.slides .slide { display: block !important; width: 13.333in; height: 7.5in; aspect-ratio: auto; border: 0; break-after: page; }
  .slide:last-child { break-after: auto; }
  figure.chart svg { display: block !important; }
}
`;
}
