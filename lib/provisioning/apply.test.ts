/**
 * apply() against the emulator through the real SDK clients: a full run creates what the plan
 * says, a rescan judges the servers that waited for it, and a run stopped by a fault resumes
 * without repeating what it finished.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test-support/emulator-harness';
import { SUBS, WORKSPACE } from '../../emulator/src/demo';
import { captureEstate } from '../azure/inventory';
import { normalize } from '../estate/normalize';
import { evaluate } from '../readiness/evaluate';
import { apply, newRun, type Run } from './apply';
import type { Intent } from './intent';
import { plan } from './plan';
import { createArmSender } from '../azure/resource-sender';
import { preflight } from './preflight';
import { USERS } from '../../emulator/src/demo';

let t: Awaited<ReturnType<typeof startTestEmulator>>;
const LZ = SUBS.landing;
const RG = `/subscriptions/${LZ}/resourceGroups/rg-security-weu`;

beforeAll(async () => {
  t = await startTestEmulator({ lroMs: 300 });
});
afterAll(async () => {
  await t.emulator.close();
});
beforeEach(async () => {
  await t.control('reset', { method: 'POST' });
});

// DICT-APP-01/02 replicate to des-weu-prod-02, which was never created: the wizard creates it.
const intent: Intent = {
  kind: 'lockstep.intent',
  version: 1,
  subscriptionId: LZ,
  resourceGroup: 'rg-security-weu',
  location: 'westeurope',
  keyVault: { create: { name: 'kv-chx-dict-weu', sku: 'standard' } },
  key: { create: { name: 'des-key-dict', kty: 'RSA', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } },
  diskEncryptionSet: { name: 'des-weu-prod-02', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
  auditLogs: { workspaceId: WORKSPACE },
};

const capture = (who: 'consultant' | 'engineer' = 'consultant') =>
  captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens: t.tokens(who) });
const now = () => Date.parse(t.estate.capturedAt) / 1000;
const verdicts = (file: Awaited<ReturnType<typeof capture>>, names: string[]) => {
  const e = evaluate(normalize(file), { now: now() });
  return names.map((n) => e.servers.find((s) => s.name === n)?.verdict);
};
const types = async (type: string) => (await capture()).resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());

async function planned(): Promise<Run> {
  const r = plan(intent, normalize(await capture()), { now: now() });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return newRun(r.plan, 'test');
}

describe('apply', () => {
  it('creates vault, audit log, key, DES and grant, and a rescan turns the waiting servers ready', async () => {
    const before = await capture();
    expect(verdicts(before, ['DICT-APP-01', 'DICT-APP-02'])).toEqual(['blocked', 'blocked']);
    const seen: string[] = [];
    const run = await apply(await planned(), createArmSender(t.factory('consultant'), { pollIntervalMs: 100 }), {
      onChange: (r) =>
        seen.push(
          Object.values(r.steps)
            .map((s) => s.status[0])
            .join(''),
        ),
    });
    expect(Object.fromEntries(Object.entries(run.steps).map(([k, v]) => [k, v.status]))).toEqual({
      vault: 'done',
      audit: 'done',
      key: 'done',
      des: 'done',
      grant: 'done',
      verify: 'done',
      'verify-grant': 'done',
    });
    expect(run.status).toBe('succeeded');
    expect(seen).toContain('ddddrpp'); // progress is reported step by step
    // The DES was created with the new key's version, and the grant names the DES's new identity.
    const des = run.steps.des!.result as { identity: { principalId: string }; properties: { activeKey: { keyUrl: string } } };
    expect(des.properties.activeKey.keyUrl).toBe((run.steps.key!.result as { properties: { keyUriWithVersion: string } }).properties.keyUriWithVersion);
    expect(run.steps.grant!.sent!.body).toMatchObject({ properties: { principalId: des.identity.principalId, principalType: 'ServicePrincipal' } });
    const after = await capture();
    expect(verdicts(after, ['DICT-APP-01', 'DICT-APP-02'])).toEqual(['ready', 'ready']);
    // Idempotent: the same intent on the estate that now has everything only reads back.
    const again = plan(intent, normalize(after), { now: now() });
    expect(again.ok && again.plan.steps.map((s) => [s.id, s.status])).toEqual([
      ['vault', 'done'],
      ['audit', 'done'],
      ['key', 'done'],
      ['des', 'done'],
      ['grant', 'done'],
      ['verify', 'pending'],
      ['verify-grant', 'pending'],
    ]);
    expect(again.ok && again.plan.requiredActions).toEqual([]);
  });

  it('assigns the policy guard last, and a rescan judges the target group by it', async () => {
    const CLINICAL = `/subscriptions/${LZ}/resourceGroups/rg-clinical-prod-weu`;
    const guarded: Intent = { ...intent, policyGuard: { resourceGroups: [CLINICAL] } };
    const r = plan(guarded, normalize(await capture()), { now: now() });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.plan.steps.at(-1)!.id).toBe('guard-0');
    // Before: nothing in the group is refused by policy.
    const ruleIdsOf = (file: Awaited<ReturnType<typeof capture>>, name: string) =>
      evaluate(normalize(file), { now: now() })
        .findings.filter((f) => f.resourceId.toLowerCase().includes(`-${name.toLowerCase()}_`))
        .map((f) => f.ruleId);
    expect(ruleIdsOf(await capture(), 'PACS-APP-01')).not.toContain('LS-POL-001');
    const run = await apply(newRun(r.plan, 'guard'), createArmSender(t.factory('consultant'), { pollIntervalMs: 100 }));
    expect(run.status).toBe('succeeded');
    const after = await capture();
    const assignment = after.resources.find(
      (x) => x.id.toLowerCase() === `${CLINICAL}/providers/Microsoft.Authorization/policyAssignments/lockstep-approved-des`.toLowerCase(),
    );
    expect(assignment?.properties).toMatchObject({ scope: CLINICAL, parameters: { effect: { value: 'Deny' } } });
    // The servers the new set is for are ready under it; one under another set is now refused by the guard.
    expect(verdicts(after, ['DICT-APP-01', 'DICT-APP-02'])).toEqual(['ready', 'ready']);
    expect(ruleIdsOf(after, 'PACS-APP-01')).toContain('LS-POL-001');
    const again = plan(guarded, normalize(after), { now: now() });
    expect(again.ok && again.plan.steps.find((s) => s.id === 'guard-0')!.status).toBe('done');
  });

  it('with a user-assigned identity: reads its principal, grants it first, then creates the DES that uses it', async () => {
    const uami = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-des-weu`;
    const r = plan({ ...intent, diskEncryptionSet: { ...intent.diskEncryptionSet, identity: { userAssigned: uami } } }, normalize(await capture()), {
      now: now(),
    });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.plan.steps.map((s) => s.id)).toEqual(['vault', 'audit', 'key', 'identity', 'grant', 'des', 'verify', 'verify-grant']);
    const run = await apply(newRun(r.plan, 'uami'), createArmSender(t.factory('consultant'), { pollIntervalMs: 100 }));
    expect(run.status).toBe('succeeded');
    const principal = (run.steps.identity!.result as { properties: { principalId: string } }).properties.principalId;
    expect(run.steps.grant!.sent!.body).toMatchObject({ properties: { principalId: principal } });
    expect(Object.keys((run.steps.des!.result as { identity: { userAssignedIdentities: Record<string, unknown> } }).identity.userAssignedIdentities)).toEqual([
      uami,
    ]);
    expect(verdicts(await capture(), ['DICT-APP-01'])).toEqual(['ready']);
  });

  it('stops at a fault on the DES step and Resume finishes without a duplicate', async () => {
    await t.control('faults', {
      method: 'POST',
      body: { method: 'PUT', path: '*/diskEncryptionSets/des-weu-prod-02*', status: 500, code: 'InternalServerError', count: 2 },
    });
    const sender = createArmSender(t.factory('consultant', 1), { pollIntervalMs: 100 });
    const stopped = await apply(await planned(), sender);
    expect(stopped.status).toBe('failed');
    expect(stopped.steps.des).toMatchObject({ status: 'failed', attempts: 1, error: { title: 'Azure had a problem' } });
    expect(stopped.steps.grant!.status).toBe('pending');
    expect(stopped.steps.vault!.status).toBe('done');
    await t.control('requests', { method: 'DELETE' });
    // The run survives a reload as JSON, then resumes at the failed step.
    const resumed = await apply(JSON.parse(JSON.stringify(stopped)) as Run, sender);
    expect(resumed.status).toBe('succeeded');
    const routes = (await t.control('requests')).routes as Record<string, number>;
    expect(routes['PUT instance Microsoft.KeyVault/vaults'] ?? 0).toBe(0);
    expect(routes['PUT instance Microsoft.KeyVault/vaults/keys'] ?? 0).toBe(0);
    expect((await types('Microsoft.KeyVault/vaults')).filter((v) => v.name === 'kv-chx-dict-weu')).toHaveLength(1);
    expect((await types('Microsoft.Compute/diskEncryptionSets')).filter((d) => d.name === 'des-weu-prod-02')).toHaveLength(1);
    const grants = (await types('Microsoft.Authorization/roleAssignments')).filter((a) =>
      a.id.toLowerCase().startsWith(`${RG}/providers/Microsoft.KeyVault/vaults/kv-chx-dict-weu/`.toLowerCase()),
    );
    expect(grants).toHaveLength(1);
  });

  it('retries a throttled write after the Retry-After ARM sends, and a dropped connection, without failing the run', async () => {
    await t.control('faults', { method: 'POST', body: { method: 'PUT', path: '*/vaults/kv-chx-dict-weu', status: 429, retryAfterSeconds: 1, count: 1 } });
    await t.control('faults', { method: 'POST', body: { method: 'PUT', path: '*/keys/des-key-dict', drop: true, count: 1 } });
    const started = Date.now();
    const run = await apply(await planned(), createArmSender(t.factory('consultant'), { pollIntervalMs: 100 }));
    expect(run.status).toBe('succeeded');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const routes = (await t.control('requests')).routes as Record<string, number>;
    expect(routes['PUT instance Microsoft.KeyVault/vaults']).toBe(2);
    expect(routes['PUT instance Microsoft.KeyVault/vaults/keys']).toBe(2);
  });

  it('waits for a fresh identity to replicate before granting it', async () => {
    await t.control('faults', {
      method: 'POST',
      body: {
        method: 'PUT',
        path: '*/roleAssignments/*',
        status: 400,
        code: 'PrincipalNotFound',
        message: 'Principal 1234 does not exist in the directory.',
        count: 2,
      },
    });
    const waits: number[] = [];
    const run = await apply(await planned(), createArmSender(t.factory('consultant'), { pollIntervalMs: 100 }), {
      sleep: async (ms) => void waits.push(ms),
      principalBackoffMs: [1000, 2000, 4000],
    });
    expect(run.status).toBe('succeeded');
    expect(waits).toEqual([1000, 2000]);
    expect(run.steps.grant).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('says which action a 403 refused and which roles grant it, and keeps what the engineer could do', async () => {
    const run = await apply(await planned(), createArmSender(t.factory('engineer'), { pollIntervalMs: 100 }));
    expect(run.status).toBe('failed');
    expect(run.steps.des!.status).toBe('done');
    expect(run.steps.grant).toMatchObject({
      status: 'failed',
      error: {
        title: 'Permission needed',
        deniedAction: 'Microsoft.Authorization/roleAssignments/write',
        rolesThatGrant: ['Owner', 'User Access Administrator'],
      },
    });
  });

  it('shows the engineer, before anything runs, the role assignment they cannot make, who can, and the command to hand over', async () => {
    const estate = normalize(await capture('engineer'));
    const r = plan(intent, estate, { now: now() });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    await t.control('requests', { method: 'DELETE' });
    const pf = await preflight(r.plan, t.factory('engineer'), estate);
    expect(pf.steps.map((s) => [s.stepId, s.allowed])).toEqual([
      ['vault', true],
      ['audit', true],
      ['key', true],
      ['des', true],
      ['grant', false],
    ]);
    expect(pf.blocked).toBe(true);
    const grant = pf.steps.find((s) => s.stepId === 'grant')!;
    expect(grant.rolesThatGrant).toEqual(['Owner', 'User Access Administrator']);
    expect(grant.whoCan.join(' ')).toContain(USERS.consultant.objectId);
    expect(grant.handover).toContain('DES_PRINCIPAL_ID=$(az disk-encryption-set show --name des-weu-prod-02');
    expect(grant.handover).toContain('az role assignment create');
    expect(pf.names).toEqual([{ name: 'kv-chx-dict-weu', available: true }]);
    // Nothing was written.
    const routes = Object.keys((await t.control('requests')).routes as Record<string, number>);
    expect(routes.filter((k) => /^(PUT|PATCH|DELETE)/.test(k))).toEqual([]);
    // A vault name taken in a subscription the engineer cannot see: only checkNameAvailability knows.
    const hidden = plan({ ...intent, keyVault: { create: { name: 'kv-chx-central-weu', sku: 'premium' } } }, estate, { now: now() });
    if (!hidden.ok) throw new Error(hidden.problems.join('\n'));
    expect((await preflight(hidden.plan, t.factory('engineer'), estate)).names).toEqual([
      { name: 'kv-chx-central-weu', available: false, message: "The vault name 'kv-chx-central-weu' is already in use." },
    ]);
  });
});
