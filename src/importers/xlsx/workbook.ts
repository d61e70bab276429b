import path from 'node:path/posix';
import { StyrkortError } from '../../domain/errors.js';
import type { Archive } from './archive.js';
import { attribute, readXml, unescapeOoxml } from './xml.js';

/**
 * What a sheet's cells need from the rest of the workbook, read before any sheet: the sheets
 * (names, visibility, where each is stored), the date system, the shared strings and each cell
 * style's number format. Parts are found through the package's relations, as Excel finds them;
 * the usual names are the fallback for writers that leave relations out.
 */
export interface WorkbookSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part in the archive, or null when it is a chart sheet or missing. */
  part: string | null;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  /** Dates count from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
  sharedStrings: readonly string[];
  /** Number format code of each cell style (the `s` of a cell), null for General. */
  styleFormats: readonly (string | null)[];
  /** Packed bytes of the parts read here. */
  packedBytes: number;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

function refuse(message: string): never {
  throw new StyrkortError('invalid_input', `Filen kan inte läsas som XLSX: ${message}`);
}

/** Relation types end in the kind (…/officeDocument, …/worksheet), in transitional and strict OOXML. */
function kindOf(type: string): string {
  return type.startsWith(REL) ? type.slice(REL.length) : type.startsWith(STRICT_REL) ? type.slice(STRICT_REL.length) : type.slice(type.lastIndexOf('/') + 1);
}

interface Relation {
  kind: string;
  part: string;
}

/** A relation's target as an archive name: relative to the source part's folder, or from the root. */
function resolveTarget(source: string, target: string): string {
  const resolved = target.startsWith('/') ? target.slice(1) : path.join(path.dirname(source), target);
  return path.normalize(resolved).replace(/^\/+/, '');
}

async function relations(archive: Archive, source: string): Promise<Map<string, Relation>> {
  const relsPart = path.join(path.dirname(source), '_rels', `${path.basename(source)}.rels`);
  const found = new Map<string, Relation>();
  if (!archive.has(relsPart)) return found;
  await readXml(archive.open(relsPart), relsPart, {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const id = attributes.Id;
      const target = attributes.Target;
      if (id && target) found.set(id, { kind: kindOf(attributes.Type ?? ''), part: resolveTarget(source, target) });
    },
  });
  return found;
}

/**
 * Built-in number formats a style may name by id alone (ECMA-376 part 1, 18.8.30). Only the ones
 * the import tells apart are listed: percents and dates (14 shows as yyyy-mm-dd in a Swedish
 * Excel; 27–36 and 50–58 are East Asian date formats). Times of day and every other id read as
 * plain numbers.
 */
function builtinFormat(id: number): string | null {
  if (id === 9) return '0%';
  if (id === 10) return '0.00%';
  if (id === 14) return 'yyyy-mm-dd';
  if (id === 15) return 'd-mmm-yy';
  if (id === 16) return 'd-mmm';
  if (id === 17) return 'mmm-yy';
  if (id === 22) return 'yyyy-mm-dd h:mm';
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return 'yyyy-mm-dd';
  return null;
}

async function readStyles(archive: Archive, part: string): Promise<(string | null)[]> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  await readXml(archive.open(part), part, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attributes.numFmtId);
        if (Number.isInteger(id) && attributes.formatCode !== undefined) custom.set(id, attributes.formatCode);
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        ids.push(Number.isInteger(id) ? id : 0);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return ids.map((id) => custom.get(id) ?? builtinFormat(id));
}

async function readSharedStrings(archive: Archive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await readXml(archive.open(part), part, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && current) {
        strings.push(unescapeOoxml(current.join('')));
        current = null;
      }
    },
  });
  return strings;
}

export async function readWorkbook(archive: Archive): Promise<Workbook> {
  let packedBytes = 0;
  const count = (part: string) => (packedBytes += archive.packedSize(part), part);

  const root = await relations(archive, '');
  const main = [...root.values()].find((r) => r.kind === 'officeDocument')?.part ?? 'xl/workbook.xml';
  if (!archive.has(main)) refuse(`arbetsboken (${main}) saknas — filen är inte en Excel-arbetsbok`);
  const rels = await relations(archive, main);

  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  await readXml(archive.open(count(main)), main, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      const relation = rels.get(attribute(attributes, 'id', true) ?? '');
      const state = attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible';
      const fallback = `xl/worksheets/sheet${attributes.sheetId ?? ''}.xml`;
      const part = relation ? (relation.kind === 'worksheet' ? relation.part : null) : archive.has(fallback) ? fallback : null;
      sheets.push({ name: unescapeOoxml(attributes.name ?? `Blad${sheets.length + 1}`), state, part });
    },
  });

  const byKind = (kind: string, fallback: string) => [...rels.values()].find((r) => r.kind === kind)?.part ?? fallback;
  const stylesPart = byKind('styles', 'xl/styles.xml');
  const stringsPart = byKind('sharedStrings', 'xl/sharedStrings.xml');
  const styleFormats = archive.has(stylesPart) ? await readStyles(archive, count(stylesPart)) : [];
  const sharedStrings = archive.has(stringsPart) ? await readSharedStrings(archive, count(stringsPart)) : [];
  return { sheets, date1904, sharedStrings, styleFormats, packedBytes };
}
