// Builds the server (tsc → dist/) and, when there is one, the web app (vite → dist/web/), then
// writes dist/.build-stamp so `npm start` knows the build is current.
//
// `--server --if-stale`: only the server, and only when its sources are newer than the last server
// build (dist/.server-stamp), under a lock so that test runs starting at once build it once. The
// tests run the CLI from this build, as a user runs `styrkort`, instead of compiling TypeScript on
// every call. Without --server the whole dist/ is removed and built anew.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const serverOnly = args.has('--server');
const ifStale = args.has('--if-stale');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, cmdArgs) => {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const SERVER_INPUTS = ['src', 'package.json', 'tsconfig.base.json', 'tsconfig.build.json'];
const SERVER_STAMP = path.join(root, 'dist', '.server-stamp');

function newest(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

/** A stamp dated when the build started: a source saved during the build makes it stale. */
function stamp(file, started) {
  writeFileSync(file, new Date(started).toISOString());
  utimesSync(file, started / 1000, started / 1000);
}

const serverIsCurrent = () => existsSync(SERVER_STAMP) && statSync(SERVER_STAMP).mtimeMs >= Math.max(...SERVER_INPUTS.map((i) => newest(path.join(root, i))));

if (serverOnly) {
  if (ifStale && serverIsCurrent()) process.exit(0);
  // one build at a time: the lock lives outside dist/, which a full build removes
  const lock = path.join(root, 'node_modules', '.styrkort-build.lock');
  const flock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
  if (flock && !process.env.STYRKORT_BUILD_LOCKED) {
    closeSync(openSync(lock, 'a'));
    const r = spawnSync('flock', [lock, process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, STYRKORT_BUILD_LOCKED: '1' },
    });
    process.exit(r.status ?? 1);
  }
  if (ifStale && serverIsCurrent()) process.exit(0); // another run built it while this one waited
  const started = Date.now();
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  stamp(SERVER_STAMP, started);
  process.exit(0);
}

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const started = Date.now();
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
if (existsSync(path.join(root, 'vite.config.ts'))) run(bin('vite'), ['build', '--logLevel', 'warn']);
mkdirSync(path.join(root, 'dist'), { recursive: true });
stamp(path.join(root, 'dist', '.build-stamp'), started);
stamp(SERVER_STAMP, started);
