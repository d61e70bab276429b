import type { ArtifactFormat, ArtifactInfo, PublishedFormat, VersionSummary } from '../../domain/publishing.js';
import type { Db } from './types.js';

/** Published versions of meetings and their files (migration 20261122T1300). */
export async function listVersions(db: Db, meetingIds?: readonly string[]): Promise<VersionSummary[]> {
  if (meetingIds && meetingIds.length === 0) return [];
  let versions = db.selectFrom('meeting_version').selectAll().orderBy('meeting_id').orderBy('version');
  let artifacts = db.selectFrom('meeting_artifact').select(['meeting_id', 'version', 'format', 'file_name', 'content_type', 'size', 'sha256']).orderBy('format');
  if (meetingIds) {
    versions = versions.where('meeting_id', 'in', meetingIds);
    artifacts = artifacts.where('meeting_id', 'in', meetingIds);
  }
  const [v, a] = await Promise.all([versions.execute(), artifacts.execute()]);
  return v.map((r) => ({
    meetingId: r.meeting_id,
    version: r.version,
    publishedAt: new Date(r.published_at).toISOString(),
    publishedBy: r.published_by,
    missingFormats: r.missing_formats as PublishedFormat[],
    withdrawal: r.withdrawn_at === null ? null : { at: new Date(r.withdrawn_at).toISOString(), by: r.withdrawn_by ?? '', reason: r.withdrawal_reason ?? '' },
    artifacts: a
      .filter((x) => x.meeting_id === r.meeting_id && x.version === r.version)
      .map((x): ArtifactInfo => ({ format: x.format as ArtifactFormat, fileName: x.file_name, contentType: x.content_type, size: x.size, sha256: x.sha256 })),
  }));
}

/** Locks the meeting's row and returns the next version number. */
export async function nextVersionNumber(db: Db, meetingId: string): Promise<number> {
  const r = await db.selectFrom('meeting_version').select((eb) => eb.fn.max('version').as('n')).where('meeting_id', '=', meetingId).executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export interface NewArtifact {
  format: ArtifactFormat;
  fileName: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

export async function insertVersion(
  db: Db,
  version: { meetingId: string; version: number; publishedBy: string; publishedById: string | null; missingFormats: readonly PublishedFormat[] },
  artifacts: readonly NewArtifact[],
): Promise<void> {
  await db
    .insertInto('meeting_version')
    .values({ meeting_id: version.meetingId, version: version.version, published_by: version.publishedBy, published_by_id: version.publishedById, missing_formats: [...version.missingFormats] })
    .execute();
  for (const a of artifacts) {
    await db
      .insertInto('meeting_artifact')
      .values({ meeting_id: version.meetingId, version: version.version, format: a.format, file_name: a.fileName, content_type: a.contentType, bytes: a.bytes, size: a.bytes.length, sha256: a.sha256 })
      .execute();
  }
}

export async function getArtifact(db: Db, meetingId: string, version: number, format: ArtifactFormat): Promise<(ArtifactInfo & { bytes: Buffer }) | null> {
  const r = await db.selectFrom('meeting_artifact').selectAll().where('meeting_id', '=', meetingId).where('version', '=', version).where('format', '=', format).executeTakeFirst();
  return r ? { format: r.format as ArtifactFormat, fileName: r.file_name, contentType: r.content_type, size: r.size, sha256: r.sha256, bytes: r.bytes } : null;
}

/** Snapshots (the json artifact) of several versions at once: for the readers' meeting list. */
export async function getSnapshots(db: Db, keys: ReadonlyArray<{ meetingId: string; version: number }>): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  if (keys.length === 0) return result;
  const rows = await db
    .selectFrom('meeting_artifact')
    .select(['meeting_id', 'version', 'bytes'])
    .where('format', '=', 'json')
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('meeting_id', '=', k.meetingId), eb('version', '=', k.version)]))))
    .execute();
  for (const r of rows) result.set(`${r.meeting_id}#${r.version}`, r.bytes);
  return result;
}

export async function recordWithdrawal(db: Db, meetingId: string, version: number, w: { by: string; byId: string | null; reason: string }): Promise<void> {
  await db
    .updateTable('meeting_version')
    .set({ withdrawn_at: new Date(), withdrawn_by: w.by, withdrawn_by_id: w.byId, withdrawal_reason: w.reason })
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .execute();
}

export async function lockMeeting(db: Db, meetingId: string, mode: 'update' | 'share'): Promise<{ id: string; status: string } | null> {
  let q = db.selectFrom('meeting').select(['id', 'status']).where('id', '=', meetingId);
  q = mode === 'update' ? q.forUpdate() : q.forShare();
  return (await q.executeTakeFirst()) ?? null;
}

export async function setMeetingStatus(db: Db, meetingId: string, status: 'draft' | 'published' | 'archived'): Promise<void> {
  await db.updateTable('meeting').set({ status }).where('id', '=', meetingId).execute();
}
