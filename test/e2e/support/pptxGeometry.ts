import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/**
 * Where everything on a PowerPoint slide sits, read from the XML parts with a real parser (saxes),
 * as another program lays it out: the slide size from ppt/presentation.xml (p:sldSz), and for
 * every shape, picture, connector, group and graphic frame on every slide its box in EMU —
 * a placeholder without its own a:xfrm takes the box of its layout's (or master's) placeholder,
 * and a group's children are mapped from the group's child space. Tables also give their column
 * widths (a:gridCol w) and row heights (a:tr h).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

export interface Box {
  x: number;
  y: number;
  cx: number;
  cy: number;
}

export interface PlacedShape {
  kind: string;
  name: string;
  /** null: no a:xfrm on the shape nor on any placeholder it inherits from. */
  box: Box | null;
  table: { columnWidths: number[]; rowHeights: number[] } | null;
}

export interface SlideGeometry {
  number: number;
  shapes: PlacedShape[];
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  const top = root.children[0];
  if (!top) throw new Error('XML utan rotelement');
  return top;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => (c.name === name ? [c] : descendants(c, name)));
}

const SHAPES = new Set(['p:sp', 'p:pic', 'p:cxnSp', 'p:graphicFrame', 'p:grpSp']);
const PROPERTIES: Record<string, string> = { 'p:sp': 'p:spPr', 'p:pic': 'p:spPr', 'p:cxnSp': 'p:spPr', 'p:grpSp': 'p:grpSpPr' };

/** The a:xfrm (p:xfrm for a graphic frame) of a shape, if it has one. */
function transform(shape: XmlElement): XmlElement | undefined {
  if (shape.name === 'p:graphicFrame') return child(shape, 'p:xfrm');
  return child(child(shape, PROPERTIES[shape.name] ?? ''), 'a:xfrm');
}

function point(xfrm: XmlElement | undefined, name: string, a: string, b: string): [number, number] | null {
  const e = child(xfrm, name);
  if (!e) return null;
  return [Number(e.attributes[a] ?? 0), Number(e.attributes[b] ?? 0)];
}

function boxOf(xfrm: XmlElement | undefined): Box | null {
  const off = point(xfrm, 'a:off', 'x', 'y');
  const ext = point(xfrm, 'a:ext', 'cx', 'cy');
  return off && ext ? { x: off[0], y: off[1], cx: ext[0], cy: ext[1] } : null;
}

function nonVisual(shape: XmlElement): XmlElement | undefined {
  return shape.children.find((c) => c.name.startsWith('p:nv'));
}

function placeholderOf(shape: XmlElement): { type: string; idx: string | null } | null {
  const ph = child(child(nonVisual(shape), 'p:nvPr'), 'p:ph');
  return ph ? { type: ph.attributes.type ?? 'body', idx: ph.attributes.idx ?? null } : null;
}

/** Placeholders of a layout or master: their boxes by type and by idx. */
interface Placeholders {
  byType: Map<string, Box>;
  byIdx: Map<string, Box>;
}

function placeholders(part: XmlElement | null): Placeholders {
  const found: Placeholders = { byType: new Map(), byIdx: new Map() };
  if (!part) return found;
  for (const shape of descendants(part, 'p:sp')) {
    const ph = placeholderOf(shape);
    const box = boxOf(transform(shape));
    if (!ph || !box) continue;
    if (!found.byType.has(ph.type)) found.byType.set(ph.type, box);
    if (ph.idx !== null) found.byIdx.set(ph.idx, box);
  }
  return found;
}

function inherited(ph: { type: string; idx: string | null }, parts: Placeholders[]): Box | null {
  for (const p of parts) {
    const box = (ph.idx !== null ? p.byIdx.get(ph.idx) : undefined) ?? p.byType.get(ph.type);
    if (box) return box;
  }
  return null;
}

async function part(zip: JSZip, name: string): Promise<XmlElement | null> {
  const text = await zip.file(name)?.async('string');
  return text === undefined ? null : parseXml(text);
}

