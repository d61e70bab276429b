/** Who makes a change (see db/actor.ts): services take one and carry it into the transaction. */
export type { Actor } from '../db/actor.js';
export { SYSTEM_ACTOR } from '../db/actor.js';
