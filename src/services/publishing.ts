import { createHash } from 'node:crypto';
import { buildDeck } from '../domain/deck/build.js';
import { isStyrkortError, StyrkortError } from '../domain/errors.js';
import type { Meeting } from '../domain/meeting.js';
import type { MeetingView } from '../domain/meetingView.js';
import { latestReadable, PUBLISHED_FORMATS, type ArtifactFormat, type PublishedFormat, type VersionSummary } from '../domain/publishing.js';
import { setActor, type Actor } from '../db/actor.js';
import { findMeeting, listMeetings } from '../db/repositories/meetings.js';
import { getArtifact, getSnapshots, insertVersion, listVersions, lockMeeting, nextVersionNumber, recordWithdrawal, setMeetingStatus, type NewArtifact } from '../db/repositories/versions.js';
import type { Db } from '../db/repositories/types.js';
import { deckAssets, DECK_CONTENT_TYPES, renderDeck, type DeckSettings } from './deck.js';
import { meetingView } from './meetingView.js';
import type { Store } from './store.js';

/**
 * Publishing a meeting: version n stores the PPTX, PDF and HTML deck and the MeetingView they were
 * built from, each with its SHA-256, in one transaction that holds the meeting's row (item edits
 * take it shared, so nothing changes under the render). The database refuses to change or delete
 * what is stored (triggers, and the application's role may only insert). Board members read the
 * newest version that is not withdrawn; editors can still render drafts live (services/deck.ts).
 */
export interface PublishOptions {
  deck: DeckSettings;
  /** The demo load may publish without a PDF when Chromium is missing; people may not. */
  allowMissingPdf: boolean;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function notFound(idOrDate: string): StyrkortError {
  return new StyrkortError('not_found', `Sammanträdet "${idOrDate}" finns inte`);
}

async function requireMeeting(db: Db, idOrDate: string): Promise<Meeting> {
  const meeting = await findMeeting(db, idOrDate);
  if (!meeting) throw notFound(idOrDate);
  return meeting;
}

async function renderVersion(trx: Db, view: MeetingView, options: PublishOptions): Promise<{ artifacts: NewArtifact[]; missing: PublishedFormat[] }> {
  const deck = buildDeck(view);
  const input = { deck, theme: options.deck.theme, assets: await deckAssets(trx as Store, deck) };
  const artifacts: NewArtifact[] = [];
  const missing: PublishedFormat[] = [];
  for (const format of PUBLISHED_FORMATS) {
    try {
      const rendered = await renderDeck(input, format, options.deck);
      artifacts.push({ format, fileName: rendered.fileName, contentType: rendered.contentType, bytes: rendered.bytes, sha256: sha256(rendered.bytes) });
    } catch (error) {
      if (format === 'pdf' && options.allowMissingPdf && isStyrkortError(error) && error.code === 'unavailable') {
        missing.push('pdf');
        continue;
      }
      if (format === 'pdf' && isStyrkortError(error) && error.code === 'unavailable') {
        throw new StyrkortError('unavailable', `Sammanträdet kan inte publiceras utan alla tre format (PowerPoint, PDF och webbpresentation). ${error.message}`, error.details);
      }
      throw error;
    }
  }
  const json = Buffer.from(JSON.stringify(view), 'utf8');
  artifacts.push({ format: 'json', fileName: `${deck.fileStem}.json`, contentType: 'application/json; charset=utf-8', bytes: json, sha256: sha256(json) });
  return { artifacts, missing };
}

async function versionOf(db: Db, meetingId: string, version: number): Promise<VersionSummary> {
  const found = (await listVersions(db, [meetingId])).find((v) => v.version === version);
  if (!found) throw new StyrkortError('not_found', `Version ${version} av sammanträdet "${meetingId}" finns inte`);
  return found;
}

/**
 * Publishes the meeting as its next version. A draft becomes published (frozen); `fromStatuses`
 * lets the demo load publish meetings its catalog already marks as published or archived.
 */
export async function publishMeeting(
  db: Store,
  idOrDate: string,
  actor: Actor,
  options: PublishOptions & { fromStatuses?: ReadonlyArray<Meeting['status']> },
): Promise<VersionSummary> {
  const from = options.fromStatuses ?? ['draft'];
  return publishOnce(idOrDate, () =>
    db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await setActor(trx, actor);
        const meeting = await requireMeeting(trx, idOrDate);
        const locked = await lockMeeting(trx, meeting.id, 'update');
        if (!locked) throw notFound(idOrDate);
        if (!from.includes(locked.status as Meeting['status'])) {
          throw new StyrkortError(
            'conflict',
            locked.status === 'published'
              ? `Sammanträdet ${meeting.id} är redan publicerat. Starta en rättelse för att göra en ny version.`
              : `Sammanträdet ${meeting.id} är arkiverat och kan inte publiceras igen.`,
          );
        }
        const status = locked.status === 'archived' ? 'archived' : 'published';
        const view = await meetingView(trx, meeting.id);
        const published: MeetingView = { ...view, meeting: { ...view.meeting, status } };
        const { artifacts, missing } = await renderVersion(trx, published, options);
        const version = await nextVersionNumber(trx, meeting.id);
        await insertVersion(trx, { meetingId: meeting.id, version, publishedBy: actor.name, publishedById: actor.userId, missingFormats: missing }, artifacts);
        if (locked.status === 'draft') await setMeetingStatus(trx, meeting.id, 'published');
        return versionOf(trx, meeting.id, version);
      }),
  );
}

