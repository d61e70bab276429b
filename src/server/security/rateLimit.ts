import type { FastifyReply } from 'fastify';
import { StyrkortError } from '../../domain/errors.js';
import { isFull, peek, take, type Bucket, type BucketRule } from '../../domain/rateLimit.js';
import { logRefusal } from '../auth/refusals.js';

/**
 * Rate limits, in this process: token buckets (domain/rateLimit.ts) per limit and key. Logins
 * are limited per client address (every attempt) and per user name and client address together
 * (failed attempts only): a client that guesses wrong is refused for that account, and nobody
 * else is. Failed attempts on an account from all clients together (`login_user`) only slow
 * logins to it down, by ACCOUNT_SLOWDOWN_MS — anyone could otherwise lock anyone out with a wrong
 * password a minute. Uploads, Kolada syncs and deck renderings are limited per user. A refusal is
 * 429 with Retry-After and a Swedish message.
 */
export const RATE_LIMITS = ['login_ip', 'login_user_client', 'login_user', 'import', 'kolada', 'deck'] as const;
export type RateLimitName = (typeof RATE_LIMITS)[number];
export type RateLimitRules = Record<RateLimitName, BucketRule>;

export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  login_ip: { capacity: 20, perMinute: 10 },
  login_user_client: { capacity: 5, perMinute: 1 },
  login_user: { capacity: 20, perMinute: 5 },
  import: { capacity: 20, perMinute: 4 },
  kolada: { capacity: 5, perMinute: 1 },
  deck: { capacity: 30, perMinute: 20 },
};

const WHAT: Record<RateLimitName, string> = {
  login_ip: 'För många inloggningsförsök från din adress',
  login_user_client: 'För många misslyckade inloggningsförsök för det här användarnamnet från din adress',
  login_user: 'För många misslyckade inloggningsförsök för det här användarnamnet',
  import: 'För många uppladdningar på kort tid',
  kolada: 'För många hämtningar från Kolada på kort tid',
  deck: 'För många styrelsepaket på kort tid',
};

/** How long a login to an account waits while that account's failures from all clients are used up. */
export const ACCOUNT_SLOWDOWN_MS = 2_000;

/** Buckets this big are forgotten once full again, checked every so many takes. */
const SWEEP_EVERY = 1000;

export class RateLimiter {
  private readonly buckets = new Map<RateLimitName, Map<string, Bucket>>();
  private takes = 0;

  constructor(
    private readonly rules: RateLimitRules,
    private readonly now: () => number,
  ) {}

  private of(name: RateLimitName): Map<string, Bucket> {
    let map = this.buckets.get(name);
    if (!map) this.buckets.set(name, (map = new Map()));
    return map;
  }

  /** Takes a token; throws the 429 refusal (with Retry-After on the reply) when none is left. */
  take(name: RateLimitName, key: string, reply: FastifyReply): void {
    const map = this.of(name);
    const result = take(map.get(key), this.rules[name], this.now());
    map.set(key, result.bucket);
    if (++this.takes % SWEEP_EVERY === 0) this.sweep();
    if (!result.allowed) refuse(name, result.retryAfterMs, reply);
  }

  /** Takes a token if there is one, never refusing (a failed login counts against its user name). */
  spend(name: RateLimitName, key: string): void {
    const map = this.of(name);
    map.set(key, take(map.get(key), this.rules[name], this.now()).bucket);
  }

  /** Whether the bucket is empty now (without taking a token): for a slowdown instead of a refusal. */
  empty(name: RateLimitName, key: string): boolean {
    return !peek(this.of(name).get(key), this.rules[name], this.now()).allowed;
  }

  /** Refuses when the bucket is empty, without taking a token. */
  check(name: RateLimitName, key: string, reply: FastifyReply): void {
    const result = peek(this.of(name).get(key), this.rules[name], this.now());
    if (!result.allowed) refuse(name, result.retryAfterMs, reply);
  }

  private sweep(): void {
    const now = this.now();
    for (const [name, map] of this.buckets) {
      for (const [key, bucket] of map) if (isFull(bucket, this.rules[name], now)) map.delete(key);
    }
  }
}

function refuse(name: RateLimitName, retryAfterMs: number, reply: FastifyReply): never {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  reply.header('retry-after', String(seconds));
  logRefusal(reply.request, 'rate_limited', 'för många förfrågningar', { limit: name, retryAfter: seconds });
  const wait = seconds < 120 ? `${seconds} sekunder` : `${Math.ceil(seconds / 60)} minuter`;
  throw new StyrkortError('rate_limited', `${WHAT[name]}. Vänta ${wait} och försök igen.`);
}
