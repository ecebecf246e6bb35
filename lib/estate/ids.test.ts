import { describe, expect, it } from 'vitest';
import { isAtOrBelow, parseResourceId, sameId } from './ids';

describe('ARM ids', () => {
  it('compares ids case-insensitively and ignores a trailing slash', () => {
    expect(sameId('/Subscriptions/ABC/resourcegroups/RG', '/subscriptions/abc/resourceGroups/rg/')).toBe(true);
    expect(sameId('/subscriptions/abc', '/subscriptions/abd')).toBe(false);
    expect(sameId(undefined, '/subscriptions/abc')).toBe(false);
  });

  it('parses nested types and their parents', () => {
    const p = parseResourceId('/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1/keys/k1/versions/v1');
    expect(p).toMatchObject({
      subscriptionId: 's1',
      resourceGroup: 'rg1',
      type: 'Microsoft.KeyVault/vaults/keys/versions',
      name: 'v1',
      parentId: '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1/keys/k1',
    });
    expect(p?.scope).toBe('/subscriptions/s1/resourceGroups/rg1');
  });

  it('parses extension resources with the scope they sit on', () => {
    const p = parseResourceId(
      '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1/providers/Microsoft.Authorization/roleAssignments/ra1',
    );
    expect(p).toMatchObject({
      type: 'Microsoft.Authorization/roleAssignments',
      name: 'ra1',
      scope: '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1',
    });
    expect(parseResourceId('/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/r1')?.scope).toBe('/subscriptions/s1');
    expect(parseResourceId('/providers/Microsoft.Authorization/roleDefinitions/r1')).toMatchObject({
      type: 'Microsoft.Authorization/roleDefinitions',
      scope: '/',
    });
  });

  it('parses subscriptions and resource groups', () => {
    expect(parseResourceId('/subscriptions/s1')?.type).toBe('Microsoft.Resources/subscriptions');
    expect(parseResourceId('/subscriptions/s1/resourcegroups/rg')?.type).toBe('Microsoft.Resources/resourceGroups');
    expect(parseResourceId('not-an-id')).toBeUndefined();
    expect(parseResourceId('/subscriptions/s1/providers/Microsoft.Compute/diskEncryptionSets')).toBeUndefined();
  });

  it('knows which scopes contain an id', () => {
    expect(isAtOrBelow('/subscriptions/S1/resourceGroups/rg', '/subscriptions/s1')).toBe(true);
    expect(isAtOrBelow('/subscriptions/s10', '/subscriptions/s1')).toBe(false);
    expect(isAtOrBelow('/subscriptions/s1', '/')).toBe(true);
  });
});
