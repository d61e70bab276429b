import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/paths.js';
import { tempDir } from '../support/cli.js';
import { markedProcesses, type MarkedProcess } from '../support/processes.js';

/**
 * A test run leaves nothing running, however it ends. A nested `vitest run` of
 * fixtures/leftRunning.fixture.ts starts a server with its own PostgreSQL and opens a database on
 * the run's PostgreSQL, then fails, or hangs and is interrupted with SIGINT sent to vitest alone.
 * Every process of that run carries a probe variable in its environment (inherited, as the run's
 * own marker is): while the fixture waits they are seen — so the check can see them — and once
 * vitest has exited none may remain.
 */
const PROBE = 'STYRKORT_TEARDOWN_PROBE';
const VITEST = path.join(PACKAGE_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const probed = (probe: string): MarkedProcess[] => markedProcesses(PROBE).filter((p) => p.marker === probe);

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function waitUntilGone(probe: string): Promise<MarkedProcess[]> {
  // PostgreSQL's fast shutdown and a server stopping its own database may take a moment
  let left = probed(probe);
  for (let waited = 0; left.length > 0 && waited < 60_000; waited += 200) {
    await new Promise((r) => setTimeout(r, 200));
    left = probed(probe);
  }
  return left;
}

/** Runs the fixture; `signal` is sent to vitest alone once the test is running (hang only). */
async function runFixture(mode: 'fail' | 'hang', signal: 'SIGINT' | 'SIGKILL' | null = null) {
  const dir = await tempDir('styrkort-teardown-');
  dirs.push(dir);
  const probe = randomUUID();
  const child = spawn(process.execPath, [VITEST, 'run', '--project', 'teardown-fixture'], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, STYRKORT_TEARDOWN_FIXTURE: mode, STYRKORT_TEARDOWN_DIR: dir, [PROBE]: probe, FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));

  while (!(await exists(path.join(dir, 'ready')))) {
    if (done) throw new Error(`den inre körningen slutade innan testet var igång:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const { server } = JSON.parse(await readFile(path.join(dir, 'ready'), 'utf8')) as { server: number };
  const running = probed(probe);
  await writeFile(path.join(dir, 'go'), '');
  if (signal) {
    await new Promise((r) => setTimeout(r, 1000));
    expect(done).toBe(false);
    child.kill(signal);
  }
  const exit = await exited;
  return { probe, running, server, exit, output, leftAtExit: probed(probe) };
}

describe('after a test run', () => {
  it('that failed, nothing it started is left running', async () => {
    const r = await runFixture('fail');
    const left = await waitUntilGone(r.probe);
    // seen while the test waited: vitest, its worker, the server (node) and two PostgreSQL servers with their processes
    expect(r.running.map((p) => p.pid)).toContain(r.server);
    expect(r.running.filter((p) => p.command === 'postgres').length).toBeGreaterThanOrEqual(2);
    expect(r.output).toContain("expected 'left running' to be 'stopped by the test'");
    expect(r.exit.code).toBe(1);
    expect(left.map((p) => `${p.command} ${p.pid}`)).toEqual([]);
  });

  it('that was interrupted with SIGINT, nothing it started is left running', async () => {
    const r = await runFixture('hang', 'SIGINT');
    const left = await waitUntilGone(r.probe);
    expect(r.running.map((p) => p.pid)).toContain(r.server);
    expect(r.running.filter((p) => p.command === 'postgres').length).toBeGreaterThanOrEqual(2);
    expect(r.exit.code === 0 && r.exit.signal === null).toBe(false);
    expect(left.map((p) => `${p.command} ${p.pid}`)).toEqual([]);
  });

  it('that was killed (SIGKILL, no handler runs), the next run stops what it left', async () => {
    const killed = await runFixture('hang', 'SIGKILL');
    expect(killed.exit.signal).toBe('SIGKILL');
    // nothing of the killed run could stop its server and databases
    expect(killed.leftAtExit.map((p) => p.pid)).toContain(killed.server);
    expect(killed.leftAtExit.some((p) => p.command === 'postgres')).toBe(true);
    const next = await runFixture('fail');
    expect(next.output).toMatch(/Stoppar \d+ processer som en tidigare testkörning lämnade kvar/);
    expect((await waitUntilGone(killed.probe)).map((p) => `${p.command} ${p.pid}`)).toEqual([]);
    expect((await waitUntilGone(next.probe)).map((p) => `${p.command} ${p.pid}`)).toEqual([]);
  });
});
