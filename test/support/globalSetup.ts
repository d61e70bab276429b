import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PACKAGE_ROOT } from '../../src/config/paths.js';
import { startEmbedded, type EmbeddedPostgres } from '../../src/db/embedded/launcher.js';
import { markedProcesses, ownMarker, ownerRuns, RUN_MARKER, signalMarked, stopMarked } from './processes.js';

/**
 * Once per run, in vitest's own process, for the projects that need PostgreSQL:
 *
 * 1. Stops what an earlier run left running (a run killed before its teardown) and removes its
 *    temporary database directory.
 * 2. Marks this run: every process started from here on inherits STYRKORT_TEST_RUN (processes.ts).
 * 3. Builds the server (`dist/`) when its sources are newer, so process tests run `styrkort` as a
 *    user does — built code, no TypeScript compiled per call.
 * 4. Starts one real PostgreSQL: the embedded one in a temporary directory, or none when
 *    STYRKORT_TEST_DATABASE_URL points at a server (CI runs PostgreSQL 15 so). Each test file
 *    then creates its own database on it (see testDatabase.ts).
 *
 * Teardown stops everything with this run's marker, also what a failed test left running. An
 * interrupted run (SIGINT, SIGTERM) never reaches teardown — vitest exits at once — so the same
 * stop is sent from the signal handlers, synchronously.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    serverKind: string;
  }
}

const TEMP_PREFIX = 'styrkort-test-';
let embedded: EmbeddedPostgres | null = null;
let dir: string | null = null;
let marker: string | null = null;

/** What an earlier run left: processes whose run is gone, and its database directories. */
async function stopLeftovers(): Promise<void> {
  const orphans = (m: { marker: string }) => !ownerRuns(m.marker);
  const left = markedProcesses().filter(orphans);
  if (left.length > 0) {
    process.stderr.write(`Stoppar ${left.length} processer som en tidigare testkörning lämnade kvar: ${left.map((p) => `${p.command} (${p.pid})`).join(', ')}\n`);
    await stopMarked(orphans);
  }
  for (const entry of readdirSync(os.tmpdir())) {
    if (!entry.startsWith(TEMP_PREFIX)) continue;
    const owner = path.join(os.tmpdir(), entry, 'run');
    if (!existsSync(owner) || ownerRuns(readFileSync(owner, 'utf8').trim())) continue;
    rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
}

function buildServer(): void {
  const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'build.mjs'), '--server', '--if-stale'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Bygget av servern (tsc) misslyckades:\n${r.stdout}\n${r.stderr}`);
}

const ours = (p: { marker: string; ppid: number; command: string }) => p.marker === marker;
/** Not vitest's own workers (its direct node children): vitest ends those itself. */
const oursButNotWorkers = (p: { marker: string; ppid: number; command: string }) => ours(p) && !(p.ppid === process.pid && p.command === 'node');

function onSignal(): void {
  signalMarked(ours);
}

export async function setup(project: TestProject): Promise<void> {
  await stopLeftovers();
  marker = ownMarker();
  process.env[RUN_MARKER] = marker;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', onSignal);

  buildServer();

  const external = process.env.STYRKORT_TEST_DATABASE_URL;
  if (external) {
    project.provide('adminUrl', external);
    project.provide('serverKind', 'external');
    return;
  }
  dir = await mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
  await chmod(dir, 0o755); // the postgres user must reach its data directory when tests run as root
  await writeFile(path.join(dir, 'run'), marker);
  embedded = await startEmbedded({ dataDir: path.join(dir, 'pg'), mode: 'own', port: null });
  const admin = new URL(embedded.url);
  admin.pathname = '/postgres';
  project.provide('adminUrl', admin.toString());
  project.provide('serverKind', 'embedded');
}

export async function teardown(): Promise<void> {
  try {
    await embedded?.stop();
    const left = await stopMarked(oursButNotWorkers);
    if (left.length > 0) process.stderr.write(`Teardown stoppade ${left.length} processer som tester lämnat kvar: ${left.map((p) => `${p.command} (${p.pid})`).join(', ')}\n`);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
