import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * The web app (web/) built into dist/web, which the Styrkort server serves. Charts (ECharts) are
 * loaded on demand, so the start page does not download them. Every text asset also gets .gz
 * and .br siblings, which the server sends to browsers that accept them.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(root, 'dist', 'web');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))));
  return nested.flat();
}

function precompress(): Plugin {
  return {
    name: 'styrkort-precompress',
    apply: 'build',
    async closeBundle() {
      const files = (await filesUnder(outDir)).filter((f) => /\.(html|js|css|svg|json|txt)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const bytes = await readFile(file);
          await writeFile(`${file}.gz`, await promisify(gzip)(bytes, { level: 9 }));
          await writeFile(`${file}.br`, await promisify(brotliCompress)(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }),
      );
    },
  };
}

const config = {
  root: path.join(root, 'web'),
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // the ECharts chunk (~560 kB, ~190 kB gzipped) is loaded only by pages with charts
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  // a build is a production build (React's production code and JSX runtime), whatever NODE_ENV the
  // calling process has — vitest sets "test", and Vite itself may otherwise fall back to "development"
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
