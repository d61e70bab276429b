import { describe, expect, it } from 'vitest';
import { normalizeUsername, parseRole, passwordProblem, usernameProblem } from '../../src/domain/accounts.js';
import { requestSource, safeReturnPath } from '../../src/domain/origin.js';
import { isFull, peek, take, type Bucket, type BucketRule } from '../../src/domain/rateLimit.js';
import { extendedIdleDeadline, sessionState, startSession } from '../../src/domain/session.js';

const T0 = new Date('2026-05-06T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const POLICY = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

describe('session lifetimes', () => {
  it('start with an idle deadline 30 min on and an absolute one 12 h on', () => {
    expect(startSession(T0, POLICY)).toEqual({ createdAt: T0, idleExpiresAt: at(30), absoluteExpiresAt: at(720) });
  });

  it('are active until the idle deadline, then idle-expired; revoked wins; past the absolute deadline expired', () => {
    const s = { ...startSession(T0, POLICY), revokedAt: null };
    expect(sessionState(s, at(29.99))).toBe('active');
    expect(sessionState(s, at(30))).toBe('idle_expired');
    expect(sessionState({ ...s, idleExpiresAt: at(720) }, at(720))).toBe('expired');
    expect(sessionState({ ...s, revokedAt: at(1) }, at(2))).toBe('revoked');
  });

  it('activity moves the idle deadline a full period on, never past the absolute deadline', () => {
    const s = startSession(T0, POLICY);
    expect(extendedIdleDeadline(s, at(20), POLICY)).toEqual(at(50));
    expect(extendedIdleDeadline(s, at(700), POLICY)).toEqual(at(720));
  });

  it('an idle time longer than the absolute lifetime is cut to it', () => {
    expect(startSession(T0, { idleMs: 60 * 60_000, absoluteMs: 10 * 60_000 }).idleExpiresAt).toEqual(at(10));
  });
});

describe('token buckets', () => {
  const rule: BucketRule = { capacity: 3, perMinute: 6 }; // a token every 10 s

  it('allow a burst of `capacity`, then refuse with the wait for the next token', () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < 3; i++) {
      const r = take(bucket, rule, 0);
      expect(r.allowed).toBe(true);
      bucket = r.bucket;
    }
    const refused = take(bucket, rule, 0);
    expect(refused).toEqual({ allowed: false, bucket: { tokens: 0, at: 0 }, retryAfterMs: 10_000 });
    expect(take(bucket, rule, 4_000)).toMatchObject({ allowed: false, retryAfterMs: 6_000 });
    expect(take(bucket, rule, 10_000).allowed).toBe(true);
  });

  it('refill to capacity and no further; peek takes nothing; a full bucket can be forgotten', () => {
    const empty: Bucket = { tokens: 0, at: 0 };
    expect(peek(empty, rule, 60_000)).toEqual({ allowed: true });
    expect(take(empty, rule, 3_600_000).bucket.tokens).toBe(2);
    expect(peek(empty, rule, 5_000)).toEqual({ allowed: false, retryAfterMs: 5_000 });
    expect(isFull(empty, rule, 29_999)).toBe(false);
    expect(isFull(empty, rule, 30_000)).toBe(true);
  });

  it('never refill from a clock that went backwards', () => {
    expect(take({ tokens: 0, at: 10_000 }, rule, 5_000)).toMatchObject({ allowed: false, retryAfterMs: 10_000 });
  });
});

describe('where a request comes from', () => {
  const host = '127.0.0.1:3000';
  it('is this server when Origin (or Referer without Origin) names its host', () => {
    expect(requestSource({ origin: 'http://127.0.0.1:3000', referer: null, host })).toBe('same');
    expect(requestSource({ origin: null, referer: 'http://127.0.0.1:3000/sammantraden', host })).toBe('same');
    expect(requestSource({ origin: 'https://styrkort.example', referer: null, host: 'styrkort.example:443' })).toBe('same');
  });

  it('is foreign for another host or port, "null", or a page that is not http(s); Origin wins over Referer', () => {
    expect(requestSource({ origin: 'http://evil.example', referer: null, host })).toBe('foreign');
    expect(requestSource({ origin: 'http://127.0.0.1:3001', referer: null, host })).toBe('foreign');
    expect(requestSource({ origin: 'null', referer: null, host })).toBe('foreign');
    expect(requestSource({ origin: 'http://evil.example', referer: 'http://127.0.0.1:3000/', host })).toBe('foreign');
    expect(requestSource({ origin: null, referer: 'file:///tmp/x.html', host })).toBe('foreign');
  });

  it('is none without Origin and Referer (not a browser page)', () => {
    expect(requestSource({ origin: null, referer: null, host })).toBe('none');
  });

  it('returns after login only to a path on this server', () => {
    expect(safeReturnPath('/sammantraden/rs-2026-05-06?x=1')).toBe('/sammantraden/rs-2026-05-06?x=1');
    for (const bad of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'x', '', null, undefined, '/a\r\nSet-Cookie: x', '/\t/evil.example', '/\n/evil.example']) expect(safeReturnPath(bad)).toBe('/');
  });
});

describe('account rules', () => {
  it('user names: lower case, 2–64 of a–z 0–9 . _ -', () => {
    expect(normalizeUsername('  Helen.Persson ')).toBe('helen.persson');
    expect(usernameProblem('helen.persson')).toBeNull();
    for (const bad of ['h', 'Helen', 'helen persson', '.helen', 'å', 'x'.repeat(65)]) expect(usernameProblem(bad), bad).toMatch(/^Användarnamnet ska vara 2–64 tecken/);
  });

  it('passwords: at least 12 characters (counted as characters, not bytes), not only spaces', () => {
    expect(passwordProblem('elva tecken')).toBe('Lösenordet ska vara minst 12 tecken.');
    expect(passwordProblem('tolv  tecken')).toBeNull();
    expect(passwordProblem('åäöåäöåäöåäö')).toBeNull();
    expect(passwordProblem(' '.repeat(12))).toBe('Lösenordet får inte bara vara blanksteg.');
    expect(passwordProblem('x'.repeat(1025))).toBe('Lösenordet får vara högst 1024 tecken.');
  });

  it('roles by code or Swedish name, with or without diacritics', () => {
    expect(parseRole('analyst')).toBe('analyst');
    expect(parseRole('Föredragande')).toBe('presenter');
    expect(parseRole('foredragande')).toBe('presenter');
    expect(parseRole('läsare')).toBe('reader');
    expect(parseRole('administratör')).toBe('admin');
    expect(parseRole('chef')).toBeNull();
  });
});
