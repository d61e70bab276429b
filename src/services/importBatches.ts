import { StyrkortError } from '../domain/errors.js';
import { formatDate } from '../domain/format.js';
import { matchKey } from '../domain/text.js';
import { setActor, type Actor } from '../db/actor.js';
import { listAreas } from '../db/repositories/areas.js';
import {
  batchChanges,
  findBatch,
  listBatches,
  lockMeasurementWrites,
  undoBatchRows,
  undoConflicts,
  type ImportBatch,
} from '../db/repositories/importBatches.js';
import { deleteImportMapping, listImportMappings, saveImportMapping, type ImportMapping } from '../db/repositories/importMappings.js';
import { listIndicators } from '../db/repositories/indicators.js';
import { keyLabel } from '../domain/period.js';
import type { BatchChangeView } from '../domain/importView.js';
import { valueView } from './importViews.js';
import type { Store } from './store.js';

/**
 * Import batches after the fact: list them, see what one changed (old → new), undo one as a
 * unit; and the name mappings users confirm during imports.
 */
export { type ImportBatch } from '../db/repositories/importBatches.js';

export async function importBatchList(store: Store, options: { limit: number; offset: number }) {
  return listBatches(store, options);
}

export type { BatchChangeView };

export async function importBatchDetail(store: Store, id: number, options: { limit: number; offset: number }): Promise<{ batch: ImportBatch; changes: BatchChangeView[] }> {
  const batch = await findBatch(store, id);
  if (!batch) throw new StyrkortError('not_found', `Inläsning ${id} finns inte`);
  const [changes, indicators, areas] = await Promise.all([batchChanges(store, id, options), listIndicators(store), listAreas(store)]);
  const byIndicator = new Map(indicators.map((i) => [i.id, i]));
  const byArea = new Map(areas.map((a) => [a.id, a]));
  return {
    batch,
    changes: changes.map((c) => {
      const indicator = c.indicatorId === null ? undefined : byIndicator.get(c.indicatorId);
      return {
        measurementId: c.measurementId,
        indicatorId: c.indicatorId,
        indicatorName: indicator?.name ?? c.indicatorId,
        areaId: c.areaId,
        areaName: c.areaId === null ? null : (byArea.get(c.areaId)?.name ?? c.areaId),
        period: c.period,
        periodLabel: c.period === null ? null : keyLabel(c.period, { per: false }),
        breakdown: c.breakdown,
        old: valueView(indicator, c.old),
        new: valueView(indicator, c.new),
      };
    }),
  };
}

export interface UndoResult {
  batch: ImportBatch;
  deleted: number;
  restored: number;
}

function describeBatch(b: { batchId: number; fileName: string | null; createdAt: string; createdBy: string }): string {
  return `inläsning ${b.batchId} (${b.fileName ?? 'utan fil'}, ${formatDate(b.createdAt)} ${b.createdAt.slice(11, 16)} UTC, av ${b.createdBy})`;
}

/**
 * Undoes a batch in one transaction: its new rows deleted, its changed rows given back their old
 * values. `actor` (who, under which request) goes to the audit trail; without one the database
 * role is recorded there.
 */
export async function undoImportBatch(store: Store, id: number, undoneBy: string, actor: Actor | null = null): Promise<UndoResult> {
  return store.transaction().execute(async (trx) => {
    if (actor) await setActor(trx, actor);
    await lockMeasurementWrites(trx);
    const batch = await findBatch(trx, id);
    if (!batch) throw new StyrkortError('not_found', `Inläsning ${id} finns inte`);
    if (batch.undoneAt) throw new StyrkortError('conflict', `Inläsning ${id} ångrades redan ${formatDate(batch.undoneAt)} av ${batch.undoneBy ?? 'okänd'}`);
    const conflicts = await undoConflicts(trx, id);
    if (conflicts.length > 0) {
      const rows = conflicts.reduce((n, c) => n + c.rows, 0);
      const list = conflicts.map(describeBatch).join(', ');
      throw new StyrkortError(
        'conflict',
        `Inläsning ${id} kan inte ångras: ${list} har senare ändrat ${rows} av samma värden. Ångra ${conflicts.length === 1 ? 'den' : 'dem'} först (senaste först).`,
        conflicts.map((c) => ({ where: `inläsning ${c.batchId}`, message: `ändrade ${c.rows} av värdena` })),
      );
    }
    const counts = await undoBatchRows(trx, id, undoneBy);
    const after = (await findBatch(trx, id)) as ImportBatch;
    return { batch: after, ...counts };
  });
}

export async function importMappingList(store: Store): Promise<ImportMapping[]> {
  return listImportMappings(store);
}

/** Saves "this name in files means this indicator/area", after checking the target exists. */
export async function saveMapping(store: Store, input: { kind: 'indicator' | 'area'; text: string; targetId: string; createdBy: string }): Promise<ImportMapping> {
  const key = matchKey(input.text);
  if (key === '') throw new StyrkortError('invalid_input', 'Namnet att koppla är tomt');
  const exists =
    input.kind === 'indicator'
      ? await store.selectFrom('indicator').select('id').where('id', '=', input.targetId).executeTakeFirst()
      : await store.selectFrom('area').select('id').where('id', '=', input.targetId).executeTakeFirst();
  if (!exists) throw new StyrkortError('not_found', `${input.kind === 'indicator' ? 'Indikatorn' : 'Området'} ${input.targetId} finns inte`);
  await saveImportMapping(store, { kind: input.kind, sourceKey: key, sourceText: input.text.trim(), targetId: input.targetId, createdBy: input.createdBy });
  const saved = (await listImportMappings(store)).find((m) => m.kind === input.kind && m.sourceKey === key);
  return saved as ImportMapping;
}

export async function removeMapping(store: Store, kind: 'indicator' | 'area', key: string): Promise<void> {
  if (!(await deleteImportMapping(store, kind, key))) throw new StyrkortError('not_found', `Kopplingen ${kind} "${key}" finns inte`);
}
