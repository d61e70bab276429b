import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Kolada API v3 on 127.0.0.1 — tests never touch the network. It serves
 * KPI metadata, the region list (two pages) and data rows filtered by KPI, municipality, year and
 * from_date, in pages of `pageSize` (the first page links on with next_url, later ones with
 * next_page, as both occur). Faults can be queued per path: a status (429 with Retry-After, 503)
 * or a delay longer than the client's timeout; each is used once, then the path answers normally.
 */
export interface StubValue {
  gender: 'T' | 'K' | 'M';
  value: number | null;
  isdeleted?: boolean;
  count?: number;
  status?: string;
}

export interface StubRow {
  kpi: string;
  municipality: string;
  period: number;
  values: StubValue[];
  /** When Kolada last changed the row (for from_date). */
  updated: string;
  isdeleted?: boolean;
}

export interface StubFault {
  path: RegExp;
  status?: number;
  retryAfter?: string;
  delayMs?: number;
}

export interface KoladaStub {
  /** Base URL to give the client: http://127.0.0.1:PORT/v3 */
  url: string;
  requests: string[];
  rows: StubRow[];
  kpis: Map<string, string>;
  regions: Array<{ id: string; title: string }>;
  faults: StubFault[];
  pageSize: number;
  close(): Promise<void>;
}

export async function startKoladaStub(options: { rows?: StubRow[]; kpis?: Record<string, string>; regions?: Array<{ id: string; title: string }>; pageSize?: number } = {}): Promise<KoladaStub> {
  const stub: Omit<KoladaStub, 'url' | 'close'> = {
    requests: [],
    rows: options.rows ?? [],
    kpis: new Map(Object.entries(options.kpis ?? {})),
    regions: options.regions ?? [],
    faults: [],
    pageSize: options.pageSize ?? 5000,
  };
  let base = '';
  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const page = <T>(url: URL, items: T[], pageSize: number) => {
    const p = Number(url.searchParams.get('page') ?? '1');
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? '5000'), pageSize);
    const values = items.slice((p - 1) * perPage, p * perPage);
    const more = p * perPage < items.length;
    const next = new URL(url);
    next.searchParams.set('page', String(p + 1));
    // page 1 links with next_url; later pages with next_page, as Kolada's answers vary
    const link = !more ? { next_url: null } : p === 1 ? { next_url: `${base.replace(/\/v3$/, '')}${next.pathname}${next.search}` } : { next_url: null, next_page: p + 1 };
    return { values, count: items.length, ...link, previous_url: null };
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    stub.requests.push(`${url.pathname}${url.search}`);
    const faultIndex = stub.faults.findIndex((f) => f.path.test(url.pathname));
    if (faultIndex >= 0) {
      const fault = stub.faults.splice(faultIndex, 1)[0] as StubFault;
      if (fault.delayMs) {
        const timer = setTimeout(() => send(res, 200, { values: [], count: 0, next_url: null }), fault.delayMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      send(res, fault.status ?? 500, { error: 'fel' }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
      return;
    }
    let m: RegExpMatchArray | null;
    if ((m = url.pathname.match(/^\/v3\/kpi\/([^/]+)$/))) {
      const title = stub.kpis.get(decodeURIComponent(m[1] as string));
      if (title === undefined) return send(res, 404, { error: 'finns inte' });
      return send(res, 200, { values: [{ id: m[1], title, description: '', is_divided_by_gender: true, municipality_type: 'L' }], count: 1, next_url: null });
    }
    if (url.pathname === '/v3/municipality') {
      const regions = stub.regions.map((r) => ({ ...r, type: 'L' }));
      return send(res, 200, page(url, regions, Math.max(1, Math.ceil(regions.length / 2))));
    }
    if ((m = url.pathname.match(/^\/v3\/data\/kpi\/([^/]+)\/municipality\/([^/]+)\/year\/([^/]+)$/))) {
      const kpis = decodeURIComponent(m[1] as string).split(',');
      const ids = decodeURIComponent(m[2] as string).split(',');
      const years = (m[3] as string).split(',').map(Number);
      const from = url.searchParams.get('from_date');
      const rows = stub.rows
        .filter((r) => kpis.includes(r.kpi) && ids.includes(r.municipality) && years.includes(r.period) && (from === null || r.updated >= from))
        .map(({ updated: _updated, ...r }) => r);
      return send(res, 200, page(url, rows, stub.pageSize));
    }
    send(res, 404, { error: 'okänd adress' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
  const result = stub as KoladaStub;
  result.url = base;
  result.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return result;
}

/**
 * Kolada data like the real thing for N79179 (calls to primary care answered the same day) and
 * U79119 (BUP within 30 days): Region Kalmar län (0008), Region Blekinge (0010) and Riket (0000),
 * 2023–2025, totals with K/M beside them, one missing value (null), one row Kolada deleted.
 */
export function koladaFixture(): { rows: StubRow[]; kpis: Record<string, string>; regions: Array<{ id: string; title: string }> } {
  const rows: StubRow[] = [];
  const share = (kpi: string, m: string, year: number) => (kpi === 'N79179' ? 80 : 60) + Number(m.slice(2)) / 10 + (year - 2023);
  for (const kpi of ['N79179', 'U79119']) {
    for (const m of ['0008', '0010', '0000']) {
      for (const year of [2023, 2024, 2025]) {
        const t = share(kpi, m, year);
        rows.push({
          kpi,
          municipality: m,
          period: year,
          updated: year === 2025 ? '2026-03-01' : '2025-02-01',
          values: [
            { gender: 'T', value: kpi === 'N79179' && m === '0010' && year === 2023 ? null : t, count: 1, status: '' },
            { gender: 'K', value: t + 1, count: 1, status: '' },
            { gender: 'M', value: t - 1, count: 1, status: '' },
          ],
        });
      }
    }
  }
  rows.push({ kpi: 'N79179', municipality: '0008', period: 2022, updated: '2026-03-01', isdeleted: true, values: [{ gender: 'T', value: 70 }] });
  return {
    rows,
    kpis: { N79179: 'Telefonsamtal besvarade samma dag, primärvård, andel (%)', U79119: 'BUP, påbörjad fördjupad utredning/behandling inom 30 dagar, andel (%)' },
    regions: [
      { id: '0008', title: 'Region Kalmar län' },
      { id: '0010', title: 'Region Blekinge' },
      { id: '0099', title: 'Region Utanför' },
    ],
  };
}
