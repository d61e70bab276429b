import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import {
  assetsFile,
  datasetsFile,
  indicatorsFile,
  measurementsFile,
  meetingFile,
  organisationFile,
  planFile,
  risksFile,
} from './schema.js';

/**
 * Parses one catalog file (YAML or JSON — JSON is YAML) against its schema. Never throws on bad
 * input: problems come back as issues naming the file, the entry ("indicators[3] (id:
 * bup-medelvantetid)"), the field and the line, in Swedish.
 */
export interface CatalogIssue {
  file: string;
  line: number | null;
  /** The entry and field: `indicators[3] (bup-medelvantetid).unit`. */
  path: string;
  message: string;
}

export function formatIssue(issue: CatalogIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

export const CATALOG_KINDS = {
  organisation: organisationFile,
  plan: planFile,
  indicators: indicatorsFile,
  measurements: measurementsFile,
  datasets: datasetsFile,
  risks: risksFile,
  assets: assetsFile,
  meeting: meetingFile,
} as const;

export type CatalogKind = keyof typeof CATALOG_KINDS;
export type CatalogContent<K extends CatalogKind> = z.infer<(typeof CATALOG_KINDS)[K]>;

export type ParseResult<T> = { ok: true; value: T; issues: [] } | { ok: false; value: null; issues: CatalogIssue[] };

/** "indicators[3] (bup-medelvantetid).targets[0].threshold" — with the entry's id when it has one. */
function describePath(doc: Document, path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key === 'number') {
      text += `[${key}]`;
      const node = doc.getIn(path.slice(0, i + 1) as unknown[], true);
      if (isMap(node)) {
        const idNode = node.get('id', true);
        if (isScalar(idNode) && typeof idNode.value === 'string') text += ` (${idNode.value})`;
      }
    } else {
      text += text === '' ? String(key) : `.${String(key)}`;
    }
  }
  return text;
}

function lineOf(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return counter.linePos(offset).line;
    if (depth === 0) {
      const contents = doc.contents as { range?: [number, number, number] } | null;
      if (contents?.range) return counter.linePos(contents.range[0]).line;
    }
  }
  return null;
}

function translate(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `fältet saknas (väntat ${issue.expected})` : `fel typ: väntat ${issue.expected}`;
    case 'unrecognized_keys':
      return `okänt fält ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `ogiltigt värde; tillåtna: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      return 'värdet passar inte någon av de tillåtna formerna';
    case 'too_small':
      return issue.origin === 'array' ? `minst ${String(issue.minimum)} behövs` : `för litet (minst ${String(issue.minimum)})`;
    case 'too_big':
      return `för stort (högst ${String(issue.maximum)})`;
    default:
      return issue.message;
  }
}

export function parseCatalogText<K extends CatalogKind>(kind: K, file: string, text: string): ParseResult<CatalogContent<K>> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      value: null,
      issues: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? null,
        path: '',
        message: `YAML-fel: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    };
  }
  if (!isMap(doc.contents) && !isSeq(doc.contents)) {
    return { ok: false, value: null, issues: [{ file, line: null, path: '', message: 'filen är tom eller inte en YAML-karta' }] };
  }
  const result = CATALOG_KINDS[kind].safeParse(doc.toJS());
  if (result.success) return { ok: true, value: result.data as CatalogContent<K>, issues: [] };
  return {
    ok: false,
    value: null,
    issues: result.error.issues.map((issue) => {
      // for unknown keys, point at the offending key itself
      const path = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
      return { file, line: lineOf(doc, counter, path), path: describePath(doc, issue.path), message: translate(issue) };
    }),
  };
}
