import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { runCli, startServer, type CliResult, type RunningServer } from '../support/cli.js';
import { changedTables, tableDigest } from '../support/dbDigest.js';
import { login } from '../support/login.js';
import { createEmptyDatabase } from '../support/testDatabase.js';

/**
 * `styrkort user …` as a real process on a fresh database: the first administrator is made
 * with `user add NAMN --name "…" --admin` and logs in over HTTP to the real server; list,
 * disable, enable and password work while the server runs (disabling ends the user's sessions
 * at once); a bad user name, a short password, an unknown role, a taken name, a missing
 * password or an unknown user give one Swedish line, exit code 1, and change nothing.
 */
let database: { url: string; drop(): Promise<void> };
let handle: DatabaseHandle;
let env: Record<string, string>;
let server: RunningServer | null = null;

beforeAll(async () => {
  database = await createEmptyDatabase();
  env = { DATABASE_URL: database.url };
});
afterAll(async () => {
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await handle?.close();
  await database?.drop();
});

const user = (args: string[], password: string | null = null): Promise<CliResult> => runCli(['user', ...args], env, password === null ? {} : { input: `${password}\n` });


async function post(path: string, session: { cookie: string; csrfToken: string }, body: object = {}): Promise<Response> {
  if (!server) throw new Error('servern kör inte');
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function get(path: string, session: { cookie: string }): Promise<Response> {
  if (!server) throw new Error('servern kör inte');
  return fetch(`${server.url}${path}`, { headers: { cookie: session.cookie } });
}

describe('styrkort user', () => {
  it('says how to make the first administrator on a fresh database', async () => {
    const r = await user(['list']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Inga användare ännu. Skapa den första administratören med: styrkort user add <användarnamn> --name "Namn" --admin');
    handle = openDatabase(database.url); // migrated by the command
  });

  it('makes an administrator with --admin, reading the password from standard input', async () => {
    const r = await user(['add', 'Anna.Admin', '--name', 'Anna Andersson', '--admin', '--email', 'anna@regionkalmar.se', '--password-stdin'], 'ett långt lösen för anna');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('Skapade anna.admin (Anna Andersson) med rollerna administratör.');
  });

  it('refuses bad input with one Swedish line and exit code 1, changing nothing', async () => {
    const cases: Array<[string[], string | null, string]> = [
      [['add', 'Anna Admin!', '--name', 'Anna', '--password-stdin'], 'ett långt lösen för anna', 'Användarnamnet ska vara 2–64 tecken: a–z, 0–9, punkt, bindestreck eller understreck, och börja med en bokstav eller siffra.'],
      [['add', 'kort', '--name', 'Kort Lösen', '--password-stdin'], 'elva tecken', 'Lösenordet ska vara minst 12 tecken.'],
      [['add', 'chefen', '--name', 'Chef', '--role', 'chef', '--password-stdin'], 'ett långt lösen för chef', 'Okänd roll "chef". Välj bland admin (administratör), analyst (analytiker), secretary (sekreterare), presenter (föredragande), reader (läsare).'],
      [['add', 'ANNA.ADMIN', '--name', 'En annan Anna', '--password-stdin'], 'ett långt lösen för anna', 'Användarnamnet "anna.admin" är upptaget.'],
      [['add', 'utan.losen', '--name', 'Utan Lösen'], null, 'Standard in är ingen terminal: skicka lösenordet med --password-stdin.'],
      [['add', 'tom', '--name', '   ', '--password-stdin'], 'ett långt lösen för tom', 'Namnet får inte vara tomt.'],
      [['disable', 'finns.inte'], null, 'Det finns ingen användare med användarnamnet "finns.inte".'],
      [['password', 'finns.inte', '--password-stdin'], 'ett långt lösen igen', 'Det finns ingen användare med användarnamnet "finns.inte".'],
      [['disable', 'anna.admin'], null, 'Det måste finnas minst en aktiv administratör: ge först någon annan rollen administratör.'],
    ];
    const before = await tableDigest(handle.db);
    const results = await Promise.all(cases.map(([args, password]) => user(args, password)));
    results.forEach((r, i) => {
      const [args, , message] = cases[i] as (typeof cases)[number];
      const what = `styrkort user ${args.join(' ')}`;
      expect(r.code, `${what}: ${r.stdout}`).toBe(1);
      expect(r.stderr.trimEnd().split('\n')[0], what).toBe(`Fel: ${message}`);
      expect(r.stdout, what).not.toMatch(/^Skapade|är avstängd|aktiv igen|Nytt lösenord/m);
    });
    expect(changedTables(before, await tableDigest(handle.db))).toEqual([]);
  }, 300_000);

  it('the administrator logs in over HTTP to the real server and may manage users', async () => {
    server = await startServer(['serve'], env);
    const anna = await login(server.url, 'anna.admin', 'ett långt lösen för anna');
    const me = (await (await get('/api/auth/session', anna)).json()) as { user: { displayName: string; email: string }; roles: string[] };
    expect(me).toMatchObject({ user: { displayName: 'Anna Andersson', email: 'anna@regionkalmar.se' }, roles: ['admin'] });
    expect((await get('/api/users', anna)).status).toBe(200);
    await expect(login(server.url, 'anna.admin', 'fel lösenord för anna')).rejects.toThrow(/401/);
  });

  it('adds, lists, disables, enables and sets passwords while the server runs; each change is on record', async () => {
    const added = await user(['add', 'kalle', '--name', 'Kalle Karlsson', '--role', 'analytiker', '--role', 'sekreterare', '--password-stdin'], 'kalles hemliga lösen');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim()).toBe('Skapade kalle (Kalle Karlsson) med rollerna analytiker, sekreterare.');
    const kalle = await login(server?.url ?? '', 'kalle', 'kalles hemliga lösen');
    expect((await get('/api/import-batches', kalle)).status).toBe(200);

    const listed = await user(['list']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Användarnamn\s+Namn\s+Roller\s+Person\s+Status\s+Senast aktiv \(UTC\)$/);
    expect(lines.find((l) => l.startsWith('anna.admin'))).toMatch(/^anna\.admin\s+Anna Andersson\s+administratör\s+aktiv\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(lines.find((l) => l.startsWith('kalle'))).toMatch(/^kalle\s+Kalle Karlsson\s+analytiker, sekreterare\s+aktiv/);

    // disabled: the open session ends at once, and the password no longer logs in
    const disabled = await user(['disable', 'kalle']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout.trim()).toBe('kalle är avstängd; sessionerna är avslutade.');
    expect((await get('/api/import-batches', kalle)).status).toBe(401);
    await expect(login(server?.url ?? '', 'kalle', 'kalles hemliga lösen')).rejects.toThrow(/403.*Kontot är avstängt/);
    expect((await user(['list'])).stdout).toMatch(/^kalle\s+.*avstängd \d{4}-\d{2}-\d{2}/m);

    const enabled = await user(['enable', 'kalle']);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(enabled.stdout.trim()).toBe('kalle är aktiv igen.');
    const again = await login(server?.url ?? '', 'kalle', 'kalles hemliga lösen');

    // a new password: sessions end, the old password fails, the new one works
    const password = await user(['password', 'kalle', '--password-stdin'], 'kalles nya lösenord');
    expect(password.code, password.stderr).toBe(0);
    expect(password.stdout.trim()).toBe('Nytt lösenord för kalle; användarens sessioner är avslutade.');
    expect((await get('/api/import-batches', again)).status).toBe(401);
    await expect(login(server?.url ?? '', 'kalle', 'kalles hemliga lösen')).rejects.toThrow(/401/);
    const renewed = await login(server?.url ?? '', 'kalle', 'kalles nya lösenord');
    expect((await post('/api/auth/logout', renewed)).status).toBe(204);

    // on the audit trail: the command line as actor, without a request; never a password hash
    const anna = await login(server?.url ?? '', 'anna.admin', 'ett långt lösen för anna');
    const trail = (await (await get('/api/audit?limit=1000', anna)).json()) as { entries: Array<{ table: string; operation: string; actorName: string; requestId: string | null; new: Record<string, unknown> | null }> };
    const byCli = trail.entries.filter((e) => e.actorName.startsWith('styrkort user ('));
    expect(new Set(byCli.map((e) => `${e.table}:${e.operation}`))).toEqual(new Set(['app_user:insert', 'local_credential:insert', 'user_role:insert', 'app_user:update', 'local_credential:update']));
    expect(byCli.every((e) => e.requestId === null)).toBe(true);
    expect(JSON.stringify(trail.entries)).not.toMatch(/scrypt|password_hash/);
  }, 300_000);
});
