import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEME } from '../../src/reports/theme.js';
import { renderMeetingDeck } from '../../src/services/deck.js';
import { demoDatabase } from '../support/demo.js';
import { compareGolden } from '../support/golden.js';
import { pptxGoldenText } from '../support/pptxGolden.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Golden tests of the board pack for the four demo meetings: the PowerPoint as normalised text
 * (shapes, positions, paragraphs, tables, chart data) and the web deck's HTML. A difference writes
 * `<name>-changed.<ext>` next to the golden; UPDATE_GOLDEN=1 regenerates them after review.
 */
const GOLDEN = path.join(import.meta.dirname, 'golden');
const MEETINGS = ['rs-2024-02-01', 'rs-2025-06-17', 'rs-2025-12-10', 'rs-2026-05-06'];
const settings = { theme: DEFAULT_THEME, chromiumPath: '/finns-inte/chromium' };

let t: TestDatabase;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe.each(MEETINGS)('styrelsepaketet %s', (meeting) => {
  it('PowerPoint matches its golden', async () => {
    const deck = await renderMeetingDeck(t.db, meeting, 'pptx', settings);
    const text = await pptxGoldenText(deck.bytes);
    expect(await compareGolden(path.join(GOLDEN, meeting, 'deck.pptx.txt'), text)).toBeNull();
  });

  it('the web deck matches its golden', async () => {
    const deck = await renderMeetingDeck(t.db, meeting, 'html', settings);
    expect(await compareGolden(path.join(GOLDEN, meeting, 'deck.html'), deck.bytes.toString('utf8'))).toBeNull();
  });
});
