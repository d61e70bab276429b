import { StyrkortError } from '../../domain/errors.js';
import type { ImportIssue } from '../tabular/issues.js';
import { parseKoladaData, type KoladaValue } from './parse.js';
import { envelope, kpiSchema, municipalitySchema, type KoladaKpi, type KoladaMunicipality } from './schema.js';

/**
 * A client for the Kolada API v3. HTTP through the global fetch (or one passed in) against a
 * base URL given by the caller; every request has a timeout (AbortSignal); 429 and 5xx answers,
 * timeouts and network errors are retried with exponential backoff, honouring Retry-After;
 * lists of ids go at most 25 to a request; pages are followed through next_url (or next_page)
 * with per_page = 5000. The clock (`sleep`) is passed in so tests need not wait.
 */
export interface KoladaClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  maxAttempts?: number;
  backoffMs?: number;
  maxDelayMs?: number;
  perPage?: number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** Called before each request (for logs and progress). */
  onRequest?: (url: string, attempt: number) => void;
}

export interface KoladaDataRequest {
  kpis: readonly string[];
  municipalities: readonly string[];
  years: readonly number[];
  /** Only values changed since this date (YYYY-MM-DD): incremental sync. */
  fromDate?: string | null;
}

export interface KoladaData {
  values: KoladaValue[];
  deleted: number;
  issues: ImportIssue[];
  /** Pages read. */
  pages: number;
}

export const MAX_IDS_PER_LIST = 25;
export const MAX_PER_PAGE = 5000;
const MAX_PAGES = 10_000;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Seconds or an HTTP date, as milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class KoladaClient {
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxDelayMs: number;
  private readonly perPage: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: KoladaClientOptions) {
    const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.base = new URL(base);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.perPage = Math.min(options.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE);
    this.sleep = options.sleep ?? realSleep;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  private url(path: string, query: Record<string, string> = {}): URL {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url;
  }

  /** A next_url from Kolada, kept on the configured server (its path and query are what count). */
  private follow(current: URL, next: string | number): URL {
    if (typeof next === 'number' || /^\d+$/.test(next)) {
      const url = new URL(current);
      url.searchParams.set('page', String(next));
      return url;
    }
    const target = new URL(next, current);
    if (target.origin === this.base.origin) return target;
    return new URL(`${target.pathname}${target.search}`, this.base.origin);
  }

  /** GET with timeout and retries; returns parsed JSON, or null for 404. */
  private async getJson(url: URL): Promise<unknown> {
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      this.options.onRequest?.(url.toString(), attempt);
      let retryAfter: number | null = null;
      try {
        const response = await this.fetchImpl(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
        if (response.ok) {
          try {
            return await response.json();
          } catch (error) {
            const name = (error as Error).name;
            if (name === 'TimeoutError' || name === 'AbortError') throw error;
            throw new StyrkortError('unavailable', `Kolada svarade med något som inte är JSON (${url.pathname})`);
          }
        }
        if (response.status === 404) {
          await response.body?.cancel();
          return null;
        }
        await response.body?.cancel();
        if (response.status !== 429 && response.status < 500) {
          throw new StyrkortError('unavailable', `Kolada svarade ${response.status} på ${url.pathname}${url.search}`);
        }
        lastProblem = response.status === 429 ? 'för många anrop (429)' : `serverfel ${response.status}`;
        retryAfter = retryAfterMs(response.headers.get('retry-after'));
      } catch (error) {
        if (error instanceof StyrkortError) throw error;
        const name = (error as Error).name;
        lastProblem = name === 'TimeoutError' || name === 'AbortError' ? `inget svar inom ${Math.round(this.timeoutMs / 1000)} s` : `nätverksfel (${(error as Error).message})`;
      }
      if (attempt < this.maxAttempts) {
        const backoff = this.backoffMs * 2 ** (attempt - 1);
        await this.sleep(Math.min(this.maxDelayMs, retryAfter ?? backoff));
      }
    }
    throw new StyrkortError('unavailable', `Kolada (${this.base.origin}) går inte att nå: ${lastProblem} efter ${this.maxAttempts} försök`);
  }

  /** Every page of a list, following next_url / next_page. */
  private async *pages(first: URL): AsyncGenerator<unknown> {
    let url: URL | null = first;
    const seen = new Set<string>();
    while (url !== null) {
      if (seen.has(url.toString()) || seen.size >= MAX_PAGES) throw new StyrkortError('unavailable', `Kolada pekar på samma sida igen (${url.pathname}${url.search})`);
      seen.add(url.toString());
      const json = await this.getJson(url);
      yield json;
      const page = envelope.safeParse(json);
      const next = page.success ? (page.data.next_url ?? page.data.next_page ?? null) : null;
      url = next === null || next === '' ? null : this.follow(url, next);
    }
  }

  async kpi(id: string): Promise<KoladaKpi | null> {
    const json = await this.getJson(this.url(`kpi/${encodeURIComponent(id)}`));
    if (json === null) return null;
    const page = envelope.safeParse(json);
    const item = page.success ? page.data.values[0] : json;
    if (item === undefined) return null;
    const kpi = kpiSchema.safeParse(item);
    if (!kpi.success) throw new StyrkortError('unavailable', `Kolada svarade med ett oväntat format för KPI ${id}`);
    return kpi.data;
  }

  /** The regions (municipality type L), and Riket when Kolada lists it. */
  async regions(): Promise<KoladaMunicipality[]> {
    const out: KoladaMunicipality[] = [];
    for await (const json of this.pages(this.url('municipality', { type: 'L', per_page: String(this.perPage) }))) {
      const page = envelope.safeParse(json);
      if (!page.success) throw new StyrkortError('unavailable', 'Kolada svarade med ett oväntat format för regionlistan');
      for (const item of page.data.values) {
        const m = municipalitySchema.safeParse(item);
        if (m.success) out.push(m.data);
      }
    }
    return out;
  }

  /** Data for KPIs × municipalities × years: ids in lists of at most 25, every page read. */
  async data(request: KoladaDataRequest): Promise<KoladaData> {
    const result: KoladaData = { values: [], deleted: 0, issues: [], pages: 0 };
    let row = 1;
    for (const kpis of chunk(request.kpis, MAX_IDS_PER_LIST)) {
      for (const ids of chunk(request.municipalities, MAX_IDS_PER_LIST)) {
        for (const years of chunk(request.years, MAX_IDS_PER_LIST)) {
          const query: Record<string, string> = { per_page: String(this.perPage) };
          if (request.fromDate) query.from_date = request.fromDate;
          const url = this.url(`data/kpi/${kpis.map(encodeURIComponent).join(',')}/municipality/${ids.map(encodeURIComponent).join(',')}/year/${years.join(',')}`, query);
          for await (const json of this.pages(url)) {
            result.pages += 1;
            if (json === null) continue;
            const page = parseKoladaData(json, row, `Kolada ${kpis.join(',')}`);
            row += Array.isArray((json as { values?: unknown }).values) ? ((json as { values: unknown[] }).values.length) : 0;
            result.values.push(...page.values);
            result.deleted += page.deleted;
            result.issues.push(...page.issues);
          }
        }
      }
    }
    return result;
  }
}
