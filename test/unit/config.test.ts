import { describe, expect, it } from 'vitest';
import { isStyrkortError } from '../../src/domain/errors.js';
import { loadConfig } from '../../src/config/env.js';

const trust = (value: string | undefined) => loadConfig({ STYRKORT_TRUST_PROXY: value }, '/tmp').trustProxy;
const refusal = (value: string): string => {
  try {
    loadConfig({ STYRKORT_TRUST_PROXY: value }, '/tmp');
  } catch (error) {
    if (isStyrkortError(error)) return error.details.map((d) => d.message).join(' | ');
    throw error;
  }
  throw new Error(`${value} godtogs`);
};

describe('STYRKORT_TRUST_PROXY', () => {
  it('is off unless set: X-Forwarded-For is not believed', () => {
    expect(trust(undefined)).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
  });

  it('takes a number of proxies, or their addresses and networks', () => {
    expect(trust('1')).toBe(1);
    expect(trust('10.0.0.5, 10.0.1.0/24,::1,fd00::/8')).toEqual(['10.0.0.5', '10.0.1.0/24', '::1', 'fd00::/8']);
  });

  it('refuses at start-up what is neither, in Swedish, naming the bad entry', () => {
    expect(refusal('10.0.0.300')).toBe('STYRKORT_TRUST_PROXY: "10.0.0.300" är ingen IP-adress eller inget nät (t.ex. 10.0.0.5 eller 10.0.0.0/8)');
    expect(refusal('10.0.0.0/33,proxy.region.se')).toBe('STYRKORT_TRUST_PROXY: "10.0.0.0/33", "proxy.region.se" är ingen IP-adress eller inget nät (t.ex. 10.0.0.5 eller 10.0.0.0/8)');
    expect(refusal('11')).toMatch(/^STYRKORT_TRUST_PROXY ska vara antalet proxyer framför Styrkort \(1–10\)/);
    expect(refusal('ja')).toMatch(/^STYRKORT_TRUST_PROXY: "ja" är ingen IP-adress/);
  });
});
