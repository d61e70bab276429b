import { createHash } from 'node:crypto';

/**
 * The web deck's only script, inline: turns the scrolling document into slides stepped with the
 * keyboard — arrows, Page Up/Down, Home/End — or the buttons, keeps the slide in the address
 * (#bild-12), moves focus to the slide and says where you are. Without it the deck is a
 * document to scroll. Its hash goes into the Content-Security-Policy.
 */
export const DECK_SCRIPT = `(() => {
  const slides = Array.from(document.querySelectorAll('.slide'));
  if (slides.length === 0) return;
  document.documentElement.classList.add('slides');
  const bar = document.getElementById('steg');
  const status = document.getElementById('position');
  bar.hidden = false;
  let current = -1;
  const show = (index, focus) => {
    const next = Math.max(0, Math.min(slides.length - 1, index));
    if (next === current) return;
    if (current >= 0) slides[current].classList.remove('current');
    current = next;
    const slide = slides[current];
    slide.classList.add('current');
    const title = slide.querySelector('h1, h2, h3');
    status.textContent = 'Bild ' + (current + 1) + ' av ' + slides.length + (title ? ': ' + title.textContent : '');
    if (location.hash !== '#' + slide.id) history.replaceState(null, '', '#' + slide.id);
    if (focus) slide.focus();
  };
  const fromHash = () => {
    const i = slides.findIndex((s) => '#' + s.id === location.hash);
    return i < 0 ? 0 : i;
  };
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    if (t && t.closest && t.closest('input, textarea, select, [contenteditable]')) return;
    const step = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[e.key];
    if (step !== undefined) show(current + step, true);
    else if (e.key === 'Home') show(0, true);
    else if (e.key === 'End') show(slides.length - 1, true);
    else return;
    e.preventDefault();
  });
  document.getElementById('foregaende').addEventListener('click', () => show(current - 1, false));
  document.getElementById('nasta').addEventListener('click', () => show(current + 1, false));
  window.addEventListener('hashchange', () => show(fromHash(), true));
  show(fromHash(), false);
})();`;

export const DECK_SCRIPT_HASH = `sha256-${createHash('sha256').update(DECK_SCRIPT).digest('base64')}`;

/** The Content-Security-Policy the web deck is served with: nothing is fetched, only its own script runs. */
export const DECK_CSP = [
  "default-src 'none'",
  'img-src data:',
  "style-src 'unsafe-inline'",
  `script-src '${DECK_SCRIPT_HASH}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
