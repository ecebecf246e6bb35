import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EstateFileError, parseEstateFile, validateEstate } from './file';

const T = '11111111-1111-4111-8111-111111111111';
const S = '22222222-2222-4222-8222-222222222222';
const good = () => ({
  kind: 'lockstep.estate',
  version: 1,
  capturedAt: '2026-11-29T08:00:00Z',
  tenantId: T,
  subscriptions: [{ subscriptionId: S, displayName: 'One', tenantId: T, state: 'Enabled' }],
  resources: [
    { id: `/subscriptions/${S}/resourceGroups/rg`, name: 'rg', type: 'Microsoft.Resources/resourceGroups', location: 'westeurope' },
    {
      id: `/Subscriptions/${S}/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des`,
      name: 'des',
      type: 'Microsoft.Compute/diskEncryptionSets',
      properties: { unknownField: 1 },
    },
  ],
});

function failure(json: unknown): EstateFileError {
  try {
    validateEstate(json, 'estate.json');
  } catch (e) {
    return e as EstateFileError;
  }
  throw new Error('expected the estate to be refused');
}

describe('estate file validation', () => {
  it('accepts a well-formed estate and keeps fields it does not know', () => {
    const e = validateEstate(good(), 'estate.json');
    expect((e.resources[1]!.properties as Record<string, unknown>).unknownField).toBe(1);
  });

  it('names the file and the JSON path of the first bad field', () => {
    const bad = good();
    (bad.resources[1] as Record<string, unknown>).id = 42;
    (bad.resources[0] as Record<string, unknown>).name = '';
    const err = failure(bad);
    expect(err).toBeInstanceOf(EstateFileError);
    expect(err.source).toBe('estate.json');
    expect(err.jsonPath).toBe('$.resources[0].name');
    expect(err.message).toMatch(/^estate\.json: \$\.resources\[0\]\.name: /);
  });

  it('checks that a resource type matches its id', () => {
    const bad = good();
    bad.resources[1]!.type = 'Microsoft.KeyVault/vaults';
    const err = failure(bad);
    expect(err.jsonPath).toBe('$.resources[1].type');
    expect(err.detail).toContain('Microsoft.Compute/diskEncryptionSets');
  });

  it('refuses a wrong kind, a bad GUID and a duplicate id', () => {
    expect(failure({ ...good(), kind: 'something-else' }).jsonPath).toBe('$.kind');
    expect(failure({ ...good(), subscriptions: [{ subscriptionId: 'nope', displayName: 'x', tenantId: T, state: 'Enabled' }] }).jsonPath).toBe(
      '$.subscriptions[0].subscriptionId',
    );
    const dup = good();
    dup.resources.push({ ...dup.resources[0]!, id: dup.resources[0]!.id.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/') });
    const err = failure(dup);
    expect(err.jsonPath).toBe('$.resources[2].id');
    expect(err.detail).toContain('duplicates $.resources[0].id');
  });

  it('reports text that is not JSON at $', () => {
    expect(() => parseEstateFile('{ nope', 'x.json')).toThrow(/^x\.json: \$: not valid JSON/);
  });

  it('accepts the shipped demo estate', () => {
    const text = readFileSync(new URL('../../emulator/estates/contoso-health.json', import.meta.url), 'utf8');
    const e = parseEstateFile(text, 'contoso-health.json');
    expect(e.subscriptions.length).toBeGreaterThanOrEqual(3);
  });
});
