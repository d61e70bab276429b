import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isStyrkortError, StyrkortError } from '../domain/errors.js';
import type { AnalyseSettings, ImportSession, SessionError, SessionStatus } from '../domain/importView.js';
import { formatNumber } from '../domain/format.js';
import { errorReportCsv, errorReportXlsx } from '../importers/tabular/errorReport.js';
import type { ImportIssue } from '../importers/tabular/issues.js';
import type { ZipLimits } from '../importers/xlsx/zipGuard.js';
import { importFile, type ImportReport } from './fileImport.js';
import type { Actor } from './actor.js';
import type { Store } from './store.js';

/**
 * Uploads waiting to be imported, for the web app's import page: upload → analyse (a dry run:
 * mapping suggestions, preview of changes and errors) → map names and analyse again → commit.
 * Each upload is kept as a temporary file until it is committed or discarded, or expires; its
 * status and progress can be polled while work runs in the background. One server process
 * holds its own sessions (in memory); a restart forgets them, and the files with them.
 */
export type { AnalyseSettings, ImportSession, SessionError, SessionStatus };

export interface ImportSessionsOptions {
  maxBytes: number;
  ttlMs?: number;
  now?: () => number;
  zipLimits?: ZipLimits;
}

interface Entry {
  session: ImportSession;
  /** The user who uploaded the file (null from the CLI and tests without users): only they see it. */
  ownerId: string | null;
  file: string;
  running: Promise<void> | null;
  touched: number;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

function toSessionError(error: unknown): SessionError {
  if (isStyrkortError(error)) return { code: error.code, message: error.message, details: [...error.details] };
  return { code: 'internal', message: 'Ett oväntat fel inträffade när filen lästes in.', details: [] };
}

export class ImportSessions {
  private readonly entries = new Map<string, Entry>();
  private dir: string | null = null;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly options: ImportSessionsOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  private async directory(): Promise<string> {
    this.dir ??= await mkdtemp(path.join(os.tmpdir(), 'styrkort-uppladdning-'));
    return this.dir;
  }

  private async sweep(): Promise<void> {
    const limit = this.now() - this.ttlMs;
    for (const [id, entry] of this.entries) {
      if (entry.running === null && entry.touched < limit) {
        this.entries.delete(id);
        await rm(entry.file, { force: true });
      }
    }
  }

  /**
   * The upload, for the user asking (`viewer`, a user id). An upload is its uploader's: anyone
   * else — even with the import permission — is told it does not exist, as for an id that was
   * never issued. Uploads made without a user (CLI, tests) are anyone's.
   */
  private entry(id: string, viewer: string | null): Entry {
    const found = this.entries.get(id);
    const entry = found && (found.ownerId === null || found.ownerId === viewer) ? found : undefined;
    if (!entry) throw new StyrkortError('not_found', `Uppladdningen ${id} finns inte (den kan ha gått ut; ladda upp filen igen)`);
    entry.touched = this.now();
    entry.session.expiresAt = new Date(entry.touched + this.ttlMs).toISOString();
    return entry;
  }

