import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every process a test run starts — its embedded PostgreSQL, the CLI servers tests start, their
 * PostgreSQL, Chromium — inherits one environment variable from the run's global setup:
 * `STYRKORT_TEST_RUN=<pid>:<start time>` of the vitest process that owns it. So teardown can find
 * and stop what the run started even when a test failed before stopping it, a signal handler can
 * do the same when the run is interrupted, and the next run can stop what a killed run (SIGKILL)
 * left behind: a marker whose owner no longer runs. Linux: processes are read from /proc; where
 * there is no /proc nothing is found and nothing is stopped.
 */
export const RUN_MARKER = 'STYRKORT_TEST_RUN';

export interface MarkedProcess {
  pid: number;
  ppid: number;
  /** The executable's short name (`postgres`, `node`, `chromium` …). */
  command: string;
  /** The value of `variable` in its environment. */
  marker: string;
}

function readStat(pid: number): { ppid: number; command: string; startTime: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid … starttime(22nd)"; comm may hold spaces and parentheses
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { ppid: Number(fields[1]), command: stat.slice(stat.indexOf('(') + 1, close), startTime: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/** This process's marker: its pid and start time, so a reused pid is not taken for a live owner. */
export function ownMarker(): string {
  return `${process.pid}:${readStat(process.pid)?.startTime ?? '0'}`;
}

/** Whether the run that owns `marker` is still running. */
export function ownerRuns(marker: string): boolean {
  const [pid, startTime] = marker.split(':');
  const stat = readStat(Number(pid));
  return stat !== null && stat.startTime === startTime;
}

/** Processes whose environment holds `variable` (default: the run marker). */
export function markedProcesses(variable: string = RUN_MARKER): MarkedProcess[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return [];
  }
  const prefix = `${variable}=`;
  const found: MarkedProcess[] = [];
  for (const pid of pids) {
    if (pid === process.pid) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    } catch {
      continue; // gone, or not ours to read
    }
    const entry = environ.split('\0').find((e) => e.startsWith(prefix));
    if (entry === undefined) continue;
    const stat = readStat(pid);
    if (stat) found.push({ pid, ppid: stat.ppid, command: stat.command, marker: entry.slice(prefix.length) });
  }
  return found;
}

/**
 * Signals the processes `which` selects, synchronously (a signal handler has no time to wait):
 * a PostgreSQL server (a `postgres` whose parent is not one) gets SIGINT, its fast shutdown, and
 * its own processes end with it; anything else gets SIGTERM, so a Styrkort server stops its own
 * database in order. Returns the processes signalled.
 */
export function signalMarked(which: (p: MarkedProcess) => boolean, force = false): MarkedProcess[] {
  const all = markedProcesses();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const signalled: MarkedProcess[] = [];
  for (const p of all) {
    if (!which(p)) continue;
    const postgres = p.command === 'postgres';
    if (postgres && byPid.get(p.ppid)?.command === 'postgres') continue; // a backend: its server stops it
    try {
      process.kill(p.pid, force ? (postgres ? 'SIGQUIT' : 'SIGKILL') : postgres ? 'SIGINT' : 'SIGTERM');
      signalled.push(p);
    } catch {
      // already gone
    }
  }
  return signalled;
}

/** Stops what `which` selects and waits until it is gone; after `graceMs` it is killed. */
export async function stopMarked(which: (p: MarkedProcess) => boolean, graceMs = 30_000): Promise<MarkedProcess[]> {
  const first = signalMarked(which);
  const deadline = Date.now() + graceMs;
  while (markedProcesses().some(which)) {
    if (Date.now() > deadline) {
      signalMarked(which, true);
      await new Promise((r) => setTimeout(r, 1000));
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return first;
}
