import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDemoEstate } from './demo';
import { normalize } from '../../lib/estate/normalize';
import { evaluate } from '../../lib/readiness/evaluate';

describe('the shipped demo estate', () => {
  const shipped = JSON.parse(readFileSync(new URL('../estates/contoso-health.json', import.meta.url), 'utf8'));

  it('is exactly what the builder makes (run `npm run emulator:demo` after changing demo.ts)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(buildDemoEstate())));
  });

  it('has the size the README promises', () => {
    const types = (t: string) => shipped.resources.filter((r: { type: string }) => r.type.toLowerCase() === t.toLowerCase()).length;
    expect(shipped.subscriptions.length).toBeGreaterThanOrEqual(3);
    expect(types('Microsoft.Migrate/migrateProjects')).toBe(2);
    expect(types('Microsoft.RecoveryServices/vaults')).toBe(3);
    expect(types('Microsoft.KeyVault/managedHSMs')).toBe(1);
    expect(types('Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems')).toBeGreaterThanOrEqual(4);
    expect(types('Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems')).toBeGreaterThanOrEqual(60);
    expect(types('Microsoft.Compute/diskEncryptionSets')).toBeGreaterThanOrEqual(6);
    expect(types('Microsoft.KeyVault/vaults')).toBeGreaterThanOrEqual(6);
  });
});

describe('the demo on any date', () => {
  // The emulator serves the demo dated the day it starts: the story must not move with the calendar.
  const judged = (capturedAt: string) => {
    const file = buildDemoEstate(capturedAt);
    const e = evaluate(normalize(file), { now: Date.parse(file.capturedAt) / 1000 });
    return {
      verdicts: Object.fromEntries(e.servers.map((s) => [s.name, s.verdict])),
      // Dates in words move with the calendar; what they say ('in 20 days') must not.
      findings: e.findings.map((f) => `${f.ruleId} ${f.resourceId}: ${f.message.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE')}`).sort(),
    };
  };

  it('gives every server the same verdict and the same findings a year apart', () => {
    expect(judged('2031-02-17T06:30:00Z')).toEqual(judged('2026-11-29T08:00:00Z'));
  });

  it('keeps the expiring key within 30 days of the day it is served, and no key expired', () => {
    const file = buildDemoEstate('2029-06-01T12:00:00Z');
    const now = Date.parse(file.capturedAt) / 1000;
    const exp = file.resources
      .filter((r) => r.type === 'Microsoft.KeyVault/vaults/keys')
      .map((r) => (r.properties as { attributes: { exp?: number } }).attributes.exp)
      .filter((x): x is number => x !== undefined)
      .map((x) => (x - now) / 86400);
    expect(exp.some((d) => d > 0 && d <= 30)).toBe(true);
    expect(exp.every((d) => d > 0)).toBe(true);
  });
});
