import pg from 'pg';

/**
 * The application's database role (created by migration 20261122T1300_publishing_audit). The
 * application connects as the owner, runs migrations as the owner, and then runs everything else
 * as `styrkort_app` (`SET ROLE` at connect, see connect.ts): that role may read and write the
 * model but only read and append artifacts and the audit log, so a published pack and the trail
 * are protected from the application itself. Where the role cannot be used (not created, not
 * granted to the connecting role, this database not yet migrated), the reason says what to run.
 */
export const APP_ROLE = 'styrkort_app';

export type AppRoleCheck = { role: string; reason: null } | { role: null; reason: string };

export async function checkAppRole(url: string): Promise<AppRoleCheck> {
  const client = new pg.Client({ connectionString: url, options: `-c role=${APP_ROLE}` });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ ready: boolean }>(
      `select to_regclass('audit_log') is not null and has_table_privilege('audit_log', 'INSERT') and has_table_privilege('meeting', 'UPDATE') as ready`,
    );
    if (r.rows[0]?.ready !== true) return { role: null, reason: `rollen ${APP_ROLE} har inga rättigheter i databasen ännu (kör npx styrkort db migrate)` };
    return { role: APP_ROLE, reason: null };
  } catch (error) {
    const who = (() => {
      try {
        return decodeURIComponent(new URL(url).username) || 'den anslutande rollen';
      } catch {
        return 'den anslutande rollen';
      }
    })();
    return {
      role: null,
      reason: `${(error as Error).message}. Kör som databasadministratör: CREATE ROLE ${APP_ROLE} NOLOGIN; GRANT ${APP_ROLE} TO ${who}; och sedan npx styrkort db migrate`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