/**
 * Two people publishing at once: the second waits for the meeting's row and then, under
 * repeatable read, cannot serialize (SQLSTATE 40001) — nothing of it was stored. It is told so
 * with 409, not an internal error.
 */
async function publishOnce<T>(idOrDate: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: unknown }).code === '40001') {
      throw new StyrkortError('conflict', `Sammanträdet ${idOrDate} publicerades samtidigt av någon annan. Ladda om sidan för att se den nya versionen.`);
    }
    throw error;
  }
}

async function inTransaction<T>(db: Store, actor: Actor, run: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await setActor(trx, actor);
    return run(trx);
  });
}

/** A published meeting goes back to draft for its next version; the published one stays readable. */
export async function startCorrection(db: Store, idOrDate: string, actor: Actor): Promise<Meeting> {
  return inTransaction(db, actor, async (trx) => {
    const meeting = await requireMeeting(trx, idOrDate);
    const locked = await lockMeeting(trx, meeting.id, 'update');
    if (locked?.status !== 'published') {
      throw new StyrkortError('conflict', locked?.status === 'draft' ? `Sammanträdet ${meeting.id} är redan ett utkast.` : `Sammanträdet ${meeting.id} är arkiverat; ett arkiverat sammanträde rättas inte.`);
    }
    await setMeetingStatus(trx, meeting.id, 'draft');
    return { ...meeting, status: 'draft' };
  });
}

/** A published meeting is archived: still readable, no longer corrected. */
export async function archiveMeeting(db: Store, idOrDate: string, actor: Actor): Promise<Meeting> {
  return inTransaction(db, actor, async (trx) => {
    const meeting = await requireMeeting(trx, idOrDate);
    const locked = await lockMeeting(trx, meeting.id, 'update');
    if (locked?.status !== 'published') throw new StyrkortError('conflict', `Bara ett publicerat sammanträde kan arkiveras (${meeting.id} är ${locked?.status === 'draft' ? 'ett utkast' : 'redan arkiverat'}).`);
    await setMeetingStatus(trx, meeting.id, 'archived');
    return { ...meeting, status: 'archived' };
  });
}

