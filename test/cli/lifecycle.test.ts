import { once } from 'node:events';
import { readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive, runCli, startServer, tempDir } from '../support/cli.js';
import { authedFetch, login } from '../support/login.js';

async function postgresPid(dataDir: string): Promise<number> {
  const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  return Number(text.split('\n')[0]);
}

async function meetingIds(url: string): Promise<string[]> {
  const r = await authedFetch(url, '/api/meetings');
  return ((await r.json()) as Array<{ id: string }>).map((m) => m.id).sort();
}

describe('the server process with the embedded PostgreSQL', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('comes up again after kill -9 without repair, with nothing committed lost, and stops PostgreSQL cleanly on SIGTERM', async () => {
    const dir = await tempDir('styrkort-life-');
    dirs.push(dir);
    const env = { STYRKORT_DATA_DIR: path.join(dir, 'pg') };

    const first = await startServer(['serve'], env);
    // a second process attaches to the running database and commits the demo data
    const load = await runCli(['demo', 'load'], env);
    expect(load.stderr).toBe('');
    expect(load.code).toBe(0);
    expect(await meetingIds(first.url)).toEqual(['rs-2024-02-01', 'rs-2025-06-17', 'rs-2025-12-10', 'rs-2026-05-06']);

    const orphan = await postgresPid(env.STYRKORT_DATA_DIR);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(isAlive(orphan)).toBe(true); // the database outlives the killed app …

    const second = await startServer(['serve'], env); // … and the next start takes over without help
    expect(second.output()).toMatch(/kvarlämnad databasprocess/);
    expect(isAlive(orphan)).toBe(false);
    expect(await meetingIds(second.url)).toEqual(['rs-2024-02-01', 'rs-2025-06-17', 'rs-2025-12-10', 'rs-2026-05-06']);

    const pid = await postgresPid(env.STYRKORT_DATA_DIR);
    second.child.kill('SIGTERM');
    const exit = await second.exited;
    expect(exit.code).toBe(0);
    expect(isAlive(pid)).toBe(false);
    const log = await readFile(path.join(env.STYRKORT_DATA_DIR, 'styrkort-postgres.log'), 'utf8');
    expect(log.trimEnd().split('\n').at(-1)).toMatch(/database system is shut down/);
  });

  it('starts the embedded PostgreSQL again when it dies while serving (kill -9), and says so in the log and the health answer', async () => {
    const dir = await tempDir('styrkort-sup-');
    dirs.push(dir);
    const env = { STYRKORT_DATA_DIR: path.join(dir, 'pg') };
    const server = await startServer(['serve'], env);
    let serverExited = false;
    void server.exited.then(() => (serverExited = true));
    const health = async () => {
      const r = await fetch(`${server.url}/api/health`);
      return { status: r.status, body: (await r.json()) as { database: string; embedded?: { state: string; restarts: number; lastExit: { how: string } | null } } };
    };
    expect((await health()).body).toMatchObject({ database: 'ok', embedded: { state: 'running', restarts: 0, lastExit: null } });

    const killed = await postgresPid(env.STYRKORT_DATA_DIR);
    process.kill(killed, 'SIGKILL');
    const seen = new Set<string>();
    let last = await health();
    for (let waited = 0; !(last.status === 200 && last.body.embedded?.restarts === 1); waited += 200) {
      if (waited > 120_000 || serverExited) throw new Error(`ingen omstart:\n${server.output()}`);
      seen.add(`${last.status} ${last.body.database}`);
      await new Promise((r) => setTimeout(r, 200));
      last = await health();
    }
    expect(last.body.embedded).toMatchObject({ state: 'running', restarts: 1, lastExit: { how: 'signal SIGKILL' } });
    expect([...seen].every((s) => s === '503 startas om' || s === '503 fel' || s === '200 ok')).toBe(true);
    expect(server.output()).toContain('Den inbyggda databasen avslutades oväntat (signal SIGKILL); startar om den om 1 s.');
    expect(server.output()).toMatch(/Den inbyggda databasen körs igen \(omstart 1, försök \d+\)\./);
    const restarted = await postgresPid(env.STYRKORT_DATA_DIR);
    expect(restarted).not.toBe(killed);
    expect(isAlive(killed)).toBe(false);
    expect(serverExited).toBe(false);

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(isAlive(restarted)).toBe(false);
  });

  it('stops on SIGTERM even while a client never finishes its request: the request is cut after 8 s', async () => {
    const dir = await tempDir('styrkort-term-');
    dirs.push(dir);
    const env = { STYRKORT_DATA_DIR: path.join(dir, 'pg') };
    const server = await startServer(['serve'], env);
    // a request whose body never comes: the server waits for it, and shutdown with it
    const socket = net.connect(server.port, '127.0.0.1');
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"username":');
    await new Promise((r) => setTimeout(r, 500));
    const pid = await postgresPid(env.STYRKORT_DATA_DIR);
    const started = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    const took = Date.now() - started;
    socket.destroy();
    expect(exit.code).toBe(0);
    expect(server.output()).toContain('Förfrågningar pågår fortfarande efter 8 s; de avbryts.');
    expect(took).toBeGreaterThanOrEqual(8_000); // it did wait for the request, as long as promised
    expect(isAlive(pid)).toBe(false);
  });

  it('start loads the demo into an empty database, names the demo accounts, and stops in order on SIGINT', async () => {
    const dir = await tempDir('styrkort-int-');
    dirs.push(dir);
    const env = { STYRKORT_DATA_DIR: path.join(dir, 'pg') };
    const server = await startServer(['start'], env);
    expect(server.output()).toMatch(/Demodata inläst: \d+ poster, 154 utfall, 4 publicerade sammanträden\./);
    expect(server.output()).toContain('Logga in med ett demokonto (lösenord styrkort-demo): admin, analytiker, sekreterare, foredragande, lasare.');
    const pid = await postgresPid(env.STYRKORT_DATA_DIR);
    server.child.kill('SIGINT');
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(server.output()).toMatch(/SIGINT: stänger Styrkort/);
    expect(isAlive(pid)).toBe(false);
  });

  it('takes a consistent backup while serving, which restores into a fresh database with the same answers', async () => {
    const dir = await tempDir('styrkort-bak-');
    dirs.push(dir);
    const source = { STYRKORT_DATA_DIR: path.join(dir, 'pg-a') };
    const target = { STYRKORT_DATA_DIR: path.join(dir, 'pg-b') };
    const file = path.join(dir, 'styrkort.backup.gz');

    const server = await startServer(['start'], source); // `start` loads the demo data into the empty database
    const backup = await runCli(['backup', file], source);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Säkerhetskopia skriven till/);
    const urls = ['/api/meetings/2026-05-06', '/api/indicators?area=0008', '/api/indicators/telefon-teleq-samma-dag/ranking?period=2026-03', '/api/plan-periods'];
    const sourceLogin = await login(server.url);
    const before = await Promise.all(urls.map(async (u) => (await authedFetch(server.url, u, sourceLogin)).text()));
    server.child.kill('SIGTERM');
    await server.exited;

    const restore = await runCli(['restore', file], target);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const restored = await startServer(['serve'], target);
    const targetLogin = await login(restored.url);
    const after = await Promise.all(urls.map(async (u) => (await authedFetch(restored.url, u, targetLogin)).text()));
    expect(after).toEqual(before);

    const again = await runCli(['restore', file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Fel: Databasen innehåller redan data/);
    restored.child.kill('SIGTERM');
    await restored.exited;
  });
});
