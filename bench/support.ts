import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { startEmbedded, type EmbeddedPostgres } from '../src/db/embedded/launcher.js';
import type { App } from '../src/server/app.js';

/** Shared helpers for benchmarks: a throwaway embedded PostgreSQL, timing and percentiles. */
export async function withEmbedded<T>(run: (pg: EmbeddedPostgres) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'styrkort-bench-'));
  await chmod(dir, 0o755);
  const pg = await startEmbedded({ dataDir: path.join(dir, 'pg'), mode: 'own', port: null });
  try {
    return await run(pg);
  } finally {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

export function row(label: string, value: string): void {
  process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}

/**
 * Logs in through the app's own login route and returns the cookie header for later requests,
 * so measured requests pay for their session check as they do in production.
 */
export async function loginHeaders(app: App, username: string, password: string): Promise<{ cookie: string }> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'http://localhost' }, payload: { username, password } });
  const session = login.cookies.find((c) => c.name === 'styrkort_session');
  if (login.statusCode !== 200 || !session) throw new Error(`inloggning som ${username}: ${login.statusCode} ${login.body}`);
  return { cookie: `styrkort_session=${session.value}` };
}

/**
 * Wall-clock latency of GET requests over real HTTP, as a client sees it: from sending the
 * request to the last byte of the body. The client runs in a worker thread — its own event loop
 * and heap, as a browser is its own process — and keeps one connection open (keep-alive), as a
 * browser does. Requests go one after another; non-200 answers fail the measurement.
 */
export async function httpLatencies(origin: string, paths: readonly string[], headers: Record<string, string>): Promise<number[]> {
  const worker = new Worker(HTTP_CLIENT, { eval: true, workerData: { origin, paths, headers } });
  try {
    const [result] = (await once(worker, 'message')) as [{ ok: true; ms: number[] } | { ok: false; error: string }];
    if (!result.ok) throw new Error(result.error);
    return result.ms;
  } finally {
    await worker.terminate();
  }
}

const HTTP_CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = (path) => new Promise((resolve, reject) => {
  const start = performance.now();
  http.get(workerData.origin + path, { agent, headers: workerData.headers }, (res) => {
    let bytes = 0;
    res.on('data', (chunk) => { bytes += chunk.length; });
    res.on('end', () => res.statusCode === 200 ? resolve(performance.now() - start) : reject(new Error(path + ': ' + res.statusCode)));
    res.on('error', reject);
  }).on('error', reject);
});
(async () => {
  const ms = [];
  for (const path of workerData.paths) ms.push(await get(path));
  agent.destroy();
  parentPort.postMessage({ ok: true, ms });
})().catch((e) => parentPort.postMessage({ ok: false, error: String(e && e.message || e) }));
`;
