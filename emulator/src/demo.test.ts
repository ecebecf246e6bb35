import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDemoEstate } from './demo';

describe('the shipped demo estate', () => {
  const shipped = JSON.parse(readFileSync(new URL('../estates/contoso-health.json', import.meta.url), 'utf8'));

  it('is exactly what the builder makes (run `npm run emulator:demo` after changing demo.ts)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(buildDemoEstate())));
  });

  it('has the size the README promises', () => {
    const types = (t: string) => shipped.resources.filter((r: { type: string }) => r.type.toLowerCase() === t.toLowerCase()).length;
    expect(shipped.subscriptions.length).toBeGreaterThanOrEqual(3);
    expect(types('Microsoft.Migrate/migrateProjects')).toBe(2);
    expect(types('Microsoft.RecoveryServices/vaults')).toBe(2);
    expect(types('Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems')).toBeGreaterThanOrEqual(60);
    expect(types('Microsoft.Compute/diskEncryptionSets')).toBeGreaterThanOrEqual(6);
    expect(types('Microsoft.KeyVault/vaults')).toBeGreaterThanOrEqual(6);
  });
});
