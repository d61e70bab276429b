import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCatalogText, type CatalogIssue, type CatalogKind } from '../importers/catalog/parse.js';
import type { Catalog } from '../importers/catalog/references.js';

/**
 * Reads a catalog directory: organisation.yaml, plan.yaml, indicators.yaml, datasets.yaml,
 * risks.yaml, assets.yaml (each optional) and every file in measurements/ and meetings/.
 * File names in issues are relative to `root` (what the user sees in the repository).
 */
const SINGLE_FILES: Array<[CatalogKind, keyof Catalog, string]> = [
  ['organisation', 'organisation', 'organisation.yaml'],
  ['plan', 'plan', 'plan.yaml'],
  ['indicators', 'indicators', 'indicators.yaml'],
  ['datasets', 'datasets', 'datasets.yaml'],
  ['risks', 'risks', 'risks.yaml'],
  ['assets', 'assets', 'assets.yaml'],
];

const MULTI_DIRS: Array<[CatalogKind, keyof Catalog, string]> = [
  ['measurements', 'measurements', 'measurements'],
  ['meeting', 'meetings', 'meetings'],
];

async function listYaml(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir);
    return entries.filter((e) => /\.(ya?ml|json)$/.test(e)).sort();
  } catch {
    return [];
  }
}

export interface CatalogRead {
  catalog: Catalog;
  issues: CatalogIssue[];
  /** The raw bytes of every file read, by relative name (for hashing an import batch). */
  files: Map<string, Buffer>;
}

export async function readCatalogDir(dir: string, root: string = process.cwd()): Promise<CatalogRead> {
  const catalog: Catalog = { organisation: [], plan: [], indicators: [], measurements: [], datasets: [], risks: [], assets: [], meetings: [] };
  const issues: CatalogIssue[] = [];
  const files = new Map<string, Buffer>();

  const load = async (kind: CatalogKind, target: keyof Catalog, absolute: string) => {
    const display = path.relative(root, absolute) || absolute;
    let bytes: Buffer;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      issues.push({ file: display, line: null, path: '', message: `kan inte läsa filen (${code ?? 'fel'})` });
      return;
    }
    files.set(display, bytes);
    const parsed = parseCatalogText(kind, display, bytes.toString('utf8'));
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      return;
    }
    (catalog[target] as Array<{ file: string; content: unknown }>).push({ file: display, content: parsed.value });
  };

  for (const [kind, target, name] of SINGLE_FILES) await load(kind, target, path.join(dir, name));
  for (const [kind, target, sub] of MULTI_DIRS) {
    for (const name of await listYaml(path.join(dir, sub))) await load(kind, target, path.join(dir, sub, name));
  }
  return { catalog, issues, files };
}
