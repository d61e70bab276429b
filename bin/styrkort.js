#!/usr/bin/env node
// The `styrkort` command runs the built code in dist/ ("npm run build", which "npm start" does when needed).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('Fel: Styrkort är inte byggt. Kör "npm run build" (eller "npm start") i projektkatalogen först.\n');
  process.exit(1);
}
await import(main.href);
