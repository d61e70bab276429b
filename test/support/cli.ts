import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/config/paths.js';

/**
 * The `styrkort` command as a user runs it once built: bin/styrkort.js on dist/, with the node
 * flags of its shebang. The global setup builds dist/ when the sources are newer, so no call
 * compiles TypeScript (through tsx that cost every call seconds, and a busy machine a minute).
 */
export const CLI = ['--max-semi-space-size=64', path.join(PACKAGE_ROOT, 'bin', 'styrkort.js')];

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function baseEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['DATABASE_URL', 'PORT', 'HOST', 'STYRKORT_DATA_DIR', 'STYRKORT_PG_PORT'].includes(k)) env[k] = v;
  }
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

export interface CliOptions {
  /** Written to the command's standard input, which is then closed (e.g. --password-stdin). */
  input?: string;
  /** Working directory (default: the package). */
  cwd?: string;
  /** A command still running then is killed and the call fails: only against a hang, far above any real run. */
  timeoutMs?: number;
}

export function runCli(args: string[], env: Record<string, string>, options: CliOptions = {}): Promise<CliResult> {
  const { input = null, cwd = PACKAGE_ROOT, timeoutMs = 600_000 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { env: baseEnv(env), cwd });
    if (input !== null) child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`styrkort ${args.join(' ')} tog mer än ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A temporary directory the `postgres` system user can reach (tests may run as root). */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

export async function startServer(args: string[], env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...CLI, ...args], { env: baseEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }), cwd: PACKAGE_ROOT });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  let done = false;
  void exited.then(() => (done = true));
  while (Date.now() < deadline) {
    if (done) throw new Error(`servern avslutades innan den svarade:\n${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return { child, port, url, output: () => output, exited };
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`servern svarade inte inom 300 s:\n${output}`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