/** The part a relationship of `from` of the given type points at (resolved against `from`'s folder). */
async function related(zip: JSZip, from: string, type: string): Promise<string | null> {
  const folder = from.slice(0, from.lastIndexOf('/'));
  const rels = await part(zip, `${folder}/_rels/${from.slice(folder.length + 1)}.rels`);
  const rel = rels?.children.find((r) => (r.attributes.Type ?? '').endsWith(`/${type}`));
  const target = rel?.attributes.Target;
  if (!target) return null;
  return new URL(target, `file:///${folder}/`).pathname.slice(1);
}

function table(frame: XmlElement): PlacedShape['table'] {
  const tbl = descendants(frame, 'a:tbl')[0];
  if (!tbl) return null;
  return {
    columnWidths: descendants(tbl, 'a:gridCol').map((c) => Number(c.attributes.w ?? 0)),
    rowHeights: tbl.children.filter((c) => c.name === 'a:tr').map((r) => Number(r.attributes.h ?? 0)),
  };
}

/** Maps a box from a group's child space (a:chOff, a:chExt) into the group's place (a:off, a:ext). */
function mapper(group: XmlElement, outer: (b: Box) => Box): (b: Box) => Box {
  const xfrm = transform(group);
  const off = point(xfrm, 'a:off', 'x', 'y') ?? [0, 0];
  const ext = point(xfrm, 'a:ext', 'cx', 'cy') ?? [0, 0];
  const chOff = point(xfrm, 'a:chOff', 'x', 'y') ?? off;
  const chExt = point(xfrm, 'a:chExt', 'cx', 'cy') ?? ext;
  const sx = chExt[0] === 0 ? 1 : ext[0] / chExt[0];
  const sy = chExt[1] === 0 ? 1 : ext[1] / chExt[1];
  return (b) => outer({ x: off[0] + (b.x - chOff[0]) * sx, y: off[1] + (b.y - chOff[1]) * sy, cx: b.cx * sx, cy: b.cy * sy });
}

function collect(container: XmlElement, map: (b: Box) => Box, inherit: Placeholders[], out: PlacedShape[]): void {
  for (const shape of container.children) {
    if (!SHAPES.has(shape.name)) continue;
    const own = boxOf(transform(shape));
    const ph = placeholderOf(shape);
    const box = own ? map(own) : ph ? inherited(ph, inherit) : null;
    out.push({ kind: shape.name.slice(2), name: child(nonVisual(shape), 'p:cNvPr')?.attributes.name ?? '', box, table: shape.name === 'p:graphicFrame' ? table(shape) : null });
    if (shape.name === 'p:grpSp') collect(shape, mapper(shape, map), inherit, out);
  }
}

export async function readPptxGeometry(bytes: Uint8Array): Promise<{ width: number; height: number; slides: SlideGeometry[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const size = child((await part(zip, 'ppt/presentation.xml')) ?? undefined, 'p:sldSz');
  if (!size) throw new Error('ppt/presentation.xml har ingen p:sldSz');
  const slideNames = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const slides: SlideGeometry[] = [];
  for (const name of slideNames) {
    const xml = await part(zip, name);
    const tree = child(child(xml ?? undefined, 'p:cSld'), 'p:spTree');
    if (!tree) throw new Error(`${name} har ingen p:spTree`);
    const layout = await related(zip, name, 'slideLayout');
    const master = layout ? await related(zip, layout, 'slideMaster') : null;
    const inherit = [placeholders(layout ? await part(zip, layout) : null), placeholders(master ? await part(zip, master) : null)];
    const shapes: PlacedShape[] = [];
    collect(tree, (b) => b, inherit, shapes);
    slides.push({ number: Number(/(\d+)\.xml$/.exec(name)?.[1]), shapes });
  }
  return { width: Number(size.attributes.cx), height: Number(size.attributes.cy), slides };
}