/** Records that a version is withdrawn, with a reason; the version and its files stay on record. */
export async function withdrawVersion(db: Store, idOrDate: string, version: number, reason: string, actor: Actor): Promise<VersionSummary> {
  const text = reason.trim();
  if (text.length < 3) throw new StyrkortError('invalid_input', 'Ange skälet till att versionen återkallas.', [{ where: 'reason', message: 'skäl krävs (minst 3 tecken)' }]);
  return inTransaction(db, actor, async (trx) => {
    const meeting = await requireMeeting(trx, idOrDate);
    await lockMeeting(trx, meeting.id, 'update');
    const existing = await versionOf(trx, meeting.id, version);
    if (existing.withdrawal !== null) throw new StyrkortError('conflict', `Version ${version} av ${meeting.id} är redan återkallad (${existing.withdrawal.reason}).`);
    await recordWithdrawal(trx, meeting.id, version, { by: actor.name, byId: actor.userId, reason: text });
    return versionOf(trx, meeting.id, version);
  });
}

// reading -----------------------------------------------------------------------------------

export async function meetingVersions(db: Store, idOrDate: string, seesDrafts: boolean): Promise<VersionSummary[]> {
  const meeting = await requireMeeting(db, idOrDate);
  const versions = await listVersions(db, [meeting.id]);
  if (!seesDrafts && versions.length === 0) throw notFound(idOrDate);
  return versions.sort((a, b) => b.version - a.version);
}

function parseSnapshot(bytes: Buffer): MeetingView {
  return JSON.parse(bytes.toString('utf8')) as MeetingView;
}

/** The readable version a board member sees of a meeting, or not found (drafts are not shown). */
async function readableVersion(db: Db, idOrDate: string): Promise<{ meeting: Meeting; version: VersionSummary }> {
  const meeting = await requireMeeting(db, idOrDate);
  const version = latestReadable(await listVersions(db, [meeting.id]));
  if (!version) throw notFound(idOrDate);
  return { meeting, version };
}

function readerStatus(live: Meeting['status']): Meeting['status'] {
  return live === 'archived' ? 'archived' : 'published';
}

/** Meetings as board members see them: those with a readable version, from its snapshot. */
export async function readerMeetings(db: Store): Promise<Meeting[]> {
  const [live, versions] = await Promise.all([listMeetings(db), listVersions(db)]);
  const byMeeting = new Map<string, VersionSummary[]>();
  for (const v of versions) byMeeting.set(v.meetingId, [...(byMeeting.get(v.meetingId) ?? []), v]);
  const readable = live.flatMap((m) => {
    const v = latestReadable(byMeeting.get(m.id) ?? []);
    return v ? [{ live: m, version: v }] : [];
  });
  const snapshots = await getSnapshots(db, readable.map((r) => ({ meetingId: r.live.id, version: r.version.version })));
  return readable
    .map(({ live: m, version }) => {
      const bytes = snapshots.get(`${m.id}#${version.version}`);
      const snap = bytes ? parseSnapshot(bytes).meeting : m;
      return { ...snap, status: readerStatus(m.status) };
    })
    .sort((a, b) => (a.date === b.date ? a.body.localeCompare(b.body, 'sv') : b.date.localeCompare(a.date)));
}

export async function readerMeetingView(db: Store, idOrDate: string): Promise<MeetingView> {
  const { meeting, version } = await readableVersion(db, idOrDate);
  return versionSnapshot(db, meeting.id, version.version, { status: readerStatus(meeting.status) });
}

export async function versionSnapshot(db: Store, idOrDate: string, version: number, override: { status?: Meeting['status'] } = {}): Promise<MeetingView> {
  const meeting = await requireMeeting(db, idOrDate);
  const artifact = await getArtifact(db, meeting.id, version, 'json');
  if (!artifact) throw new StyrkortError('not_found', `Version ${version} av sammanträdet "${meeting.id}" finns inte`);
  const view = parseSnapshot(artifact.bytes);
  return override.status ? { ...view, meeting: { ...view.meeting, status: override.status } } : view;
}

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  sha256: string;
  version: number;
}

