import JSZip from 'jszip';

/**
 * Reads a PowerPoint file back for tests: slides in order, each shape with its kind, position,
 * placeholder, alt text, paragraphs and table rows, and each native chart's type, series names,
 * values and number format — straight from the XML parts, as another program would read them.
 */
export interface ChartSeries {
  name: string;
  categories: string[];
  /** Values by category index; a missing point is null. */
  values: Array<number | null>;
  formatCode: string | null;
}

export interface ChartPart {
  part: string;
  types: string[];
  series: ChartSeries[];
  xml: string;
}

export interface ShapeInfo {
  kind: 'sp' | 'graphicFrame' | 'pic' | 'cxnSp';
  name: string;
  descr: string | null;
  placeholder: string | null;
  box: [number, number, number, number] | null;
  paragraphs: Array<{ level: number; text: string; bold: boolean }>;
  table: string[][] | null;
  chart: ChartPart | null;
}

export interface SlideInfo {
  number: number;
  shapes: ShapeInfo[];
  xml: string;
}

export function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function paragraphs(xml: string): ShapeInfo['paragraphs'] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => {
    const inner = m[1] as string;
    const runs = [...inner.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map((r) => r[1] as string);
    const text = decodeXml(runs.map((r) => /<a:t>([\s\S]*?)<\/a:t>/.exec(r)?.[1] ?? '').join('')) + (/<a:fld[^>]*type="slidenum"/.test(inner) ? '#' : '');
    return { level: Number(/<a:pPr[^>]*\blvl="(\d+)"/.exec(inner)?.[1] ?? 0), text, bold: runs.length > 0 && runs.every((r) => /<a:rPr[^>]*\bb="1"/.test(r)) };
  });
}

function table(xml: string): string[][] | null {
  if (!xml.includes('<a:tbl>')) return null;
  return [...xml.matchAll(/<a:tr\b[^>]*>([\s\S]*?)<\/a:tr>/g)].map((row) =>
    [...(row[1] as string).matchAll(/<a:tc\b[^>]*>([\s\S]*?)<\/a:tc>/g)].map((cell) =>
      paragraphs(cell[1] as string)
        .map((p) => p.text)
        .filter((t) => t !== '')
        .join(' / '),
    ),
  );
}

export function readChart(part: string, xml: string): ChartPart {
  const types = [...xml.matchAll(/<c:(barChart|lineChart|pieChart|areaChart|scatterChart)>/g)].map((m) => m[1] as string);
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
    const ser = m[1] as string;
    const name = decodeXml(/<c:tx>[\s\S]*?<c:v>([\s\S]*?)<\/c:v>/.exec(ser)?.[1] ?? '');
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1] ?? '';
    const categories = [...cat.matchAll(/<c:pt idx="(\d+)"><c:v>([\s\S]*?)<\/c:v><\/c:pt>/g)].map((p) => decodeXml(p[2] as string));
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? '';
    const count = Number(/<c:ptCount val="(\d+)"/.exec(val)?.[1] ?? categories.length);
    const values: Array<number | null> = Array.from({ length: count }, () => null);
    for (const p of val.matchAll(/<c:pt idx="(\d+)"><c:v>([\s\S]*?)<\/c:v><\/c:pt>/g)) values[Number(p[1])] = p[2] === '' ? null : Number(p[2]);
    return { name, categories, values, formatCode: decodeXml(/<c:formatCode>([\s\S]*?)<\/c:formatCode>/.exec(val)?.[1] ?? '') || null };
  });
  return { part, types, series, xml };
}

export async function readPptx(bytes: Uint8Array): Promise<{ slides: SlideInfo[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)?.[1]) - Number(/(\d+)\.xml/.exec(b)?.[1]));
  const slides: SlideInfo[] = [];
  for (const name of names) {
    const number = Number(/(\d+)\.xml/.exec(name)?.[1]);
    const xml = (await zip.file(name)?.async('string')) ?? '';
    const rels = (await zip.file(`ppt/slides/_rels/slide${number}.xml.rels`)?.async('string')) ?? '';
    const targets = new Map([...rels.matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1] as string, m[2] as string]));
    const shapes: ShapeInfo[] = [];
    for (const m of xml.matchAll(/<p:(sp|graphicFrame|pic|cxnSp)\b[\s\S]*?<\/p:\1>/g)) {
      const s = m[0];
      const nv = /<p:cNvPr id="\d+" name="([^"]*)"(?: descr="([^"]*)")?/.exec(s);
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(s);
      const inch = (v: string | undefined) => Math.round((Number(v) / 914400) * 100) / 100;
      let chart: ChartPart | null = null;
      const chartRef = /<c:chart [^>]*r:id="(rId\d+)"/.exec(s)?.[1];
      if (chartRef) {
        const target = (targets.get(chartRef) ?? '').replace(/^\/|^\.\.\//, '').replace(/^(?!ppt\/)/, 'ppt/');
        chart = readChart(target, (await zip.file(target)?.async('string')) ?? '');
      }
      shapes.push({
        kind: m[1] as ShapeInfo['kind'],
        name: decodeXml(nv?.[1] ?? ''),
        descr: nv?.[2] !== undefined ? decodeXml(nv[2]) : null,
        placeholder: /<p:ph\b[^>]*?\btype="(\w+)"/.exec(s)?.[1] ?? null,
        box: off ? [inch(off[1]), inch(off[2]), inch(off[3]), inch(off[4])] : null,
        paragraphs: m[1] === 'graphicFrame' ? [] : paragraphs(s),
        table: table(s),
        chart,
      });
    }
    slides.push({ number, shapes, xml });
  }
  return { slides, zip };
}

/** The text of a slide as a reader sees it, paragraphs and table cells in order. */
export function slideText(slide: SlideInfo): string {
  return slide.shapes
    .flatMap((s) => [...s.paragraphs.map((p) => p.text), ...(s.table ?? []).map((r) => r.join(' | '))])
    .filter((t) => t !== '')
    .join('\n');
}
