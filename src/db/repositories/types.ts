import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** A repository works the same on the pool and inside a transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
