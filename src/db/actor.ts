import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Who makes a change, carried into the database: every write runs in a transaction that first
 * sets `styrkort.actor_id`, `styrkort.actor_name` and `styrkort.request_id` (transaction-local,
 * `set_config(…, true)`). The audit triggers read them, so the trail records who, when and under
 * which request — and a change made by hand in SQL is still recorded, with the database role as
 * its actor.
 */
export interface Actor {
  /** The user's id; null for the system (demo load, CLI without a user). */
  userId: string | null;
  /** A readable name: the user's display name, "demo", "styrkort import (CLI)". */
  name: string;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system', requestId: null };

/** Inside a transaction: a Transaction, or a single connection after BEGIN (the settings end with it). */
export async function setActor(trx: Transaction<Database> | Kysely<Database>, actor: Actor): Promise<void> {
  await sql`select set_config('styrkort.actor_id', ${actor.userId ?? ''}, true),
                   set_config('styrkort.actor_name', ${actor.name}, true),
                   set_config('styrkort.request_id', ${actor.requestId ?? ''}, true)`.execute(trx);
}

export async function inActorTransaction<T>(db: Kysely<Database>, actor: Actor, run: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await setActor(trx, actor);
    return run(trx);
  });
}