  /** Saves an upload (refusing it past the size limit) and starts analysing it. */
  async create(input: { fileName: string; stream: Readable; createdBy: string; actor?: Actor | null; settings: AnalyseSettings; truncated?: () => boolean }): Promise<ImportSession> {
    await this.sweep();
    const id = randomUUID();
    const file = path.join(await this.directory(), id);
    let bytes = 0;
    const limit = this.options.maxBytes;
    const tooLarge = () => new StyrkortError('too_large', `Filen är större än gränsen på ${formatNumber(limit / 1024 / 1024, limit < 1024 * 1024 ? 2 : 0)} MB`);
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > limit) callback(tooLarge());
        else callback(null, chunk);
      },
    });
    try {
      await pipeline(input.stream, counter, createWriteStream(file));
      // an upload parser that stops at the limit ends the stream early and says so afterwards
      if (input.truncated?.()) throw tooLarge();
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
    if (bytes === 0) {
      await rm(file, { force: true });
      throw new StyrkortError('invalid_input', 'Filen är tom');
    }
    const now = this.now();
    const session: ImportSession = {
      id,
      fileName: path.basename(input.fileName || 'fil'),
      bytes,
      createdAt: new Date(now).toISOString(),
      createdBy: input.createdBy,
      status: 'analysing',
      settings: input.settings,
      progress: null,
      report: null,
      error: null,
      expiresAt: new Date(now + this.ttlMs).toISOString(),
    };
    const entry: Entry = { session, ownerId: input.actor?.userId ?? null, file, running: null, touched: now };
    this.entries.set(id, entry);
    this.start(entry, 'analysing', { dryRun: true, createdBy: input.createdBy, actor: input.actor ?? null });
    return session;
  }

  get(id: string, viewer: string | null): ImportSession {
    return this.entry(id, viewer).session;
  }

  /** Waits for work under way on the session (for callers that want the answer, not a poll). */
  async settled(id: string, viewer: string | null): Promise<ImportSession> {
    const entry = this.entry(id, viewer);
    await entry.running;
    return entry.session;
  }

  private start(entry: Entry, status: 'analysing' | 'committing', run: { dryRun: boolean; createdBy: string; actor: Actor | null; skipInvalid?: boolean; expect?: ImportReport['counts'] | null }): void {
    const session = entry.session;
    session.status = status;
    session.progress = null;
    session.error = null;
    entry.running = (async () => {
      try {
        const report = await importFile(
          this.store,
          {
            path: entry.file,
            fileName: session.fileName,
            sheet: session.settings.sheet,
            indicator: session.settings.indicator,
            area: session.settings.area,
            source: session.settings.source,
            dryRun: run.dryRun,
            skipInvalid: run.skipInvalid ?? false,
            createdBy: run.createdBy,
            actor: run.actor,
            expect: run.expect ? { new: run.expect.new, changed: run.expect.changed, unchanged: run.expect.unchanged } : null,
            ...(this.options.zipLimits ? { zipLimits: this.options.zipLimits } : {}),
          },
          { progress: (p) => void (session.progress = p) },
        );
        if (!run.dryRun && !report.committed) {
          session.report = report;
          session.status = 'ready';
          session.error = {
            code: 'invalid_input',
            message: `Filen har ${report.counts.errors} fel och sparades inte. Rätta filen, koppla okända namn, eller välj att hoppa över raderna med fel.`,
            details: report.issues.slice(0, 20).map((i) => ({ where: `${i.sheet === null ? '' : `${i.sheet}!`}${i.column}${i.row}`, message: i.message })),
          };
          return;
        }
        session.report = report;
        session.status = run.dryRun ? 'ready' : 'committed';
        if (!run.dryRun) await rm(entry.file, { force: true });
      } catch (error) {
        session.error = toSessionError(error);
        session.status = run.dryRun || session.report === null ? 'failed' : 'ready';
      } finally {
        entry.running = null;
      }
    })();
  }

  private idle(entry: Entry): void {
    if (entry.running !== null) throw new StyrkortError('conflict', 'Filen bearbetas redan; vänta tills den är klar');
    if (entry.session.status === 'committed') throw new StyrkortError('conflict', `Filen är redan sparad (inläsning ${entry.session.report?.batchId ?? '–'})`);
  }

  /** Analyses again (after names were mapped, or with another sheet or defaults). */
  analyse(id: string, settings: Partial<AnalyseSettings>, createdBy: string, actor: Actor | null = null): ImportSession {
    const entry = this.entry(id, actor?.userId ?? null);
    this.idle(entry);
    entry.session.settings = { ...entry.session.settings, ...settings };
    this.start(entry, 'analysing', { dryRun: true, createdBy, actor });
    return entry.session;
  }

  /** Commits: analyses once more and writes it all as one import batch, in one transaction. */
  commit(id: string, options: { createdBy: string; actor?: Actor | null; skipInvalid: boolean; expect: ImportReport['counts'] | null }): ImportSession {
    const entry = this.entry(id, options.actor?.userId ?? null);
    this.idle(entry);
    if (entry.session.report === null) throw new StyrkortError('conflict', 'Filen har inte kunnat läsas; ladda upp den igen');
    this.start(entry, 'committing', { dryRun: false, createdBy: options.createdBy, actor: options.actor ?? null, skipInvalid: options.skipInvalid, expect: options.expect });
    return entry.session;
  }

  async discard(id: string, viewer: string | null): Promise<void> {
    const entry = this.entry(id, viewer);
    if (entry.running !== null) throw new StyrkortError('conflict', 'Filen bearbetas; vänta tills den är klar');
    this.entries.delete(id);
    await rm(entry.file, { force: true });
  }

  issues(id: string, viewer: string | null): ImportIssue[] {
    return this.entry(id, viewer).session.report?.issues ?? [];
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.entries.values()].map((e) => e.running));
    this.entries.clear();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** The list of problems as a file to download: XLSX or CSV, cells safe from formula injection. */
export async function errorReportFile(issues: readonly ImportIssue[], format: 'xlsx' | 'csv'): Promise<Buffer> {
  return format === 'xlsx' ? errorReportXlsx(issues) : errorReportCsv(issues);
}
