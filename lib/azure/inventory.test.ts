/** The live inventory against the emulator: it must capture what the estate file holds. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../emulator/src/testing';
import { SUBS } from '../../emulator/src/demo';
import { validateEstate } from '../estate/file';
import { normalize } from '../estate/normalize';
import { evaluate } from '../readiness/evaluate';
import { captureEstate } from './inventory';

let t: Awaited<ReturnType<typeof startTestEmulator>>;

beforeAll(async () => {
  t = await startTestEmulator({ pageSize: 10 });
});
afterAll(async () => {
  await t.emulator.close();
});
beforeEach(async () => {
  await t.control('reset', { method: 'POST' });
});

const capture = (who: 'consultant' | 'engineer' | 'ciso', subscriptionIds?: string[]) =>
  captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens: t.tokens(who), subscriptionIds, now: () => new Date(t.estate.capturedAt) });

describe('live inventory', () => {
  it('captures an estate file that judges every server exactly as the estate it was read from', async () => {
    const captured = validateEstate(JSON.parse(JSON.stringify(await capture('consultant'))), 'capture');
    expect(captured.gaps).toEqual([]);
    expect(captured.tenantDisplayName).toBe('Contoso Health');
    const count = (type: string, f = captured) => f.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase()).length;
    for (const type of ['Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems', 'Microsoft.Compute/diskEncryptionSets', 'Microsoft.KeyVault/vaults', 'Microsoft.Migrate/migrateProjects', 'Microsoft.Insights/diagnosticSettings', 'Microsoft.Authorization/locks', 'Microsoft.ManagedIdentity/userAssignedIdentities']) {
      expect([type, count(type)]).toEqual([type, count(type, t.estate)]);
    }
    const now = Date.parse(t.estate.capturedAt) / 1000;
    const live = evaluate(normalize(captured), { now });
    const fromFile = evaluate(normalize(t.estate), { now });
    expect(live.summary).toEqual(fromFile.summary);
    const rows = (x: typeof live) => x.servers.map((s) => [s.name, s.verdict, s.ruleIds.join(',')]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows(live)).toEqual(rows(fromFile));
    // Keys in use were read one by one, so they carry what the list leaves out.
    const key = captured.resources.find((r) => r.id.endsWith('/keys/des-key-prod'))!;
    expect(key.properties).toMatchObject({ kty: 'RSA', keySize: 3072 });
  });

  it('costs O(subscriptions + vaults + keys in use + pages), not a request per server', async () => {
    await t.control('requests', { method: 'DELETE' });
    await capture('consultant');
    const counted = (await t.control('requests')) as { total: number; routes: Record<string, number> };
    const arm = Object.entries(counted.routes).filter(([k]) => !k.includes(' entra ')).reduce((a, [, n]) => a + n, 0);
    // 4 subscriptions × 7 lists, 2 vaults × 3, 2 projects × 2, 7 key vaults × 2, 7 keys × 2, 2 tenant calls, plus extra pages of 10.
    expect(arm).toBeLessThanOrEqual(90);
    expect(counted.routes['GET instance Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems'] ?? 0).toBe(0);
  });

  it('turns a 403 on one subscription into a gap and reads the rest', async () => {
    await t.control('faults', { method: 'POST', body: { method: 'GET', path: `/subscriptions/${SUBS.research}/providers/Microsoft.Compute/diskEncryptionSets`, status: 403, code: 'AuthorizationFailed', message: 'denied for the test' } });
    const captured = await capture('consultant');
    expect(captured.gaps).toEqual([{ scope: `/subscriptions/${SUBS.research}`, operation: 'list disk encryption sets', status: 403, code: 'AuthorizationFailed', message: 'denied for the test' }]);
    const e = evaluate(normalize(captured), { now: Date.parse(t.estate.capturedAt) / 1000 });
    const genomics = e.servers.find((s) => s.name === 'GENOMICS-NODE-01')!;
    expect(genomics.verdict).toBe('unknown');
    expect(e.servers.find((s) => s.name === 'EPD-APP-01')!.verdict).toBe('ready');
  });

  it("captures only what the engineer may see and marks the rest unreadable", async () => {
    const captured = await capture('engineer');
    expect(captured.subscriptions.map((s) => s.subscriptionId).sort()).toEqual([SUBS.landing, SUBS.hub].sort());
    const e = evaluate(normalize(captured), { now: Date.parse(t.estate.capturedAt) / 1000 });
    expect(e.servers).toHaveLength(44);
    // The central vault lives in Shared Security, which the engineer cannot read.
    expect(e.servers.find((s) => s.name === 'RIS-APP-01')!.verdict).toBe('unknown');
  });
});
