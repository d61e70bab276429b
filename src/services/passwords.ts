import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes: scrypt (Node's own, no package) with a random 16-byte salt per hash, stored
 * as a versioned string `scrypt$1$N=131072,r=8,p=1$<salt>$<key>` (base64url), so the cost can
 * be raised later and old hashes still verify. N = 2^17, r = 8, p = 1 is OWASP's recommendation
 * (128 MiB, a few hundred milliseconds); login is rate-limited besides.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const VERSION = '1';

function derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 128 * cost.N * cost.r * cost.p + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `scrypt$${VERSION}$N=${cost.N},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

interface Parsed {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | null {
  const m = /^scrypt\$1\$N=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!m) return null;
  const cost = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // refuse absurd costs in a stored string rather than exhausting memory
  if (cost.N < 2 || cost.N > 2 ** 20 || (cost.N & (cost.N - 1)) !== 0 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) return null;
  return { cost, salt: Buffer.from(m[4] as string, 'base64url'), key: Buffer.from(m[5] as string, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length < 16) return false;
  const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/**
 * Spends the same work as a real verification, for a user name that does not exist, so the
 * answer's timing does not tell which user names do.
 */
let dummy: Promise<string> | null = null;
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('styrkort-ingen-användare');
  await verifyPassword(password, await dummy);
  return false;
}
