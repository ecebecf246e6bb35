import { describe, expect, it } from 'vitest';
import type { KeyCustody } from './summary';
import { CONTROL_STATUS_LABEL, custodyText } from './wording';
import { durationInWords } from './summary';

const key = (over: Partial<KeyCustody> = {}): KeyCustody => ({
  keyId: '/k',
  vault: 'kv-1',
  vaultId: '/v',
  key: 'des-key',
  kty: 'RSA',
  keySize: 3072,
  hsmBacked: false,
  rotates: true,
  rotateAfter: 'P90D',
  purgeProtection: true,
  holders: [{ principalId: 'p-1', name: 'Ada', how: 'Owner on the subscription' }],
  blast: { servers: 3, capacityGiB: 2048, des: [] },
  ...over,
});

describe('custody wording, shared by the compliance page and the report', () => {
  it('words a vault key by what ARM shows of it', () => {
    const k = key({ expires: Date.UTC(2027, 0, 31) / 1000 });
    expect([custodyText.key(k), custodyText.type(k), custodyText.expires(k), custodyText.rotation(k), custodyText.holders(k), custodyText.blast(k)]).toEqual([
      'kv-1 / des-key',
      'RSA 3072',
      '2027-01-31',
      'Every 90 days',
      'Ada: Owner on the subscription',
      '3 servers, 2.0 TiB',
    ]);
  });

  it('never says "no expiry" or "none" for what a Managed HSM keeps out of ARM', () => {
    const k = key({ inManagedHsm: true, kty: undefined, keySize: undefined, rotates: false, holders: [] });
    expect([custodyText.type(k), custodyText.expires(k), custodyText.rotation(k), custodyText.hsm(k)]).toEqual([
      'Not visible through ARM',
      'Not visible through ARM',
      'Not visible through ARM',
      'Managed HSM',
    ]);
    expect(custodyText.holders(k)).toBe('Nobody in this capture');
    expect(custodyText.expires(key())).toBe('No expiry');
    expect(CONTROL_STATUS_LABEL['cannot-tell']).toBe('Cannot tell');
  });

  it('words ISO-8601 rotation intervals as people say them', () => {
    expect(['P90D', 'P1Y', 'P3M', 'P1Y6M', 'P2W', 'P1Y2M3D', 'PT12H'].map(durationInWords)).toEqual([
      '90 days',
      '1 year',
      '3 months',
      '1 year and 6 months',
      '2 weeks',
      '1 year, 2 months and 3 days',
      'PT12H',
    ]);
    expect(custodyText.rotation(key({ rotateAfter: undefined }))).toBe('Scheduled (interval not set)');
  });
});
