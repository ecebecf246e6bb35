import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings';

describe('engagement settings', () => {
  it('reads stored settings and falls back to defaults for anything unusable', () => {
    expect(parseSettings(null)).toEqual({ expiryWarningDays: 30, minimumRsaKeySize: 3072, requireDoubleEncryption: false });
    expect(parseSettings('{"expiryWarningDays":60,"minimumRsaKeySize":4096,"requireDoubleEncryption":true}')).toEqual({
      expiryWarningDays: 60,
      minimumRsaKeySize: 4096,
      requireDoubleEncryption: true,
    });
    expect(parseSettings('{"expiryWarningDays":-1,"minimumRsaKeySize":1000,"requireDoubleEncryption":"yes"}')).toEqual({
      expiryWarningDays: 30,
      minimumRsaKeySize: 3072,
      requireDoubleEncryption: false,
    });
    expect(parseSettings('not json')).toEqual({ expiryWarningDays: 30, minimumRsaKeySize: 3072, requireDoubleEncryption: false });
  });
});
