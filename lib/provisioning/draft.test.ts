import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateFile } from '../estate/file';
import { normalize } from '../estate/normalize';
import { afterwards, draftIntent, keyChoices, suggestVaultName, vaultChoices } from './draft';
import { plan } from './plan';

const file = parseEstateFile(readFileSync(resolve(__dirname, '../../emulator/estates/contoso-health.json'), 'utf8'), 'demo');
const estate = normalize(file);
const now = Date.parse(file.capturedAt) / 1000;
const ids = (pattern: RegExp) => estate.servers.filter((s) => pattern.test(s.machineName)).map((s) => s.id);

describe('draftIntent', () => {
  it('recreates the missing DES that servers point at, under its name and resource group, and the draft plans', () => {
    const d = draftIntent(estate, ids(/^DICT-APP/));
    expect(d.problems).toEqual([]);
    expect(d.intent).toMatchObject({
      resourceGroup: 'rg-security-weu',
      location: 'westeurope',
      diskEncryptionSet: { name: 'des-weu-prod-02' },
      keyVault: { create: { name: 'kv-weu-prod-02' } },
    });
    expect(d.notes[0]).toBe(
      'DICT-APP-01, DICT-APP-02 replicate to des-weu-prod-02, which does not exist: the wizard creates it under that name, in rg-security-weu.',
    );
    expect(plan(d.intent, estate, { now }).ok).toBe(true);
  });

  it('for servers without a DES, reuses a healthy vault in their subscription and region and names a new DES', () => {
    const d = draftIntent(estate, ids(/^FILE-SRV/));
    expect(d.intent.diskEncryptionSet.name).toBe('des-weu-cmk-01');
    expect(d.intent.keyVault).toEqual({ use: [...estate.keyVaults.values()].find((v) => v.name === 'kv-chx-prod-weu')!.id });
    const after = afterwards(estate, d.servers, 'x');
    expect(after.reEnable.map((s) => s.machineName)).toEqual(['FILE-SRV-01', 'FILE-SRV-02', 'FILE-SRV-03']);
    expect(after.reseedGiB).toBe(3 * (128 + 2048));
  });

  it('says why a selection cannot share one DES', () => {
    const d = draftIntent(estate, [...ids(/^FILE-SRV-01$/), ...ids(/^RES-WS-01$/)]);
    expect(d.problems).toEqual([
      'The selected servers land in 2 subscriptions; a disk encryption set serves one subscription. Select servers with the same target subscription.',
      'The selected servers land in westeurope and northeurope; a disk encryption set serves one region. Select servers with the same target region.',
    ]);
  });
});

describe('choices', () => {
  it('lists vaults in another region as incompatible, with the reason, and names repairs', () => {
    const byName = Object.fromEntries(vaultChoices(estate, 'westeurope').map((c) => [c.value.name, c]));
    expect(byName['kv-chx-res-neu']!.problems).toEqual(['It is in northeurope; the disk encryption set needs a vault in westeurope.']);
    expect(byName['kv-chx-legacy-weu']!.repairs).toContain('Purge protection will be turned on (irreversible).');
    expect(byName['kv-chx-central-weu']!.repairs).toContain('Trusted Azure services will be let through its firewall.');
    expect(byName['kv-chx-prod-weu']).toMatchObject({ problems: [], repairs: [] });
  });

  it('refuses disabled, expired and soon-expiring keys', () => {
    const research = [...estate.keyVaults.values()].find((v) => v.name === 'kv-chx-res-neu')!;
    const exp = [...estate.keyVaults.values()].find((v) => v.name === 'kv-chx-exp-weu')!;
    expect(keyChoices(estate, research.id, now).flatMap((c) => c.problems)).toContain('It is disabled.');
    expect(keyChoices(estate, exp.id, now).flatMap((c) => c.problems)).toContain('It expires within four weeks.');
  });

  it('derives a valid, free vault name', () => {
    expect(suggestVaultName('des-weu-prod-02', () => false)).toBe('kv-weu-prod-02');
    expect(suggestVaultName('des_with__odd--chars-and-a-very-long-name', (n) => n === 'kv-with-odd-chars-and-a')).toMatch(/^[a-z][a-z0-9-]{1,22}[a-z0-9]$/);
  });
});
