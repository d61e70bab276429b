import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { StyrkortError } from '../domain/errors.js';
import { openDatabase } from './connect.js';
import { knownMigrations, migrateTo, migrateToLatest, MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from './migrate.js';

/**
 * Backup and restore that need no pg_dump or psql (the embedded PostgreSQL ships neither, and a
 * pg_dump of one major version cannot dump a newer server).
 *
 * Format: a gzip'd text file. Line 1 is a JSON manifest (format, version, the migrations the
 * schema is at, table row counts). Then, per table in foreign-key order, a line
 * `\table <name> <columns…>` followed by the rows in PostgreSQL's COPY text format and a `\.`
 * line — the same framing pg_dump uses for its data sections. COPY text escapes tabs, newlines
 * and backslashes, so every row is one line and the format survives any data.
 *
 * Consistency: every table is read in one REPEATABLE READ READ ONLY transaction, so the backup
 * is one snapshot even while the server keeps writing. Portability: restore runs the
 * migrations the backup was taken at, loads the rows, resets identity sequences, then migrates
 * to the current version — on any PostgreSQL ≥ 15.
 */
export const BACKUP_FORMAT = 'styrkort-backup';
export const BACKUP_VERSION = 1;

interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: Array<{ name: string; columns: string[]; rows: number }>;
}

const EXCLUDED = new Set([MIGRATION_TABLE, MIGRATION_LOCK_TABLE]);

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** User tables of the public schema, parents before children. */
async function tablesInDependencyOrder(client: pg.ClientBase): Promise<Array<{ name: string; columns: string[] }>> {
  const tables = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  const deps = await client.query<{ child: string; parent: string }>(
    `select cc.relname as child, pc.relname as parent
     from pg_constraint k
     join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
     join pg_class pc on pc.oid = k.confrelid
     where k.contype = 'f' and cn.nspname = 'public' and cc.oid <> pc.oid`,
  );
  const names = tables.rows.map((t) => t.name).filter((n) => !EXCLUDED.has(n));
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const d of deps.rows) parents.get(d.child)?.add(d.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of parents.get(name) ?? []) visit(p, path);
    path.delete(name);
    done.add(name);
    ordered.push(name);
  };
  for (const n of names) visit(n, new Set());
  const result = [];
  for (const name of ordered) {
    const cols = await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1
       and is_generated = 'NEVER' order by ordinal_position`,
      [name],
    );
    result.push({ name, columns: cols.rows.map((c) => c.column_name) });
  }
  return result;
}

export async function backupDatabase(url: string, file: string): Promise<Manifest> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const temp = `${file}.partial`;
  try {
    await client.query('begin isolation level repeatable read read only');
    // the snapshot is taken at the first query of the transaction; everything below reads it
    const applied = await client.query<{ name: string }>(`select name from ${quoteIdent(MIGRATION_TABLE)} order by name`);
    const migrations = applied.rows.map((r) => r.name);
    const tables = await tablesInDependencyOrder(client);
    const counts: Manifest['tables'] = [];
    for (const t of tables) {
      const r = await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(t.name)}`);
      counts.push({ name: t.name, columns: t.columns, rows: Number(r.rows[0]?.n ?? 0) });
    }
    const manifest: Manifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations, tables: counts };

    const gzip = createGzip();
    const out = createWriteStream(temp);
    const done = pipeline(gzip, out);
    const write = async (data: string | Buffer) => {
      if (!gzip.write(data)) await once(gzip, 'drain');
    };
    await write(`${JSON.stringify(manifest)}\n`);
    for (const t of tables) {
      await write(`\\table ${t.name} ${t.columns.join(' ')}\n`);
      const cols = t.columns.map(quoteIdent).join(', ');
      const source = client.query(copyTo(`copy (select ${cols} from ${quoteIdent(t.name)} order by 1) to stdout`));
      for await (const chunk of source) await write(chunk as Buffer);
      await write('\\.\n');
    }
    gzip.end();
    await done;
    await client.query('commit');
    await rename(temp, file);
    return manifest;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function isEmpty(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query<{ n: string }>(
    `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not in ($1, $2)`,
    [MIGRATION_TABLE, MIGRATION_LOCK_TABLE],
  );
  if (Number(r.rows[0]?.n ?? 0) === 0) return true;
  // tables exist: empty only when none holds a row
  const tables = await tablesInDependencyOrder(client);
  for (const t of tables) {
    const c = await client.query(`select 1 from ${quoteIdent(t.name)} limit 1`);
    if ((c.rowCount ?? 0) > 0) return false;
  }
  return true;
}