async function storedFile(db: Db, meetingId: string, v: VersionSummary, format: ArtifactFormat): Promise<StoredFile> {
  if (format !== 'json' && v.missingFormats.includes(format)) {
    throw new StyrkortError(
      'unavailable',
      `Version ${v.version} av ${meetingId} publicerades utan ${format.toUpperCase()} (Chromium fanns inte när den publicerades). Installera Chromium (Debian/Ubuntu: apt install chromium) eller ange STYRKORT_CHROMIUM och publicera en rättelse.`,
    );
  }
  const artifact = await getArtifact(db, meetingId, v.version, format);
  if (!artifact) throw new StyrkortError('not_found', `Version ${v.version} av sammanträdet "${meetingId}" har ingen ${format}-fil`);
  return { bytes: artifact.bytes, contentType: artifact.contentType || DECK_CONTENT_TYPES[format as PublishedFormat], fileName: artifact.fileName, sha256: artifact.sha256, version: v.version };
}

/** The stored file of the readable version: what board members download. */
export async function readerDeckFile(db: Store, idOrDate: string, format: PublishedFormat): Promise<StoredFile> {
  const { meeting, version } = await readableVersion(db, idOrDate);
  return storedFile(db, meeting.id, version, format);
}

/**
 * A stored file of a given version. Board members get only versions of meetings they may read and
 * not withdrawn ones (the answer says why); editors get every version.
 */
async function versionFor(db: Db, idOrDate: string, version: number, seesDrafts: boolean): Promise<{ meeting: Meeting; version: VersionSummary }> {
  const meeting = await requireMeeting(db, idOrDate);
  const versions = await listVersions(db, [meeting.id]);
  if (!seesDrafts && versions.length === 0) throw notFound(idOrDate);
  const v = versions.find((x) => x.version === version);
  if (!v) throw new StyrkortError('not_found', `Version ${version} av sammanträdet "${meeting.id}" finns inte`);
  if (!seesDrafts && v.withdrawal !== null) throw new StyrkortError('not_found', `Version ${version} av ${meeting.id} är återkallad: ${v.withdrawal.reason}`);
  return { meeting, version: v };
}

export async function versionFile(db: Store, idOrDate: string, version: number, format: PublishedFormat, seesDrafts: boolean): Promise<StoredFile> {
  const found = await versionFor(db, idOrDate, version, seesDrafts);
  return storedFile(db, found.meeting.id, found.version, format);
}

/** The data snapshot of a version, with the same visibility as its files. */
export async function readableVersionSnapshot(db: Store, idOrDate: string, version: number, seesDrafts: boolean): Promise<MeetingView> {
  const found = await versionFor(db, idOrDate, version, seesDrafts);
  return versionSnapshot(db, found.meeting.id, found.version.version);
}

/**
 * At demo load: version 1 of every meeting the catalog marks as published (or archived) that has
 * no version yet, rendered in all three formats; without Chromium the PDF is left out, recorded
 * on the version and said in the log. Loading again publishes nothing new.
 */
export async function publishDemoMeetings(db: Store, deck: DeckSettings, log: (line: string) => void): Promise<VersionSummary[]> {
  const [meetings, versions] = await Promise.all([listMeetings(db), listVersions(db)]);
  const done = new Set(versions.map((v) => v.meetingId));
  const published: VersionSummary[] = [];
  const actor: Actor = { userId: null, name: 'demo', requestId: null };
  for (const m of meetings.filter((x) => x.status !== 'draft' && !done.has(x.id)).sort((a, b) => a.date.localeCompare(b.date))) {
    const v = await publishMeeting(db, m.id, actor, { deck, allowMissingPdf: true, fromStatuses: ['published', 'archived'] });
    if (v.missingFormats.length > 0) {
      log(`Varning: ${m.id} version ${v.version} publicerades utan PDF: Chromium saknas på ${deck.chromiumPath} (installera med apt install chromium eller ange STYRKORT_CHROMIUM).`);
    }
    published.push(v);
  }
  return published;
}
