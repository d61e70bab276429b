import { writeFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCli, tempDir } from '../support/cli.js';

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

describe('bad configuration exits with one clear line', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('an unreachable DATABASE_URL', async () => {
    const port = await freePort();
    const r = await runCli(['serve'], { DATABASE_URL: `postgres://styrkort:hemligt@127.0.0.1:${port}/styrkort` });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(`Fel: Kan inte ansluta till databasen på DATABASE_URL (127.0.0.1:${port}/styrkort): anslutningen nekades. Kontrollera att PostgreSQL körs och att adressen stämmer.`);
    expect(r.stderr).not.toMatch(/hemligt/);
  });

  it('a port already in use — and the embedded database it started is stopped again', async () => {
    const dir = await tempDir('styrkort-port-');
    dirs.push(dir);
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      const r = await runCli(['serve', '--port', String(port)], { STYRKORT_DATA_DIR: path.join(dir, 'pg') });
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toBe(`Fel: Porten ${port} på 127.0.0.1 används redan. Stoppa programmet som använder den eller välj en annan port med PORT=${port + 1}.`);
    } finally {
      blocker.close();
    }
    // nothing left running in the data directory: a new start works at once
    const again = await runCli(['db', 'migrate'], { STYRKORT_DATA_DIR: path.join(dir, 'pg') });
    expect(again.code).toBe(0);
  });

  it('a data directory that cannot be written', async () => {
    const dir = await tempDir('styrkort-dir-');
    dirs.push(dir);
    const file = path.join(dir, 'en-fil');
    await writeFile(file, 'inte en katalog');
    const r = await runCli(['serve'], { STYRKORT_DATA_DIR: path.join(file, 'pg') });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^Fel: Datakatalogen .*en-fil\/pg går inte att skapa eller skriva till \((ENOTDIR|EEXIST|EACCES)\)\. Ändra behörigheten eller välj en annan katalog med STYRKORT_DATA_DIR=…$/);
  });

  it('a mistyped command or a missing argument, in Swedish', async () => {
    const unknown = await runCli(['servera'], {});
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Fel: okänt kommando "servera"/);
    const missing = await runCli(['backup'], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Fel: argumentet "fil" saknas/);
  });

  it('a malformed setting, listing every problem', async () => {
    const r = await runCli(['serve'], { PORT: 'tretusen', LOG_LEVEL: 'pratig' });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe('Fel: Felaktig konfiguration: PORT ska vara ett portnummer (1–65535); LOG_LEVEL ska vara fatal, error, warn, info, debug eller silent');
  });
});
