import { blockSchema, type Block } from '../../domain/blocks.js';
import { blockReferences, REFERENCE_LABELS, type ReferenceKind } from '../../domain/blockReferences.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { sanitizeMarkdown } from '../../domain/sanitizeMarkdown.js';
import { issuesToDetails } from '../../domain/validation.js';
import { existingIds } from '../../db/repositories/authoring.js';
import type { Db } from '../../db/repositories/types.js';

/**
 * A block as an author sends it: validated with the block schemas (Swedish messages per field,
 * `blocks[2].period`), every text sanitised (no raw HTML, no javascript:/data: links), and every
 * indicator, area, dataset, risk register and picture it names checked to exist.
 */
function sanitizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeMarkdown(value);
  if (Array.isArray(value)) return value.map(sanitizeStrings);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeStrings(v)]));
  return value;
}

const TABLE: Record<ReferenceKind, 'indicator' | 'area' | 'dataset' | 'risk_register' | 'asset'> = {
  indicator: 'indicator',
  area: 'area',
  dataset: 'dataset',
  register: 'risk_register',
  asset: 'asset',
};

/** Parses blocks; returns them or the problems, each with its field path under `prefix(i)`. */
export async function checkBlocks(db: Db, inputs: readonly unknown[], prefix: (index: number) => string): Promise<{ blocks: Block[]; details: ErrorDetail[] }> {
  const details: ErrorDetail[] = [];
  const blocks: Block[] = [];
  inputs.forEach((input, i) => {
    const parsed = blockSchema.safeParse(sanitizeStrings(input));
    if (parsed.success) blocks.push(parsed.data);
    else details.push(...issuesToDetails(parsed.error.issues, prefix(i)));
  });
  if (details.length > 0) return { blocks, details };
  const refs = blocks.flatMap((b, i) => blockReferences(b).map((r) => ({ ...r, index: i })));
  for (const kind of Object.keys(TABLE) as ReferenceKind[]) {
    const wanted = refs.filter((r) => r.kind === kind);
    if (wanted.length === 0) continue;
    const found = await existingIds(db, TABLE[kind], wanted.map((r) => r.id));
    for (const r of wanted) if (!found.has(r.id)) details.push({ where: `${prefix(r.index)}.${r.path}`, message: `${REFERENCE_LABELS[kind]} "${r.id}" finns inte` });
  }
  return { blocks, details };
}

export function invalidBlocks(details: readonly ErrorDetail[]): StyrkortError {
  const first = details[0];
  const more = details.length > 1 ? ` (och ${details.length - 1} fel till)` : '';
  return new StyrkortError('invalid_input', `Blocket kan inte sparas: ${first ? `${first.where}: ${first.message}` : 'ogiltigt innehåll'}${more}`, details);
}

export async function requireBlocks(db: Db, inputs: readonly unknown[], prefix: (index: number) => string): Promise<Block[]> {
  const { blocks, details } = await checkBlocks(db, inputs, prefix);
  if (details.length > 0) throw invalidBlocks(details);
  return blocks;
}
