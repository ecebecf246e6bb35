/**
 * Contract tests: the real @azure/arm-* clients, built by Lockstep's factory, in Node, against a
 * started emulator. What the app reads and writes must parse the same as it would from ARM.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test-support/emulator-harness';
import { SUBS, USERS } from '../../emulator/src/demo';
import { ROLE_IDS } from '../estate/builtin-roles';
import { toArmError } from './errors';
import { listSubscriptions, listTenants } from './subscriptions';

let t: Awaited<ReturnType<typeof startTestEmulator>>;
const LZ = SUBS.landing;
const RG = 'rg-security-weu';

beforeAll(async () => {
  t = await startTestEmulator({ pageSize: 2, lroMs: 400 });
});
afterAll(async () => {
  await t.emulator.close();
});
beforeEach(async () => {
  await t.control('reset', { method: 'POST' });
});

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('subscriptions and tenants (arm-resources-subscriptions)', () => {
  it('lists what each persona may see, following nextLink', async () => {
    const ciso = await listSubscriptions(t.factory('ciso'));
    expect(ciso.map((s) => s.displayName).sort()).toEqual([
      'Contoso Health – Landing Zone',
      'Contoso Health – Migration Hub',
      'Contoso Health – Research',
      'Contoso Health – Shared Security',
    ]);
    const engineer = await listSubscriptions(t.factory('engineer'));
    expect(engineer.map((s) => s.subscriptionId).sort()).toEqual([SUBS.landing, SUBS.hub].sort());
    const tenants = await listTenants(t.factory('consultant'));
    expect(tenants[0]).toMatchObject({ tenantId: t.estate.tenantId, displayName: 'Contoso Health', defaultDomain: 'contosohealth.onmicrosoft.com' });
  });
});

describe('disk encryption sets (arm-compute)', () => {
  it('lists across four pages of two', async () => {
    await t.control('requests', { method: 'DELETE' });
    const compute = await t.factory('consultant').compute(LZ);
    const list = await all(compute.diskEncryptionSets.list());
    expect(list.map((d) => d.name)).toEqual([
      'des-weu-prod-01',
      'des-weu-double-01',
      'des-weu-legacy-01',
      'des-weu-exp-01',
      'des-weu-central-01',
      'des-weu-noid-01',
      'des-weu-hsm-01',
      'des-weu-fabrikam-01',
    ]);
    const counted = await t.control('requests');
    expect((counted.routes as Record<string, number>)['GET collection Microsoft.Compute/diskEncryptionSets']).toBe(4);
  });

  it('gets one with its key, identity and state', async () => {
    const compute = await t.factory('ciso').compute(LZ);
    const des = await compute.diskEncryptionSets.get(RG, 'des-weu-double-01');
    expect(des.identity?.type).toBe('SystemAssigned');
    expect(des.identity?.principalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(des.encryptionType).toBe('EncryptionAtRestWithPlatformAndCustomerKeys');
    expect(des.activeKey?.keyUrl).toMatch(/^https:\/\/kv-chx-dbl-weu\.vault\.azure\.net\/keys\/des-key-double\/[0-9a-f]{32}$/);
    expect(des.provisioningState).toBe('Succeeded');
  });

  it('creates one as a long-running operation that ends with a new principal id', async () => {
    const f = t.factory('consultant');
    const kv = await f.keyVault(LZ);
    const key = await kv.keys.createIfNotExist(RG, 'kv-chx-prod-weu', 'contract-key', { properties: { kty: 'RSA', keySize: 3072 } });
    const compute = await f.compute(LZ);
    const started = Date.now();
    const poller = compute.diskEncryptionSets.createOrUpdate(
      RG,
      'des-contract-01',
      {
        location: 'westeurope',
        identity: { type: 'SystemAssigned' },
        activeKey: { keyUrl: key.keyUriWithVersion!.replace(':443', '') },
        encryptionType: 'EncryptionAtRestWithCustomerKey',
      },
      { updateIntervalInMs: 50 },
    );
    const des = await poller;
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(des.provisioningState).toBe('Succeeded');
    expect(des.identity?.principalId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await compute.diskEncryptionSets.get(RG, 'des-contract-01');
    expect(again.identity?.principalId).toBe(des.identity?.principalId);
  });
});

describe('replication migration items (arm-recoveryservices-siterecovery)', () => {
  it("lists a vault's migration items across pages without their disks, as ARM does; a GET has each disk's target DES", async () => {
    const sr = await t.factory('ciso').siteRecovery(SUBS.hub);
    // Site Recovery 5.x takes the vault name first, then its resource group.
    const items = await all(sr.replicationMigrationItems.list('rsv-mig-chx-neu', 'rg-migrate-neu'));
    expect(items).toHaveLength(19);
    const listed = items.find((i) => i.properties?.machineName === 'GENOMICS-NODE-01')!;
    expect(listed.properties?.providerSpecificDetails).toMatchObject({ instanceType: 'VMwareCbt', protectedDisks: [], vmNics: [] });
    const [fabric, container, name] = [listed.id!.split('/')[10]!, listed.id!.split('/')[12]!, listed.name!];
    const genomics = await sr.replicationMigrationItems.get('rsv-mig-chx-neu', 'rg-migrate-neu', fabric, container, name);
    const details = genomics.properties?.providerSpecificDetails as {
      instanceType: string;
      protectedDisks?: { diskEncryptionSetId?: string; isOSDisk?: string }[];
      targetLocation?: string;
    };
    expect(details.instanceType).toBe('VMwareCbt');
    expect(details.targetLocation).toBe('northeurope');
    expect(details.protectedDisks?.map((d) => d.diskEncryptionSetId?.split('/').pop())).toEqual(['des-neu-research-01', 'des-neu-research-01']);
    expect(details.protectedDisks?.[0]?.isOSDisk).toBe('true');
  });

  it('refuses the engineer on a vault outside their resource group', async () => {
    const sr = await t.factory('engineer').siteRecovery(SUBS.hub);
    const err = toArmError(await all(sr.replicationMigrationItems.list('rsv-mig-chx-neu', 'rg-migrate-neu')).catch((e: unknown) => e));
    expect(err.code).toBe('AuthorizationFailed');
    const allowed = await all(sr.replicationMigrationItems.list('rsv-mig-chx-weu', 'rg-migrate-weu'));
    expect(allowed).toHaveLength(48);
  });

  it('lists agent-based servers as protected items (InMageRcm) beside disaster recovery (A2A); a GET has their disks', async () => {
    const sr = await t.factory('ciso').siteRecovery(SUBS.hub);
    const items = await all(sr.replicationProtectedItems.list('rsv-mig-chx-agent', 'rg-migrate-weu'));
    expect(items.map((i) => i.properties?.providerSpecificDetails?.instanceType).sort()).toEqual(['A2A', 'InMageRcm', 'InMageRcm', 'InMageRcm', 'InMageRcm']);
    const listed = items.find((i) => i.properties?.friendlyName === 'PHARMA-DB-01')!;
    expect((listed.properties?.providerSpecificDetails as { protectedDisks?: unknown[] }).protectedDisks).toEqual([]);
    const got = await sr.replicationProtectedItems.get(
      'rsv-mig-chx-agent',
      'rg-migrate-weu',
      listed.id!.split('/')[10]!,
      listed.id!.split('/')[12]!,
      listed.name!,
    );
    const d = got.properties?.providerSpecificDetails as { protectedDisks?: { diskEncryptionSetId?: string; isOSDisk?: string }[]; targetVmName?: string };
    expect(d.targetVmName).toBe('pharma-db-01');
    expect(d.protectedDisks?.map((x) => x.diskEncryptionSetId?.split('/').pop())).toEqual(['des-weu-hsm-01', 'des-weu-hsm-01']);
  });
});

describe('Managed HSMs (arm-keyvault)', () => {
  it('lists and reads an HSM; a subscription without one answers an empty list', async () => {
    const kv = await t.factory('ciso').keyVault(SUBS.security);
    const hsms = await all(kv.managedHsms.listBySubscription());
    expect(hsms.map((h) => h.name)).toEqual(['hsm-chx-weu']);
    const hsm = await kv.managedHsms.get('rg-keys-weu', 'hsm-chx-weu');
    expect(hsm.properties).toMatchObject({ enablePurgeProtection: true, enableSoftDelete: true, softDeleteRetentionInDays: 90 });
    expect(hsm.properties?.securityDomainProperties?.activationStatus).toBe('Active');
    expect(await all((await t.factory('ciso').keyVault(LZ)).managedHsms.listBySubscription())).toEqual([]);
  });
});

describe('key vault keys (arm-keyvault)', () => {
  it('creates a key once and lists it; the list omits size and version as ARM does', async () => {
    const kv = await t.factory('consultant').keyVault(LZ);
    const first = await kv.keys.createIfNotExist(RG, 'kv-chx-exp-weu', 'contract-key', { properties: { kty: 'RSA', keySize: 4096 } });
    const second = await kv.keys.createIfNotExist(RG, 'kv-chx-exp-weu', 'contract-key', { properties: { kty: 'RSA', keySize: 2048 } });
    expect(second.keyUriWithVersion).toBe(first.keyUriWithVersion);
    expect(second.keySize).toBe(4096);
    const keys = await all(kv.keys.list(RG, 'kv-chx-exp-weu'));
    expect(keys.map((k) => k.name).sort()).toEqual(['contract-key', 'des-key-2025']);
    const listed = keys.find((k) => k.name === 'contract-key')!;
    expect(listed.keyUri).toContain('/keys/contract-key');
    expect(listed.keySize).toBeUndefined();
    const versions = await all(kv.keys.listVersions(RG, 'kv-chx-exp-weu', 'contract-key'));
    expect(versions).toHaveLength(1);
    expect(versions[0]!.keyUriWithVersion).toBe(first.keyUriWithVersion);
  });
});

describe('role assignments and permissions (arm-authorization)', () => {
  it('creates a role assignment and finds it with atScope() and assignedTo()', async () => {
    const f = t.factory('consultant');
    const compute = await f.compute(LZ);
    const des = await compute.diskEncryptionSets.get(RG, 'des-weu-legacy-01');
    const auth = await f.authorization(LZ);
    const vaultId = `/subscriptions/${LZ}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-chx-prod-weu`;
    const name = randomUUID();
    const created = await auth.roleAssignments.create(vaultId, name, {
      roleDefinitionId: `/subscriptions/${LZ}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.keyVaultCryptoServiceEncryptionUser}`,
      principalId: des.identity!.principalId!,
      principalType: 'ServicePrincipal',
    });
    expect(created.name).toBe(name);
    expect(created.scope).toBe(vaultId);
    const atScope = await all(auth.roleAssignments.listForScope(vaultId, { filter: 'atScope()' }));
    expect(atScope.some((a) => a.name === name)).toBe(true);
    // atScope() includes what is inherited from above (the consultant's Owner on the subscription)…
    expect(atScope.some((a) => a.principalId === USERS.consultant.objectId)).toBe(true);
    // …and at the subscription, atScope() does not reach down to the vault.
    const atSub = await all(auth.roleAssignments.listForScope(`/subscriptions/${LZ}`, { filter: 'atScope()' }));
    expect(atSub.some((a) => a.name === name)).toBe(false);
    const assigned = await all(auth.roleAssignments.listForScope(`/subscriptions/${LZ}`, { filter: `assignedTo('${des.identity!.principalId}')` }));
    expect(assigned.map((a) => a.name)).toEqual([name]);
  });

  it("reports the caller's own permissions", async () => {
    const engineer = await t.factory('engineer').authorization(LZ);
    const perms = await all(engineer.permissions.listForResourceGroup(RG));
    expect(perms).toHaveLength(1);
    expect(perms[0]!.actions).toEqual(['*']);
    expect(perms[0]!.notActions).toContain('Microsoft.Authorization/*/Write');
    const ciso = await t.factory('ciso').authorization(LZ);
    const readerPerms = await all(ciso.permissions.listForResource(RG, 'Microsoft.KeyVault', '', 'vaults', 'kv-chx-prod-weu'));
    expect(readerPerms.map((p) => p.actions)).toEqual([['*/read']]);
  });

  it("refuses a Reader's write with 403 AuthorizationFailed naming the action", async () => {
    const kv = await t.factory('ciso').keyVault(LZ);
    const err = await kv.keys.createIfNotExist(RG, 'kv-chx-prod-weu', 'not-allowed', { properties: { kty: 'RSA' } }).then(
      () => undefined,
      (e: unknown) => toArmError(e),
    );
    expect(err?.status).toBe(403);
    expect(err?.code).toBe('AuthorizationFailed');
    expect(err?.details.deniedAction).toBe('Microsoft.KeyVault/vaults/keys/write');
    expect(err?.details.deniedScope).toBe(`/subscriptions/${LZ}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-chx-prod-weu/keys/not-allowed`);
    expect(err?.message).toContain(USERS.ciso.userPrincipalName);
  });
});

