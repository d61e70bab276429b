import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Golden files: generated output compared with a reviewed copy under test/reports/golden/. On a
 * mismatch the new output is written next to the golden as `<name>-changed.<ext>` (gitignored),
 * so `diff golden changed` shows what changed; `UPDATE_GOLDEN=1` writes the goldens anew.
 */
function changedName(file: string): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}-changed${ext}`;
}

function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `rad ${i + 1}:\n  väntat:  ${JSON.stringify(a[i] ?? '(slut)').slice(0, 300)}\n  fick:    ${JSON.stringify(b[i] ?? '(slut)').slice(0, 300)}`;
  }
  return '(ingen skillnad)';
}

/** Returns null when the output matches its golden, else a message saying where it differs. */
export async function compareGolden(file: string, actual: string): Promise<string | null> {
  const changed = changedName(file);
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, actual);
    await rm(changed, { force: true });
    return null;
  }
  const expected = existsSync(file) ? await readFile(file, 'utf8') : null;
  if (expected === actual) {
    await rm(changed, { force: true });
    return null;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(changed, actual);
  if (expected === null) return `${file} saknas; ny utdata i ${changed}. Granska och kör med UPDATE_GOLDEN=1.`;
  return `${file} skiljer sig från ny utdata (${changed}), första skillnaden på ${firstDifference(expected, actual)}\nGranska med: diff ${file} ${changed}; godkänn med UPDATE_GOLDEN=1.`;
}
