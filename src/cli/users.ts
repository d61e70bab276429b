import type { Command } from 'commander';
import { ROLE_LABELS, type Role } from '../domain/access.js';
import { parseRole, rolesText } from '../domain/accounts.js';
import { StyrkortError } from '../domain/errors.js';
import type { Actor } from '../services/actor.js';
import { config, say, withDatabase } from './context.js';
import { cliUser } from './importCommands.js';

/**
 * `styrkort user add|list|disable|enable|password`: local accounts from the command line — the
 * first administrator is made with `styrkort user add NAMN --name "…" --admin`. Passwords are
 * asked for without echo on a terminal, or read from standard input with --password-stdin
 * (for scripts: `printf '%s' "$LÖSENORD" | styrkort user add …`).
 */
function actor(): Actor {
  return { userId: null, name: `styrkort user (${cliUser()})`, requestId: null };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function rolesFrom(texts: readonly string[], admin: boolean): Role[] {
  const roles = texts.map((text) => {
    const role = parseRole(text);
    if (!role) throw new StyrkortError('invalid_input', `Okänd roll "${text}". Välj bland ${rolesText()}.`);
    return role;
  });
  if (admin) roles.push('admin');
  return roles.length > 0 ? [...new Set(roles)] : ['reader'];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // one trailing line break is the end of the line, not part of the password
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Reads a line from the terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    process.stdout.write(question);
    let text = '';
    const done = (error: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(null);
        if (char === '\u0003' || char === '\u0004') return done(new StyrkortError('invalid_input', 'Avbrutet.'));
        if (char === '\u007f' || char === '\b') text = [...text].slice(0, -1).join('');
        else if (char >= ' ') text += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

async function newPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new StyrkortError('invalid_input', 'Standard in är ingen terminal: skicka lösenordet med --password-stdin.');
  const first = await askHidden('Lösenord (minst 12 tecken): ');
  const second = await askHidden('Upprepa lösenordet: ');
  if (first !== second) throw new StyrkortError('invalid_input', 'Lösenorden är inte lika. Försök igen.');
  return first;
}

const roleNames = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join(', ') || '–';

/** Loaded by the commands that run, not by every start of the CLI. */
const accounts = () => import('../services/accounts.js');

export function registerUserCommands(program: Command): void {
  const user = program.command('user').usage('<kommando>').description('Användare med lokalt konto: skapa, lista, stäng av, aktivera, nytt lösenord');

  user
    .command('add')
    .usage('<användarnamn> --name <namn> [flaggor]')
    .description('Skapa ett lokalt konto (den första administratören: --admin)')
    .argument('<användarnamn>', 'a–z, 0–9, punkt, bindestreck, understreck')
    .requiredOption('--name <namn>', 'namnet som visas, t.ex. "Anna Andersson"')
    .option('--admin', 'ge rollen administratör')
    .option('--role <roll>', `roll (kan anges flera gånger): ${rolesText()}; standard läsare`, collect, [])
    .option('--person <person-id>', 'personen på dagordningen som användaren är (föredragande), t.ex. helen-persson')
    .option('--email <e-post>', 'e-postadress (bara information)')
    .option('--password-stdin', 'läs lösenordet från standard in i stället för att fråga')
    .action(async (username: string, opts: { name: string; admin?: boolean; role: string[]; person?: string; email?: string; passwordStdin?: boolean }) => {
      const roles = rolesFrom(opts.role, opts.admin ?? false);
      const password = await newPassword(opts.passwordStdin ?? false);
      const { createLocalUser } = await accounts();
      await withDatabase(config(), 'shared', async (database) => {
        const created = await createLocalUser(
          database.db,
          actor(),
          { username, displayName: opts.name, password, roles, personId: opts.person ?? null, email: opts.email ?? null },
          new Date(),
        );
        say(`Skapade ${created.username} (${created.displayName}) med rollerna ${roleNames(created.roles)}.`);
      });
    });

  user
    .command('list')
    .description('Lista användarna med roller och status')
    .action(async () => {
      const { listUsers } = await accounts();
      await withDatabase(config(), 'shared', async (database) => {
        const users = await listUsers(database.db);
        if (users.length === 0) {
          say('Inga användare ännu. Skapa den första administratören med: styrkort user add <användarnamn> --name "Namn" --admin');
          return;
        }
        const rows = users.map((u) => [
          u.username ?? `(${u.identities.map((i) => `${i.issuer} ${i.subject}`).join(', ')})`,
          u.displayName,
          roleNames(u.roles),
          u.personId ?? '',
          u.disabledAt ? `avstängd ${u.disabledAt.slice(0, 10)}` : 'aktiv',
          u.lastSeenAt ? u.lastSeenAt.slice(0, 16).replace('T', ' ') : '',
        ]);
        const header = ['Användarnamn', 'Namn', 'Roller', 'Person', 'Status', 'Senast aktiv (UTC)'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
        const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
        say(line(header));
        for (const r of rows) say(line(r));
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .description(disabled ? 'Stäng av en användare (sessionerna avslutas direkt)' : 'Aktivera en avstängd användare igen')
      .argument('<användarnamn>')
      .action(async (username: string) => {
        const { updateUser, userByUsername } = await accounts();
        await withDatabase(config(), 'shared', async (database) => {
          const found = await userByUsername(database.db, username);
          const changed = await updateUser(database.db, actor(), found.id, { disabled }, new Date());
          say(disabled ? `${changed.username} är avstängd; sessionerna är avslutade.` : `${changed.username} är aktiv igen.`);
        });
      });
  }

  user
    .command('password')
    .description('Sätt ett nytt lösenord (användarens sessioner avslutas)')
    .argument('<användarnamn>')
    .option('--password-stdin', 'läs lösenordet från standard in i stället för att fråga')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const password = await newPassword(opts.passwordStdin ?? false);
      const { setPassword, userByUsername } = await accounts();
      await withDatabase(config(), 'shared', async (database) => {
        const found = await userByUsername(database.db, username);
        await setPassword(database.db, actor(), found.id, password, new Date());
        say(`Nytt lösenord för ${found.username}; användarens sessioner är avslutade.`);
      });
    });
}
