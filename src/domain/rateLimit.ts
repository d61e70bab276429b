/**
 * Token buckets: a bucket holds up to `capacity` tokens and gains `perMinute` tokens a minute;
 * each attempt takes one. An empty bucket refuses, and says how long until the next token.
 * Pure: the caller keeps the buckets and passes the time in (milliseconds).
 */
export interface BucketRule {
  capacity: number;
  perMinute: number;
}

export interface Bucket {
  tokens: number;
  /** When `tokens` was computed, in milliseconds. */
  at: number;
}

export type TakeResult = { allowed: true; bucket: Bucket } | { allowed: false; bucket: Bucket; retryAfterMs: number };

/** The bucket as it stands at `now`: refilled for the time gone by, never above capacity. */
export function refill(bucket: Bucket | undefined, rule: BucketRule, now: number): Bucket {
  if (!bucket) return { tokens: rule.capacity, at: now };
  const elapsed = Math.max(0, now - bucket.at);
  return { tokens: Math.min(rule.capacity, bucket.tokens + (elapsed * rule.perMinute) / 60_000), at: Math.max(now, bucket.at) };
}

/** Takes one token, or refuses with the wait until one is there. */
export function take(bucket: Bucket | undefined, rule: BucketRule, now: number): TakeResult {
  const current = refill(bucket, rule, now);
  if (current.tokens >= 1) return { allowed: true, bucket: { tokens: current.tokens - 1, at: current.at } };
  return { allowed: false, bucket: current, retryAfterMs: retryAfter(current, rule) };
}

/** Would a token be there now? (Without taking it.) */
export function peek(bucket: Bucket | undefined, rule: BucketRule, now: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
  const current = refill(bucket, rule, now);
  return current.tokens >= 1 ? { allowed: true } : { allowed: false, retryAfterMs: retryAfter(current, rule) };
}

/** A full bucket carries no information and can be forgotten. */
export function isFull(bucket: Bucket, rule: BucketRule, now: number): boolean {
  return refill(bucket, rule, now).tokens >= rule.capacity;
}

function retryAfter(bucket: Bucket, rule: BucketRule): number {
  if (rule.perMinute <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(((1 - bucket.tokens) * 60_000) / rule.perMinute);
}
