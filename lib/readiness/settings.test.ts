import { describe, expect, it } from 'vitest';
import { checkSettings, parseSettings } from './settings';

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

describe('engagement settings, read strictly (the CLI)', () => {
  it('accepts a partial file and fills the rest with the defaults', () => {
    expect(checkSettings({ expiryWarningDays: 0 })).toEqual({
      ok: true,
      settings: { expiryWarningDays: 0, minimumRsaKeySize: 3072, requireDoubleEncryption: false },
    });
  });

  it('names each bad field and each unknown one, and refuses what is not an object', () => {
    const r = checkSettings({ expiryWarningDays: 30.5, minimumRsaKeySize: '4096', requireDoubleEncryption: 1, colour: 'blue' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => `${p.path} ${p.message}`)).toEqual([
      'expiryWarningDays must be a whole number of days from 0 to 365',
      'minimumRsaKeySize must be 2048, 3072 or 4096 bits',
      'requireDoubleEncryption must be true or false',
      'colour is not a setting (known: expiryWarningDays, minimumRsaKeySize, requireDoubleEncryption)',
    ]);
    for (const v of [null, [], 'x', 3]) expect(checkSettings(v)).toEqual({ ok: false, problems: [{ path: '$', message: 'must be an object' }] });
    expect(checkSettings({ expiryWarningDays: 366 }).ok).toBe(false);
  });
});
