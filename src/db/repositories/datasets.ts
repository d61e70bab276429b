import { sql } from 'kysely';
import type { Dataset, DatasetColumn } from '../../domain/dataset.js';
import { listDatasets } from './content.js';
import type { Db } from './types.js';

/**
 * Datasets as analysts write them: one row each, columns and rows as jsonb. Callers hold an actor
 * transaction (db/actor.ts), so the audit trigger records who changed what, old → new.
 */
export interface DatasetListRow {
  id: string;
  title: string;
  source: string;
  columns: DatasetColumn[];
  rowCount: number;
}

export async function listDatasetSummaries(db: Db): Promise<DatasetListRow[]> {
  const rows = await db
    .selectFrom('dataset')
    .select(['id', 'title', 'source', 'columns', sql<number>`jsonb_array_length(rows)`.as('row_count')])
    .orderBy('title')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, source: r.source, columns: r.columns as DatasetColumn[], rowCount: Number(r.row_count) }));
}

/** The dataset, its row held until the transaction ends when `lock` (two saves take turns). */
export async function findDataset(db: Db, id: string, lock = false): Promise<Dataset | null> {
  if (lock) await db.selectFrom('dataset').select('id').where('id', '=', id).forUpdate().execute();
  const [found] = await listDatasets(db, [id]);
  return found ?? null;
}

export async function insertDataset(db: Db, d: Dataset): Promise<void> {
  await db.insertInto('dataset').values({ id: d.id, title: d.title, source: d.source, columns: JSON.stringify(d.columns), rows: JSON.stringify(d.rows) }).execute();
}

/** Writes the fields that differ (none: no write, and nothing in the audit trail). */
export async function updateDatasetRow(db: Db, before: Dataset, after: Dataset): Promise<void> {
  const set: { title?: string; source?: string; columns?: string; rows?: string } = {};
  if (after.title !== before.title) set.title = after.title;
  if (after.source !== before.source) set.source = after.source;
  if (JSON.stringify(after.columns) !== JSON.stringify(before.columns)) set.columns = JSON.stringify(after.columns);
  if (JSON.stringify(after.rows) !== JSON.stringify(before.rows)) set.rows = JSON.stringify(after.rows);
  if (Object.keys(set).length > 0) await db.updateTable('dataset').set(set).where('id', '=', after.id).execute();
}

/** A data_table block that names some of a dataset's columns (`columns` in its spec), with where it is. */
export interface ColumnUse {
  blockId: number;
  columns: string[];
  itemId: string;
  itemTitle: string;
  meetingId: string;
  meetingBody: string;
  meetingDate: string;
}

export async function blocksNamingColumns(db: Db, datasetId: string): Promise<ColumnUse[]> {
  const rows = await db
    .selectFrom('content_block as b')
    .innerJoin('agenda_item as i', 'i.id', 'b.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select([
      'b.id as block_id',
      sql<string[]>`array(select jsonb_array_elements_text(b.spec -> 'columns'))`.as('columns'),
      'i.id as item_id',
      'i.title as item_title',
      'm.id as meeting_id',
      'm.body as meeting_body',
      sql<string>`to_char(m.meeting_date, 'YYYY-MM-DD')`.as('meeting_date'),
    ])
    .where('b.type', '=', 'data_table')
    .where(sql<boolean>`b.spec ->> 'dataset' = ${datasetId}`)
    .where(sql<boolean>`jsonb_typeof(b.spec -> 'columns') = 'array'`)
    .orderBy('m.meeting_date')
    .orderBy('i.position')
    .orderBy('b.position')
    .execute();
  return rows.map((r) => ({ blockId: Number(r.block_id), columns: r.columns, itemId: r.item_id, itemTitle: r.item_title, meetingId: r.meeting_id, meetingBody: r.meeting_body, meetingDate: r.meeting_date }));
}
