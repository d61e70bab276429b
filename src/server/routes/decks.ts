import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DECK_FORMATS, DECK_HTML_CSP, renderMeetingDeck, type DeckFormat } from '../../services/deck.js';
import { deckSettings } from '../../services/deckSettings.js';
import type { AppDependencies } from '../deps.js';
import { needs } from '../auth/guard.js';
import { meetingGate } from '../auth/meetings.js';
import { readsPublishedOnly } from '../auth/published.js';
import { readerDeckFile } from '../../services/publishing.js';
import { sendStoredFile } from './publishing.js';
import { contentDisposition } from '../contentDisposition.js';

/**
 * GET /api/meetings/:id/deck.pptx | .pdf | .html — the board pack rendered from stored data, with
 * its Swedish file name. The web deck is a document: it is served with a strict CSP (nothing is
 * fetched, only its own script runs). The theme and Chromium's path are read once, at start.
 */
const SUMMARY: Record<DeckFormat, string> = {
  pptx: 'Styrelsepaketet som PowerPoint (diagram som redigerbara diagram, riktiga tabeller)',
  pdf: 'Styrelsepaketet som taggad PDF med bokmärken (kräver Chromium)',
  html: 'Styrelsepaketet som tillgänglig webbpresentation i en fil',
};

export const deckRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  const settings = await deckSettings(process.env, process.cwd());
  for (const format of DECK_FORMATS) {
    app.get(
      `/meetings/:id/deck.${format}`,
      { preHandler: needs('read'), config: { rateLimit: 'deck' }, schema: { tags: ['sammanträden'], summary: SUMMARY[format], params: z.object({ id: z.string().min(1) }) } },
      async (request, reply) => {
        // board members get the stored files of the published version, editors a live render
        if (readsPublishedOnly(request)) return sendStoredFile(reply, await readerDeckFile(deps.db, request.params.id, format), format);
        const deck = await renderMeetingDeck(deps.db, request.params.id, format, settings, meetingGate(request));
        void reply
          .header('content-type', deck.contentType)
          .header('content-disposition', contentDisposition(format === 'pptx' ? 'attachment' : 'inline', deck.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache');
        if (format === 'html') void reply.header('content-security-policy', DECK_HTML_CSP);
        return reply.send(deck.bytes);
      },
    );
  }
};
