import { sql } from 'kysely';
import type { Dataset, DatasetColumn, DatasetCell } from '../../domain/dataset.js';
import type { Risk } from '../../domain/risk.js';
import type { RiskRegisterData } from '../../domain/blockView.js';
import type { Db } from './types.js';

export async function listDatasets(db: Db, ids?: readonly string[]): Promise<Dataset[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('dataset').selectAll().orderBy('id');
  if (ids) query = query.where('id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    source: r.source,
    columns: r.columns as DatasetColumn[],
    rows: r.rows as Array<Record<string, DatasetCell>>,
  }));
}

export async function listRiskCategories(db: Db): Promise<Array<{ code: string; parentCode: string | null; label: string }>> {
  const rows = await db.selectFrom('risk_category').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code, label: r.label }));
}

export async function listRiskRegisters(db: Db, ids?: readonly string[]): Promise<RiskRegisterData[]> {
  if (ids && ids.length === 0) return [];
  let registers = db.selectFrom('risk_register').selectAll().orderBy('year').orderBy('id');
  if (ids) registers = registers.where('id', 'in', ids);
  const regs = await registers.execute();
  if (regs.length === 0) return [];
  const risks = await db.selectFrom('risk').selectAll().where('register_id', 'in', regs.map((r) => r.id)).orderBy('register_id').orderBy('position').execute();
  return regs.map((r) => ({
    id: r.id,
    title: r.title,
    year: r.year,
    risks: risks
      .filter((k) => k.register_id === r.id)
      .map(
        (k): Risk => ({
          id: k.id,
          categoryCode: k.category_code,
          title: k.title,
          probability: k.probability,
          consequence: k.consequence,
          reportedScore: k.reported_score,
          control: k.control,
          owner: k.owner,
        }),
      ),
  }));
}

export async function listAssets(db: Db, ids?: readonly string[]): Promise<Array<{ id: string; fileName: string; mediaType: string; alt: string; sha256: string }>> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('asset').select(['id', 'file_name', 'media_type', 'alt', 'sha256']).orderBy('id');
  if (ids) query = query.where('id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, mediaType: r.media_type, alt: r.alt, sha256: r.sha256 }));
}

export async function getAssetBytes(db: Db, id: string): Promise<{ mediaType: string; fileName: string; bytes: Buffer } | null> {
  const row = await db.selectFrom('asset').select(['media_type', 'file_name', 'bytes']).where('id', '=', id).executeTakeFirst();
  return row ? { mediaType: row.media_type, fileName: row.file_name, bytes: row.bytes } : null;
}

/** The meetings (id and status) whose items show a picture. */
export async function meetingsShowingAsset(db: Db, assetId: string): Promise<Array<{ id: string; status: 'draft' | 'published' | 'archived' }>> {
  const rows = await db
    .selectFrom('content_block as b')
    .innerJoin('agenda_item as i', 'i.id', 'b.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select(['m.id', 'm.status'])
    .distinct()
    .where('b.type', '=', 'image')
    .where(sql<string>`b.spec->>'asset'`, '=', assetId)
    .execute();
  return rows.map((r) => ({ id: r.id, status: r.status as 'draft' | 'published' | 'archived' }));
}
