#!/usr/bin/env -S node --max-semi-space-size=64
// --max-semi-space-size: see "Runtime settings" in docs/ARCHITECTURE.md (also in package.json's start and bench).
// The `styrkort` command runs the built code in dist/ ("npm run build", which "npm start" does when needed).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('Fel: Styrkort är inte byggt. Kör "npm run build" (eller "npm start") i projektkatalogen först.\n');
  process.exit(1);
}
await import(main.href);
