import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The database as services receive it. Routes and commands hold one and pass it in. */
export type Store = Kysely<Database>;
