// `npm start`: build when the build is missing or older than the sources, then run `styrkort start`
// in this process (so Ctrl-C and SIGTERM reach the server directly and it stops in order).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = ['src', 'web', 'package.json', 'tsconfig.base.json', 'tsconfig.build.json', 'vite.config.ts'];

function newest(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sources = Math.max(...inputs.map((i) => newest(path.join(root, i))));
if (built < sources) {
  process.stdout.write(built === 0 ? 'Bygger Styrkort …\n' : 'Källorna har ändrats: bygger om …\n');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
process.argv = [process.argv[0], path.join(root, 'bin', 'styrkort.js'), 'start', ...process.argv.slice(2)];
await import(new URL('../dist/cli/main.js', import.meta.url).href);