describe('who may write (landing page choice)', () => {
  it('tells the CISO (Reader) from the engineer (Contributor) by their role assignments', async () => {
    const { canWriteSomewhere } = await import('./permissions');
    const subs = Object.values(SUBS);
    expect(await canWriteSomewhere(t.factory('ciso'), subs, USERS.ciso.objectId)).toBe(false);
    expect(await canWriteSomewhere(t.factory('engineer'), [SUBS.hub, SUBS.landing], USERS.engineer.objectId)).toBe(true);
  });
});

describe('errors', () => {
  it('answers 404 with ARM bodies for a missing resource, resource group and subscription', async () => {
    const f = t.factory('consultant');
    const compute = await f.compute(LZ);
    const missing = toArmError(await compute.diskEncryptionSets.get(RG, 'nope').catch((e: unknown) => e));
    expect(missing).toMatchObject({ kind: 'not-found' });
    expect(missing.code).toBe('ResourceNotFound');
    expect(missing.message).toBe(
      `The Resource 'Microsoft.Compute/diskEncryptionSets/nope' under resource group '${RG}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
    const noRg = toArmError(await compute.diskEncryptionSets.get('rg-missing', 'x').catch((e: unknown) => e));
    expect(noRg.code).toBe('ResourceGroupNotFound');
    const otherSub = await f.compute(randomUUID());
    const noSub = toArmError(await otherSub.diskEncryptionSets.get(RG, 'x').catch((e: unknown) => e));
    expect(noSub.code).toBe('SubscriptionNotFound');
    expect(noSub.status).toBe(404);
  });

  it('retries a 429 after Retry-After and then succeeds', async () => {
    await t.control('faults', {
      method: 'POST',
      body: {
        method: 'GET',
        path: `/subscriptions/${LZ}/resourceGroups/${RG}/providers/Microsoft.Compute/diskEncryptionSets/*`,
        status: 429,
        retryAfterSeconds: 1,
        count: 1,
      },
    });
    await t.control('requests', { method: 'DELETE' });
    const compute = await t.factory('consultant').compute(LZ);
    const started = Date.now();
    const des = await compute.diskEncryptionSets.get(RG, 'des-weu-prod-01');
    expect(des.name).toBe('des-weu-prod-01');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const counted = await t.control('requests');
    expect((counted.routes as Record<string, number>)['GET instance Microsoft.Compute/diskEncryptionSets']).toBe(2);
  });

  it('gives up after its retries and says the request was throttled', async () => {
    await t.control('faults', { method: 'POST', body: { method: 'GET', path: '/subscriptions', status: 429, retryAfterSeconds: 0, count: 5 } });
    const err = await listSubscriptions(t.factory('consultant', 1)).catch((e: unknown) => toArmError(e));
    expect(err).toMatchObject({ kind: 'throttled' });
  });
});
