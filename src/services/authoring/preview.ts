import type { Principal } from '../../domain/access.js';
import { areasOf, indicatorsOf } from '../../domain/blocks.js';
import { buildBlockView, type BlockView } from '../../domain/blockView.js';
import { StyrkortError } from '../../domain/errors.js';
import type { Store } from '../store.js';
import { loadBlockContext } from '../valueContext.js';
import { visibleMeeting } from './access.js';
import { requireBlocks } from './blockInput.js';

/**
 * The live preview: an unsaved block resolved against stored data exactly as the meeting view
 * would resolve it (at the meeting's date, or `today` when no meeting is named). Reads only.
 */
export async function previewBlock(db: Store, principal: Principal, input: { meetingId: string | null; block: unknown }, today: string): Promise<BlockView> {
  const date = input.meetingId === null ? today : (await visibleMeeting(db, principal, input.meetingId)).date;
  const [block] = await requireBlocks(db, [input.block], () => 'block');
  if (!block) throw new StyrkortError('invalid_input', 'Blocket saknas', [{ where: 'block', message: 'saknas' }]);
  const ctx = await loadBlockContext(db, {
    indicatorIds: indicatorsOf(block),
    areaIds: block.type === 'ranking_table' && block.areas === 'regions' ? null : areasOf(block),
    datasetIds: block.type === 'data_table' ? [block.dataset] : [],
    registerIds: block.type === 'risk_list' ? [block.register] : [],
    assetIds: block.type === 'image' ? [block.asset] : [],
    date,
  });
  try {
    return buildBlockView(block, ctx);
  } catch (error) {
    throw new StyrkortError('invalid_input', `Blocket kan inte visas: ${(error as Error).message}`, [{ where: 'block', message: (error as Error).message }]);
  }
}
