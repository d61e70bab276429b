import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { StyrkortError } from '../../domain/errors.js';

/**
 * Streaming XML for the parts of an XLSX file, through saxes (a well-kept, strict, non-validating
 * SAX parser; exceljs uses it too). Element names come without their prefix ("x:row" → "row"):
 * some writers prefix SpreadsheetML, and the names are the same either way.
 */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name ("r:id" is found as "id" when `prefixed` is true). */
export function attribute(attributes: Readonly<Record<string, string>>, name: string, prefixed = false): string | undefined {
  if (!prefixed) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) if (key.includes(':') && localName(key) === name) return value;
  return undefined;
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * Parses `part` chunk by chunk, calling the handlers; yields after each chunk so a caller can hand
 * on what the chunk produced before more is read (memory stays that of one chunk).
 */
export async function* parseXml(source: Readable, part: string, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fail = (error: unknown): never => {
    if (error instanceof StyrkortError) throw error;
    // saxes says where ("3:17: unexpected close tag."); the place is what a user can act on
    const place = /(\d+):(\d+):/.exec((error as Error).message ?? '');
    const where = place ? ` (rad ${place[1]}, tecken ${place[2]})` : '';
    throw new StyrkortError('invalid_input', `Filen kan inte läsas som XLSX: delen ${part} är inte giltig XML${where}`);
  };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      parser.write(decoder.decode(chunk, { stream: true }));
      yield;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    fail(error);
  } finally {
    source.destroy(); // also when the caller stops early
  }
}

/** Runs a part through the handlers to its end. */
export async function readXml(source: Readable, part: string, handlers: XmlHandlers): Promise<void> {
  for await (const _ of parseXml(source, part, handlers)) void _;
}
