/**
 * Finds rows that may repeat a key, without holding the keys: each key is hashed to 64 bits and
 * kept in an open-addressing table of typed arrays (12 bytes a slot), so a million rows take
 * some 48 MB and a fraction of a second. A repeated key always hashes the same, so every row of
 * a repeated key is among the candidates; a candidate can also be a rare hash collision, which
 * the caller rules out by comparing the real keys of the (few) candidates.
 */
export class KeySet {
  private h1: Uint32Array;
  private h2: Uint32Array;
  private seqs: Float64Array;
  private size = 0;
  readonly candidates = new Set<number>();

  constructor(capacity = 1 << 16) {
    let c = 1;
    while (c < capacity) c <<= 1;
    this.h1 = new Uint32Array(c);
    this.h2 = new Uint32Array(c);
    this.seqs = new Float64Array(c);
  }

  /** Adds a key (its fields) for row `seq` (≥ 1). */
  add(fields: readonly string[], seq: number): void {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ fields.length;
    for (const field of fields) {
      for (let i = 0; i < field.length; i++) {
        const c = field.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
      }
      a = Math.imul(a ^ 0x1f, 0x01000193);
      b = Math.imul(b ^ 0x1f, 0x5bd1e995);
    }
    this.insert(a >>> 0, (b ^ (b >>> 13)) >>> 0 || 1, seq);
  }

  private insert(a: number, b: number, seq: number): void {
    if ((this.size + 1) * 2 > this.seqs.length) this.grow();
    const mask = this.seqs.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const existing = this.seqs[i] as number;
      if (existing === 0) {
        this.h1[i] = a;
        this.h2[i] = b;
        this.seqs[i] = seq;
        this.size += 1;
        return;
      }
      if (this.h1[i] === a && this.h2[i] === b) {
        this.candidates.add(existing);
        this.candidates.add(seq);
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const [h1, h2, seqs] = [this.h1, this.h2, this.seqs];
    this.h1 = new Uint32Array(seqs.length * 2);
    this.h2 = new Uint32Array(seqs.length * 2);
    this.seqs = new Float64Array(seqs.length * 2);
    this.size = 0;
    for (let i = 0; i < seqs.length; i++) if (seqs[i] !== 0) this.insert(h1[i] as number, h2[i] as number, seqs[i] as number);
  }
}
