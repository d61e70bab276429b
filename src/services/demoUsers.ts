import type { Role } from '../domain/access.js';
import { inActorTransaction } from '../db/actor.js';
import { findUserIdByUsername, insertCredential, insertUser, personExists, setRoles } from '../db/repositories/users.js';
import type { Store } from './store.js';

/**
 * The demo's accounts, one per role, created with the demo data and never otherwise. They all
 * have the documented password `styrkort-demo` (README). The hashes were computed once with
 * passwords.ts (scrypt, own salt each) — the password is public, and hashing five passwords at
 * every demo load would cost seconds. Loading again leaves existing accounts as they are.
 */
export const DEMO_PASSWORD = 'styrkort-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  personId: string | null;
  passwordHash: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'admin',
    displayName: 'Demo Administratör',
    roles: ['admin'],
    personId: null,
    passwordHash: 'scrypt$1$N=131072,r=8,p=1$9lBUckvI0vL7FrOi9Dh3ag$rKcylHD0N06cYeZX7JN9a91IlYrNyj9Mmx3anV18j6M',
  },
  {
    username: 'analytiker',
    displayName: 'Demo Analytiker',
    roles: ['analyst'],
    personId: null,
    passwordHash: 'scrypt$1$N=131072,r=8,p=1$Ifvadxmp9EdvYHg5VTa1DA$hSlNRvclqR-C9MrX6IL8SypnqpsUBvyLhTYNTRDclfA',
  },
  {
    username: 'sekreterare',
    displayName: 'Demo Sekreterare',
    roles: ['secretary'],
    personId: null,
    passwordHash: 'scrypt$1$N=131072,r=8,p=1$5KQO3tnPrWmsZAcWckkQlw$RvZZbtD3Iowv20MxLUULgKpP_eEcG8MpOT96PKcbFXw',
  },
  {
    username: 'foredragande',
    displayName: 'Helen Persson',
    roles: ['presenter'],
    personId: 'helen-persson',
    passwordHash: 'scrypt$1$N=131072,r=8,p=1$HeC-uiW7o5qjvu7IfNN2YA$nzh7wIP4l-7g93GXjP_fdsz0u3T4h5vKiq8IRXmVFiE',
  },
  {
    username: 'lasare',
    displayName: 'Demo Läsare',
    roles: ['reader'],
    personId: null,
    passwordHash: 'scrypt$1$N=131072,r=8,p=1$UXZnkh9VYjzjYMpM1tKevg$xMDt1rtF_YqT5sk4qocdUD70cPhlfBCnyR_G6ssbi8g',
  },
];

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function ensureDemoUsers(db: Store, now: Date): Promise<number> {
  return inActorTransaction(db, { userId: null, name: 'demo', requestId: null }, async (trx) => {
    let created = 0;
    for (const user of DEMO_USERS) {
      if (await findUserIdByUsername(trx, user.username)) continue;
      const personId = user.personId !== null && (await personExists(trx, user.personId)) ? user.personId : null;
      const id = await insertUser(trx, { displayName: user.displayName, email: null, personId });
      await insertCredential(trx, id, user.username, user.passwordHash, now);
      await setRoles(trx, id, user.roles);
      created += 1;
    }
    return created;
  });
}
