import { describe, expect, it } from 'vitest';
import { ROLE_IDS } from './builtin-roles';
import { healthy, DES, KV, PRINCIPAL, SUB, V_CUR } from '../readiness/fixtures';
import { lookup, normalize, normalizeRegion, parseKeyUrl, sameKeyUrl, toBool, vaultOfDes } from './normalize';

describe('normalize', () => {
  it('reads ARM payloads with odd casing, string booleans and missing fields', () => {
    const f = healthy();
    f.vault.id = KV.replace('/subscriptions/', '/Subscriptions/').replace('resourceGroups', 'resourcegroups');
    f.vault.properties.enableSoftDelete = 'True';
    f.vault.properties.enablePurgeProtection = 'false';
    delete f.vault.properties.enableRbacAuthorization;
    f.vault.location = 'West Europe';
    const e = normalize(f.file);
    const v = e.keyVaults.get(KV.toLowerCase())!;
    expect(v).toMatchObject({ name: 'kv-fixture', enableSoftDelete: true, enablePurgeProtection: false, location: 'westeurope' });
    expect(v.enableRbacAuthorization).toBeUndefined();
    const s = e.servers[0]!;
    expect(s).toMatchObject({ machineName: 'SRV-1', targetRegion: 'westeurope', targetSubscriptionId: SUB });
    expect(s.disks!.map((d) => [d.isOsDisk, d.sizeBytes])).toEqual([
      [true, 128 * 1024 ** 3],
      [false, 512 * 1024 ** 3],
    ]);
    const des = e.diskEncryptionSets.get(DES.toLowerCase())!;
    expect(des.principalIds).toEqual([PRINCIPAL]);
    expect(des.key).toEqual({ host: 'kv-fixture.vault.azure.net', vaultName: 'kv-fixture', keyName: 'disk-key', version: V_CUR });
    expect(vaultOfDes(e, des).state).toBe('found');
  });

  it('keeps unknown enum values as they are', () => {
    const f = healthy();
    f.des.properties.encryptionType = 'SomeFutureEncryption';
    f.item.properties.migrationState = 'BrandNewState';
    const e = normalize(f.file);
    expect(e.diskEncryptionSets.get(DES.toLowerCase())!.encryptionType).toBe('SomeFutureEncryption');
    expect(e.servers[0]!.migrationState).toBe('BrandNewState');
  });

  it('tells not found from unreadable', () => {
    const f = healthy();
    f.file.gaps = [
      {
        scope: `/subscriptions/${SUB}/resourceGroups/rg-locked`,
        operation: 'list disk encryption sets',
        status: 403,
        code: 'AuthorizationFailed',
        message: 'x',
      },
    ];
    const e = normalize(f.file);
    expect(lookup(e, e.diskEncryptionSets, `/subscriptions/${SUB}/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/nope`).state).toBe(
      'not-found',
    );
    expect(lookup(e, e.diskEncryptionSets, `/subscriptions/${SUB}/resourceGroups/rg-locked/providers/Microsoft.Compute/diskEncryptionSets/x`)).toMatchObject({
      state: 'unreadable',
      reason: 'list disk encryption sets on /subscriptions/22222222-2222-4222-8222-222222222222/resourceGroups/rg-locked failed (403 AuthorizationFailed)',
    });
    expect(
      lookup(e, e.diskEncryptionSets, '/subscriptions/99999999-9999-4999-8999-999999999999/resourceGroups/r/providers/Microsoft.Compute/diskEncryptionSets/x')
        .state,
    ).toBe('unreadable');
  });

  it('knows built-in roles without the estate listing them', () => {
    const e = normalize(healthy().file);
    expect(e.roleDefinitions.get('e147488a-f6f5-4113-8e2d-b22465e65bf6')?.roleName).toBe('Key Vault Crypto Service Encryption User');
    // Every built-in Lockstep knows, and nothing else (the fixture lists no role definitions).
    expect([...e.roleDefinitions.keys()].sort()).toEqual(Object.values(ROLE_IDS).sort());
  });
});

describe('helpers', () => {
  it('compares key URLs by host, name and version, ignoring :443', () => {
    expect(sameKeyUrl('https://KV.vault.azure.net:443/keys/k/ABC', 'https://kv.vault.azure.net/keys/k/abc')).toBe(true);
    expect(sameKeyUrl('https://kv.vault.azure.net/keys/k/1', 'https://kv.vault.azure.net/keys/k/2')).toBe(false);
    expect(parseKeyUrl('https://kv.vault.azure.net/secrets/s/1')).toBeUndefined();
    expect(parseKeyUrl('not a url')).toBeUndefined();
  });

  it('reads booleans and regions loosely', () => {
    expect([toBool('TRUE'), toBool('false'), toBool(1), toBool(undefined)]).toEqual([true, false, undefined, undefined]);
    expect(normalizeRegion('North Europe')).toBe('northeurope');
  });
});