export async function restoreDatabase(url: string, file: string): Promise<Manifest> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let manifest: Manifest;
  try {
    const first = await iterator.next();
    manifest = JSON.parse(String(first.value)) as Manifest;
  } catch {
    throw new StyrkortError('invalid_input', `${file} är ingen Styrkort-säkerhetskopia (första raden ska vara ett manifest)`);
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION) {
    throw new StyrkortError('invalid_input', `${file} har formatet ${manifest.format} version ${manifest.version}; väntat ${BACKUP_FORMAT} version ${BACKUP_VERSION}`);
  }
  const known = knownMigrations();
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new StyrkortError('invalid_input', `Säkerhetskopian kommer från en nyare version av Styrkort (migreringen ${unknown[0]} är okänd). Uppgradera Styrkort först.`);
  }

  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const handle = openDatabase(url, { max: 2 });
  try {
    if (!(await isEmpty(client))) {
      throw new StyrkortError('conflict', 'Databasen innehåller redan data. Återställ till en tom databas (t.ex. en ny STYRKORT_DATA_DIR eller en ny databas för DATABASE_URL).');
    }
    const last = manifest.migrations.at(-1);
    if (last) await migrateTo(handle.db as never, last);

    await client.query('begin');
    await client.query('set constraints all deferred');
    let table: { name: string; columns: string[] } | null = null;
    const loaded: string[] = [];
    let stream: ReturnType<typeof copyFrom> | null = null;
    let finished: Promise<void> | null = null;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = String(next.value);
      if (table === null) {
        if (line === '') continue;
        const m = line.match(/^\\table (\S+)(?: (.*))?$/);
        if (!m) throw new StyrkortError('invalid_input', `Oväntad rad i säkerhetskopian: ${line.slice(0, 80)}`);
        table = { name: m[1] as string, columns: (m[2] ?? '').split(' ').filter(Boolean) };
        // restored rows are not new changes: the audit trigger (and the append-only guards) stay
        // out of the load, and the audit log is restored as it was
        await client.query(`alter table ${quoteIdent(table.name)} disable trigger user`);
        loaded.push(table.name);
        const cols = table.columns.map(quoteIdent).join(', ');
        stream = client.query(copyFrom(`copy ${quoteIdent(table.name)} (${cols}) from stdin`));
        finished = new Promise<void>((resolve, reject) => {
          stream?.on('finish', () => resolve());
          stream?.on('error', reject);
        });
        continue;
      }
      if (line === '\\.') {
        stream?.end();
        await finished;
        table = null;
        stream = null;
        continue;
      }
      if (!(stream as NonNullable<typeof stream>).write(`${line}\n`)) await once(stream as NonNullable<typeof stream>, 'drain');
    }
    if (table !== null) throw new StyrkortError('invalid_input', `Säkerhetskopian tar slut mitt i tabellen ${table.name}`);
    await client.query('set constraints all immediate');
    for (const name of loaded) await client.query(`alter table ${quoteIdent(name)} enable trigger user`);

    // identity columns continue after the restored ids
    const identities = await client.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`,
    );
    for (const id of identities.rows) {
      await client.query(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quoteIdent(id.column_name)}) from ${quoteIdent(id.table_name)}), 0) + 1, false)`,
        [`public.${quoteIdent(id.table_name)}`, id.column_name],
      );
    }
    const verify = [];
    for (const t of manifest.tables) {
      const r = await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(t.name)}`);
      if (Number(r.rows[0]?.n) !== t.rows) verify.push(`${t.name}: ${r.rows[0]?.n} rader, väntat ${t.rows}`);
    }
    if (verify.length > 0) throw new StyrkortError('invalid_input', `Säkerhetskopian är ofullständig: ${verify.join('; ')}`);
    await client.query('commit');
    await migrateToLatest(handle.db as never);
    return manifest;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    lines.close();
    await handle.close();
    await client.end().catch(() => undefined);
  }
}
