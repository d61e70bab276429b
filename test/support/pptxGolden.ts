import { readPptx, type ShapeInfo } from './pptxRead.js';

/**
 * A PowerPoint file as reviewable text for golden tests: per slide, every shape with its kind,
 * placeholder, position (inches), alt text, paragraphs (level, bold), table rows and chart data.
 * Timestamps, ids, part order and zip details are left out, so the text only changes when what a
 * reader sees changes.
 */
function shapeLines(s: ShapeInfo): string[] {
  const head = [
    s.kind === 'graphicFrame' ? (s.chart ? 'diagram' : s.table ? 'tabell' : 'ram') : s.kind === 'pic' ? 'bild' : s.kind === 'cxnSp' ? 'linje' : 'form',
    s.placeholder ? `platshållare=${s.placeholder}` : null,
    s.box ? `[${s.box.map((v) => v.toFixed(2)).join(' ')}]` : null,
    s.descr ? `alt=${JSON.stringify(s.descr)}` : null,
  ].filter((x) => x !== null);
  const lines = [`  ${head.join(' ')}`];
  for (const p of s.paragraphs) if (p.text !== '') lines.push(`    ${'  '.repeat(p.level)}${p.bold ? '**' : ''}${p.text}${p.bold ? '**' : ''}`);
  for (const row of s.table ?? []) lines.push(`    | ${row.join(' | ')} |`);
  if (s.chart) {
    lines.push(`    ${s.chart.part} ${s.chart.types.join('+')}`);
    for (const ser of s.chart.series) {
      lines.push(`    serie ${JSON.stringify(ser.name)} format=${JSON.stringify(ser.formatCode)}: ${ser.categories.map((c, i) => `${c}=${ser.values[i] ?? '–'}`).join(', ')}`);
    }
  }
  return lines;
}

export async function pptxGoldenText(bytes: Uint8Array): Promise<string> {
  const { slides, zip } = await readPptx(bytes);
  const presentation = (await zip.file('ppt/presentation.xml')?.async('string')) ?? '';
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation);
  const langs = new Set<string>();
  for (const s of slides) for (const m of s.xml.matchAll(/ lang="([^"]+)"/g)) langs.add(m[1] as string);
  const out = [`bildstorlek ${size ? `${(Number(size[1]) / 914400).toFixed(3)} × ${(Number(size[2]) / 914400).toFixed(3)} tum` : '?'}; språk ${[...langs].sort().join(', ')}; ${slides.length} bilder`];
  for (const slide of slides) {
    out.push('', `== bild ${slide.number} ==`);
    for (const s of slide.shapes) out.push(...shapeLines(s));
  }
  return `${out.join('\n')}\n`;
}
