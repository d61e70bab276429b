import { datasetTotals, type Dataset } from '../../domain/dataset.js';
import { datasetCreateInput, datasetProblems, datasetUpdateInput, pastePreviewInput, type DatasetSummary, type DatasetView, type PastePreview } from '../../domain/datasetAuthoring.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { formatDate } from '../../domain/format.js';
import { issueText, parsePastedGrid } from '../../domain/gridPaste.js';
import { slugify } from '../../domain/text.js';
import { uniqueId } from '../../domain/authoring.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import { existingIds } from '../../db/repositories/authoring.js';
import { blocksNamingColumns, findDataset, insertDataset, listDatasetSummaries, updateDatasetRow } from '../../db/repositories/datasets.js';
import type { Db } from '../../db/repositories/types.js';
import type { Store } from '../store.js';
import { invalid, parseInput } from './input.js';

/**
 * Analysts keep datasets — the small tables data_table blocks show — in the web app: made and
 * replaced as a whole (title, source, columns, rows), checked cell by cell, with totals computed
 * from the rows and never stored. A column that a block names cannot be removed while it does.
 * Every write runs in an actor transaction, so the audit trail has who and old → new.
 */
function view(d: Dataset): DatasetView {
  return { id: d.id, title: d.title, source: d.source, columns: [...d.columns], rows: d.rows.map((r) => ({ ...r })), totals: datasetTotals(d) };
}

export async function listDatasets(db: Store): Promise<DatasetSummary[]> {
  return listDatasetSummaries(db);
}

export async function getDataset(db: Store, id: string): Promise<DatasetView> {
  const found = await findDataset(db, id);
  if (!found) throw new StyrkortError('not_found', `Tabellen "${id}" finns inte`);
  return view(found);
}

export async function createDataset(db: Store, body: unknown, actor: Actor): Promise<DatasetView> {
  const what = 'Tabellen kan inte skapas';
  const input = parseInput(datasetCreateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const taken = await existingIds(trx, 'dataset');
    if (input.id !== null && taken.has(input.id)) throw new StyrkortError('conflict', `Tabellen "${input.id}" finns redan.`, [{ where: 'id', message: 'upptaget' }]);
    const id = input.id ?? uniqueId(slugify(input.title).slice(0, 80).replace(/-+$/, '') || 'tabell', taken);
    const dataset: Dataset = { id, title: input.title, source: input.source, columns: input.columns, rows: input.rows };
    const details = datasetProblems(dataset.columns, dataset.rows);
    if (details.length > 0) throw invalid(what, details);
    await insertDataset(trx, dataset);
    return view(dataset);
  });
}

export async function updateDataset(db: Store, id: string, body: unknown, actor: Actor): Promise<DatasetView> {
  const what = 'Tabellen kan inte sparas';
  const patch = parseInput(datasetUpdateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const before = await findDataset(trx, id, true);
    if (!before) throw new StyrkortError('not_found', `Tabellen "${id}" finns inte`);
    const after: Dataset = { id, title: patch.title ?? before.title, source: patch.source ?? before.source, columns: patch.columns ?? before.columns, rows: patch.rows ?? before.rows };
    const details = [...datasetProblems(after.columns, after.rows), ...(await removedColumnsInUse(trx, before, after))];
    if (details.length > 0) throw invalid(what, details);
    await updateDatasetRow(trx, before, after);
    return view(after);
  });
}

/** A removed column (or one whose key changed) that a data_table block names: where, in Swedish. */
async function removedColumnsInUse(db: Db, before: Dataset, after: Dataset): Promise<ErrorDetail[]> {
  const kept = new Set(after.columns.map((c) => c.key));
  const removed = before.columns.filter((c) => !kept.has(c.key));
  if (removed.length === 0) return [];
  const uses = await blocksNamingColumns(db, before.id);
  return removed.flatMap((column) =>
    uses
      .filter((u) => u.columns.includes(column.key))
      .map((u) => ({
        where: `kolumn "${column.label}"`,
        message: `kan inte tas bort: tabellblocket i punkten "${u.itemTitle}" (${u.meetingBody} ${formatDate(u.meetingDate)}) visar den; ta bort kolumnen ur blocket först`,
      })),
  );
}

/** Reads pasted clipboard text as rows of the given columns; stores nothing. */
export function previewPaste(body: unknown): PastePreview {
  const input = parseInput(pastePreviewInput, body, 'Det inklistrade kan inte läsas');
  const result = parsePastedGrid(input.text, input.columns);
  if (!result.ok) return { ok: false, issues: result.issues.map((i) => ({ ...i, text: issueText(i) })) };
  return { ...result, totals: datasetTotals({ id: '', title: '', source: '', columns: input.columns, rows: result.rows }) };
}
