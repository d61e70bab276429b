import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { itemUpdateInput } from '../../domain/authoring.js';
import { StyrkortError } from '../../domain/errors.js';
import { addBlock, orderBlocks, removeBlock, replaceBlock, replaceBlocks, updateItem } from '../../services/authoring/items.js';
import { previewBlock } from '../../services/authoring/preview.js';
import { requestActor } from '../auth/actor.js';
import { needs, requireUser } from '../auth/guard.js';
import type { AppDependencies } from '../deps.js';

/**
 * A presenter's authoring API: an item's title, blocks and ready flag, and the live preview of
 * an unsaved block. A presenter changes only items they present (403 otherwise); an item of a
 * meeting they may not see is 404; an item of a published meeting is 409. Blocks are validated
 * by the block schemas (domain/blocks.ts) with Swedish messages per field (`blocks[2].period`);
 * text is sanitised on the server.
 */
const tags = ['redigering'];
const item = z.object({ id: z.string().min(1) });
const itemBlock = z.object({ id: z.string().min(1), blockId: z.coerce.number().int().positive() });
/** A content block (see domain/blocks.ts); checked by the service so that messages name the field. */
const block = z.record(z.string(), z.unknown()).describe('Ett innehållsblock: { "type": "text" | "key_figure" | "indicator_chart" | … } enligt blockschemana');

export const itemAuthoringRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.patch(
    '/items/:id',
    { preHandler: needs('edit_items'), attachValidation: true, schema: { tags, summary: 'Ändra punktens rubrik eller markera den klar / inte klar', params: item, body: itemUpdateInput } },
    async (request) => updateItem(deps.db, requireUser(request), request.params.id, request.body, requestActor(request)),
  );

  app.put(
    '/items/:id/blocks',
    { preHandler: needs('edit_items'), attachValidation: true, schema: {
        tags,
        summary: 'Ersätt alla punktens block med listan, i ordning; med version (punktens version när redigeringen började) nekas det med 409 om någon annan har sparat under tiden',
        params: item,
        body: z.object({ blocks: z.array(block), version: z.string().max(64).optional() }),
      },
    },
    async (request) => {
      const body = request.body as { blocks?: unknown; version?: unknown } | undefined;
      if (!Array.isArray(body?.blocks)) throw new StyrkortError('invalid_input', 'Blocken kan inte sparas: blocks: ska vara en lista', [{ where: 'blocks', message: 'ska vara en lista' }]);
      return replaceBlocks(deps.db, requireUser(request), request.params.id, body.blocks, requestActor(request), typeof body.version === 'string' ? body.version : null);
    },
  );

  app.post(
    '/items/:id/blocks',
    { preHandler: needs('edit_items'), schema: { tags, summary: 'Lägg till ett block (position räknas från 1; utan position sist)', params: item, body: z.object({ block: z.unknown(), position: z.number().int().positive().nullable().default(null) }) } },
    async (request, reply) => reply.status(201).send(await addBlock(deps.db, requireUser(request), request.params.id, request.body, requestActor(request))),
  );

  app.put(
    '/items/:id/blocks/:blockId',
    { preHandler: needs('edit_items'), schema: { tags, summary: 'Ersätt ett block', params: itemBlock, body: z.object({ block: z.unknown() }) } },
    async (request) => replaceBlock(deps.db, requireUser(request), request.params.id, request.params.blockId, request.body.block, requestActor(request)),
  );

  app.delete(
    '/items/:id/blocks/:blockId',
    { preHandler: needs('edit_items'), schema: { tags, summary: 'Ta bort ett block', params: itemBlock } },
    async (request) => removeBlock(deps.db, requireUser(request), request.params.id, request.params.blockId, requestActor(request)),
  );

  app.put(
    '/items/:id/block-order',
    { preHandler: needs('edit_items'), schema: { tags, summary: 'Blockens ordning: varje block-id en gång', params: item, body: z.object({ blockIds: z.array(z.number().int().positive()) }) } },
    async (request) => orderBlocks(deps.db, requireUser(request), request.params.id, request.body.blockIds, requestActor(request)),
  );

  app.post(
    '/blocks/preview',
    {
      preHandler: needs('edit_items'),
      schema: { tags, summary: 'Förhandsvisning av ett osparat block, beräknat ur lagrade utfall vid sammanträdets datum (ändrar ingenting)', body: z.object({ meetingId: z.string().min(1).nullable().default(null), block: z.unknown() }) },
    },
    async (request) => previewBlock(deps.db, requireUser(request), request.body, new Date().toISOString().slice(0, 10)),
  );
};
