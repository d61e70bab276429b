import JSZip from 'jszip';

/**
 * Last touches on the file pptxgenjs writes, in its XML parts:
 * - language: every text, chart and default is sv-SE (pptxgenjs hard-codes en-US in places);
 * - paragraphs: pptxgenjs repeats a paragraph's properties before each run of text, which the
 *   schema does not allow — only the first `a:pPr` of a paragraph is kept;
 * - charts: a missing value becomes no point at all (a gap), not an empty point;
 * - chart parts are numbered 1, 2, 3 … in slide order (pptxgenjs counts charts per process,
 *   so the same deck would otherwise get other part names each time it is rendered).
 */
function firstParagraphPropertiesOnly(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph: string, inner: string) => {
    const firstRun = inner.search(/<a:(r|br|fld)>|<a:(r|fld) /);
    if (firstRun === -1) return paragraph;
    const rest = inner.slice(firstRun).replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g, '');
    return `<a:p>${inner.slice(0, firstRun)}${rest}</a:p>`;
  });
}

function gapsForMissing(xml: string): string {
  return xml.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '');
}

function slideNumber(name: string): number {
  return Number(/(\d+)\.xml\.rels$/.exec(name)?.[1] ?? 0);
}

/** Old chart number → new, in the order the slides refer to them. */
async function chartOrder(zip: JSZip): Promise<Map<string, string>> {
  const rels = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n))
    .sort((a, b) => slideNumber(a) - slideNumber(b));
  const order = new Map<string, string>();
  for (const name of rels) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    for (const m of xml.matchAll(/charts\/chart(\d+)\.xml/g)) {
      const old = m[1] as string;
      if (!order.has(old)) order.set(old, String(order.size + 1));
    }
  }
  return order;
}

function renumber(text: string, order: ReadonlyMap<string, string>): string {
  return text
    .replace(/chart(\d+)\.xml/g, (m, n: string) => `chart${order.get(n) ?? n}.xml`)
    .replace(/Microsoft_Excel_Worksheet(\d+)\.xlsx/g, (m, n: string) => `Microsoft_Excel_Worksheet${order.get(n) ?? n}.xlsx`);
}

export async function finalizePptx(bytes: Uint8Array): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const order = await chartOrder(source);
  const out = new JSZip();
  const names = Object.keys(source.files).filter((n) => !source.files[n]?.dir);
  for (const name of names) {
    const file = source.file(name);
    if (!file) continue;
    const target = renumber(name, order);
    if (!/\.(xml|rels)$/.test(name)) {
      out.file(target, await file.async('uint8array'));
      continue;
    }
    let xml = renumber(await file.async('string'), order);
    xml = xml.replace(/ altLang="en-US"/g, '').replace(/"en-US"/g, '"sv-SE"').replace(/>en-US</g, '>sv-SE<');
    if (/^ppt\/(slides|slideLayouts|slideMasters)\//.test(name)) xml = firstParagraphPropertiesOnly(xml);
    if (name.startsWith('ppt/charts/')) xml = gapsForMissing(xml);
    out.file(target, xml);
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
