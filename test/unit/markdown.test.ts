import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, runsText } from '../../src/domain/markdown.js';

const plain = (text: string) => ({ text, bold: false, italic: false, strike: false });

describe('markdown of information items', () => {
  it('paragraphs are separated by blank lines; lines within one are joined', () => {
    expect(parseMarkdown('Första raden\nfortsätter här.\n\nAndra stycket.')).toEqual([
      { kind: 'paragraph', runs: [plain('Första raden fortsätter här.')] },
      { kind: 'paragraph', runs: [plain('Andra stycket.')] },
    ]);
  });

  it('bullet lists nest by indentation; numbered lists keep their first number', () => {
    const blocks = parseMarkdown('4. Intäkter\n   - a. Intäktsflöden\n   - b. Kundfakturering\n5. Köpt verksamhet');
    expect(blocks).toEqual([
      {
        kind: 'list',
        ordered: true,
        start: 4,
        items: [
          { runs: [plain('Intäkter')], children: [{ kind: 'list', ordered: false, start: 1, items: [{ runs: [plain('a. Intäktsflöden')], children: [] }, { runs: [plain('b. Kundfakturering')], children: [] }] }] },
          { runs: [plain('Köpt verksamhet')], children: [] },
        ],
      },
    ]);
  });

  it('a line without a marker right after an item continues that item', () => {
    const [list] = parseMarkdown('- Samarbete med lärosäten\n  och YH-utbildningar\n- Praktikplatser');
    expect(list?.kind === 'list' && list.items.map((i) => runsText(i.runs))).toEqual(['Samarbete med lärosäten och YH-utbildningar', 'Praktikplatser']);
  });

  it('headings and quotes', () => {
    expect(parseMarkdown('## Rubrik ##\n> Citat från\n> patientenkäten')).toEqual([
      { kind: 'heading', level: 2, runs: [plain('Rubrik')] },
      { kind: 'quote', runs: [plain('Citat från patientenkäten')] },
    ]);
  });

  it('**bold** and *italic* become runs; a link keeps only its text; a lone asterisk stays', () => {
    expect(parseInline('**Vi styr** till *rätt* nivå, se [rapporten](https://example.org) * 2')).toEqual([
      { text: 'Vi styr', bold: true, italic: false, strike: false },
      plain(' till '),
      { text: 'rätt', bold: false, italic: true, strike: false },
      plain(' nivå, se rapporten * 2'),
    ]);
  });

  it('HTML in the text is text, never markup', () => {
    expect(parseMarkdown('<script>alert(1)</script> & <b>fet</b>')).toEqual([{ kind: 'paragraph', runs: [plain('<script>alert(1)</script> & <b>fet</b>')] }]);
  });

  it('snake_case words are not italic, and an escaped asterisk is an asterisk', () => {
    expect(parseInline('filen rs_2026_05 och \\*stjärna\\*')).toEqual([plain('filen rs_2026_05 och *stjärna*')]);
  });

  it('~~text~~ is struck through, also inside bold; a lone or spaced ~~ and an escaped ~ stay text', () => {
    expect(parseInline('Klart ~~27 maj~~ 18 april')).toEqual([plain('Klart '), { text: '27 maj', bold: false, italic: false, strike: true }, plain(' 18 april')]);
    expect(parseInline('**Beslut ~~juni~~ maj**')).toEqual([
      { text: 'Beslut ', bold: true, italic: false, strike: false },
      { text: 'juni', bold: true, italic: false, strike: true },
      { text: ' maj', bold: true, italic: false, strike: false },
    ]);
    expect(parseInline('ca ~~ 5 %, ~~ inte struket')).toEqual([plain('ca ~~ 5 %, ~~ inte struket')]);
    expect(parseInline('bara ~~ett')).toEqual([plain('bara ~~ett')]);
    expect(parseInline('\\~\\~inte\\~\\~')).toEqual([plain('~~inte~~')]);
  });
});
