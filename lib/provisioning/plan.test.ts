import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateFile } from '../estate/file';
import { normalize } from '../estate/normalize';
import { validateIntent, type Intent } from './intent';
import { plan } from './plan';

const file = parseEstateFile(readFileSync(resolve(__dirname, '../../emulator/estates/contoso-health.json'), 'utf8'), 'demo');
const estate = normalize(file);
const now = Date.parse(file.capturedAt) / 1000;
const LZ = file.subscriptions[0]!.subscriptionId;
const RG = `/subscriptions/${LZ}/resourceGroups/rg-security-weu`;

const intent = (over: Partial<Intent> = {}): Intent => ({
  kind: 'lockstep.intent',
  version: 1,
  subscriptionId: LZ,
  resourceGroup: 'rg-security-weu',
  location: 'westeurope',
  keyVault: { create: { name: 'kv-chx-new-weu', sku: 'standard' } },
  key: { create: { name: 'des-key', kty: 'RSA', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } },
  diskEncryptionSet: { name: 'des-weu-new-01', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
  ...over,
});

describe('plan', () => {
  it('creates vault, key, DES, grant and verification in that order, with the principal bound from the DES result', () => {
    const r = plan(intent(), estate, { now });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.plan.steps.map((s) => [s.id, s.request.method, s.status])).toEqual([
      ['vault', 'PUT', 'pending'],
      ['key', 'PUT', 'pending'],
      ['des', 'PUT', 'pending'],
      ['grant', 'PUT', 'pending'],
      ['verify', 'GET', 'pending'],
      ['verify-grant', 'GET', 'pending'],
    ]);
    const vault = r.plan.steps[0]!.request.body as { properties: Record<string, unknown> };
    expect(vault.properties).toMatchObject({
      enableSoftDelete: true,
      enablePurgeProtection: true,
      enableRbacAuthorization: true,
      softDeleteRetentionInDays: 90,
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
    });
    expect(r.plan.steps[0]!.request.url).toBe(`${RG}/providers/Microsoft.KeyVault/vaults/kv-chx-new-weu?api-version=2026-02-01`);
    const grant = r.plan.steps[3]!;
    expect(grant.request.url).toMatch(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[0-9a-f-]{36}\?api-version=2022-04-01$/);
    expect(grant.bindings).toEqual([{ placeholder: '{{des.identity.principalId}}', step: 'des', path: 'identity.principalId' }]);
    expect(grant.request.body).toMatchObject({ properties: { principalId: '{{des.identity.principalId}}', principalType: 'ServicePrincipal' } });
    expect(r.plan.steps[2]!.bindings).toEqual([{ placeholder: '{{key.properties.keyUriWithVersion}}', step: 'key', path: 'properties.keyUriWithVersion' }]);
    expect(r.plan.warnings).toEqual([
      'Purge protection on kv-chx-new-weu cannot be turned off, and the name stays reserved for 90 days after the vault is deleted.',
    ]);
    expect(r.plan.requiredActions).toEqual([
      'Microsoft.Authorization/roleAssignments/write',
      'Microsoft.Compute/diskEncryptionSets/write',
      'Microsoft.KeyVault/vaults/keys/write',
      'Microsoft.KeyVault/vaults/write',
    ]);
    // The same intent plans the same role assignment name: a repeated PUT is harmless.
    const again = plan(intent(), estate, { now });
    expect(again.ok && again.plan.steps[3]!.request.url).toBe(grant.request.url);
  });

  it('validates names before anything else, one message per problem', () => {
    const problems = validateIntent(
      intent({
        keyVault: { create: { name: 'kv--bad', sku: 'standard' } },
        key: { create: { name: 'bad key', kty: 'RSA-HSM', size: 1024, rotateEveryDays: 3, expiresInDays: 2 } },
        diskEncryptionSet: { name: 'des with spaces', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
      }),
    );
    expect(problems).toEqual([
      'Key vault name "kv--bad" is not valid: use 3-24 letters, digits and hyphens, start with a letter, end with a letter or digit, and no double hyphen.',
      'Key name "bad key" is not valid: use 1-127 letters, digits and hyphens.',
      'Key size 1024 is not supported for managed disks: use 2048, 3072 or 4096 bits.',
      'An RSA-HSM key needs a premium key vault.',
      'The key must rotate at least 7 days after creation and before it expires.',
      'Disk encryption set name "des with spaces" is not valid: use 1-80 letters, digits, underscores and hyphens.',
    ]);
  });

  it('refuses an existing vault in another region and a vault name taken elsewhere', () => {
    const resWeu = [...estate.keyVaults.values()].find((v) => v.name === 'kv-chx-res-weu')!;
    const r = plan(intent({ location: 'northeurope', keyVault: { use: resWeu.id } }), estate, { now });
    expect(!r.ok && r.problems).toEqual([
      'Key vault kv-chx-res-weu is in westeurope; the disk encryption set will be in northeurope, and Azure requires both in the same region.',
    ]);
    const taken = plan(intent({ resourceGroup: 'rg-his-prod-weu', keyVault: { create: { name: 'kv-chx-prod-weu', sku: 'standard' } } }), estate, { now });
    expect(!taken.ok && taken.problems[0]).toContain('already taken');
    const legacy = [...estate.keyVaults.values()].find((v) => v.name === 'kv-chx-legacy-weu')!;
    const hsm = plan(
      intent({ keyVault: { use: legacy.id }, key: { create: { name: 'k1', kty: 'RSA-HSM', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } } }),
      estate,
      { now },
    );
    expect(!hsm.ok && hsm.problems).toEqual(['An RSA-HSM key needs a premium key vault; kv-chx-legacy-weu is standard.']);
    const elsewhere = plan(
      intent({
        location: 'northeurope',
        keyVault: { create: { name: 'kv-chx-new-neu', sku: 'standard' } },
        diskEncryptionSet: { name: 'des-weu-prod-01', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
      }),
      estate,
      { now },
    );
    expect(!elsewhere.ok && elsewhere.problems).toEqual([
      "Disk encryption set des-weu-prod-01 already exists in westeurope, not northeurope: the servers' target region. Choose another name.",
    ]);
  });

  it('repairs an existing vault (purge protection, flagged irreversible) and grants through an access policy when the vault uses them', () => {
    const legacy = [...estate.keyVaults.values()].find((v) => v.name === 'kv-chx-legacy-weu')!;
    const r = plan(intent({ keyVault: { use: legacy.id } }), estate, { now });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.plan.steps[0]).toMatchObject({ id: 'vault', request: { method: 'PATCH', body: { properties: { enablePurgeProtection: true } } } });
    expect(r.plan.warnings).toEqual(['Turning on purge protection for kv-chx-legacy-weu is irreversible.']);
    const grant = r.plan.steps.find((s) => s.id === 'grant')!;
    expect(grant.request.url).toBe(`${legacy.id}/accessPolicies/add?api-version=2026-02-01`);
    expect(grant.request.body).toMatchObject({
      properties: { accessPolicies: [{ objectId: '{{des.identity.principalId}}', permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } }] },
    });
  });

  it('marks what already exists as done', () => {
    const prod = [...estate.keyVaults.values()].find((v) => v.name === 'kv-chx-prod-weu')!;
    const key = [...estate.keys.values()].find((k) => k.name === 'des-key-prod')!;
    const r = plan(
      intent({
        keyVault: { use: prod.id },
        key: { use: key.id },
        diskEncryptionSet: { name: 'des-weu-prod-01', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
      }),
      estate,
      { now },
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.plan.steps.map((s) => [s.id, s.status])).toEqual([
      ['des', 'done'],
      ['grant', 'done'],
      ['verify', 'pending'],
      ['verify-grant', 'pending'],
    ]);
  });

  it('grants a user-assigned identity before the DES that uses it', () => {
    const uami = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-des`;
    const r = plan(
      intent({
        diskEncryptionSet: { name: 'des-weu-uami-01', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: { userAssigned: uami } },
      }),
      estate,
      { now },
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    // Not in the capture: the identity is read first and its principal bound into the grant.
    expect(r.plan.steps.map((s) => s.id)).toEqual(['vault', 'key', 'identity', 'grant', 'des', 'verify', 'verify-grant']);
    expect(r.plan.steps.find((s) => s.id === 'des')!.dependsOn).toEqual(['key', 'grant']);
    expect(r.plan.steps.find((s) => s.id === 'grant')!.bindings).toEqual([
      { placeholder: '{{identity.properties.principalId}}', step: 'identity', path: 'properties.principalId' },
    ]);
  });

  it("names a captured user-assigned identity's principal in the grant, with nothing left to bind", () => {
    const uami = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-des`;
    const principalId = '6f1d2c1e-3b7a-4c55-9d2e-0a1b2c3d4e5f';
    const withUami = normalize({
      ...file,
      resources: [
        ...file.resources,
        { id: uami, name: 'id-des', type: 'Microsoft.ManagedIdentity/userAssignedIdentities', location: 'westeurope', properties: { principalId } },
      ],
    });
    const r = plan(
      intent({
        diskEncryptionSet: { name: 'des-weu-uami-01', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: { userAssigned: uami } },
      }),
      withUami,
      { now },
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const grant = r.plan.steps.find((s) => s.id === 'grant')!;
    expect(grant.request.body).toMatchObject({ properties: { principalId } });
    expect(grant.bindings).toEqual([]);
  });
});

describe('a Managed HSM is not a key vault to plan in', () => {
  it('refuses an intent that would use the HSM, and the wizard lists it with the reason', async () => {
    const { vaultChoices } = await import('./draft');
    const hsm = [...estate.keyVaults.values()].find((v) => v.kind === 'managedHsm')!;
    const choice = vaultChoices(estate, 'westeurope').find((c) => c.value.id === hsm.id)!;
    expect(choice.problems[0]).toMatch(/^It is a Managed HSM: guided setup creates keys and grants in key vaults/);
    const r = plan(intent({ keyVault: { use: hsm.id }, key: { use: `${hsm.id}/keys/des-hsm-key` } }), estate, { now });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toContain(
      "hsm-chx-weu is a Managed HSM: Lockstep plans keys and grants in key vaults only (an HSM's keys and local RBAC are not managed through ARM).",
    );
    const { fixFor } = await import('./fixits');
    expect(fixFor('LS-KV-002', hsm.id, estate, { now })).toBeUndefined();
  });
});

describe('problems are data: each names the intent field it is about', () => {
  it('puts every problem at its field, so the wizard shows it under that field', () => {
    const r = plan(
      intent({
        resourceGroup: 'rg.',
        keyVault: { create: { name: 'kv--x', sku: 'standard' } },
        key: { create: { name: 'bad key', kty: 'RSA', size: 1024, rotateEveryDays: 3, expiresInDays: 2 } },
        diskEncryptionSet: { name: 'des!', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
      }),
      estate,
      { now },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((p) => p.path)).toEqual([
      'resourceGroup',
      'keyVault.create.name',
      'key.create.name',
      'key.create.size',
      'key.create.rotateEveryDays',
      'diskEncryptionSet.name',
    ]);
    expect(r.problems).toEqual(r.issues.map((p) => p.message));
  });
});

describe('the intent schema', () => {
  it('accepts an intent and refuses a draft whose intent lost its shape', async () => {
    const { intentShape } = await import('./intent');
    expect(intentShape(intent())).toBeDefined();
    expect(intentShape({ ...intent(), keyVault: { create: { name: 'kv-x', sku: 'gold' } } })).toBeUndefined();
    expect(intentShape({ ...intent(), diskEncryptionSet: undefined })).toBeUndefined();
    expect(intentShape('not an intent')).toBeUndefined();
  });
});

describe('the policy guard', () => {
  const INFRA = `/subscriptions/${LZ}/resourceGroups/rg-infra-prod-weu`;
  const NEW_DES = `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-weu-new-01`;
  const PROD_DES = `${RG}/providers/Microsoft.Compute/diskEncryptionSets/des-weu-prod-01`;
  const withGuard = (allowed: string[]) =>
    normalize({
      ...file,
      resources: [
        ...file.resources,
        {
          id: `${INFRA}/providers/Microsoft.Authorization/policyAssignments/lockstep-approved-des`,
          name: 'lockstep-approved-des',
          type: 'Microsoft.Authorization/policyAssignments',
          properties: {
            policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/d461a302-a187-421a-89ac-84acdb4edc04',
            scope: INFRA,
            notScopes: [],
            enforcementMode: 'Default',
            parameters: { allowedEncryptionSets: { value: allowed }, effect: { value: 'Deny' } },
          },
        },
      ],
    });

  it('assigns d461a302 in Deny on the target group after the DES and its grant are verified, allowing the DES', () => {
    const r = plan(intent({ policyGuard: { resourceGroups: [INFRA] } }), estate, { now });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const guard = r.plan.steps.at(-1)!;
    expect(guard).toMatchObject({
      id: 'guard-0',
      status: 'pending',
      dependsOn: ['verify', 'verify-grant'],
      action: 'Microsoft.Authorization/policyAssignments/write',
      scope: INFRA,
      request: {
        method: 'PUT',
        url: `${INFRA}/providers/Microsoft.Authorization/policyAssignments/lockstep-approved-des?api-version=2023-04-01`,
        body: {
          properties: {
            policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/d461a302-a187-421a-89ac-84acdb4edc04',
            enforcementMode: 'Default',
            parameters: { allowedEncryptionSets: { value: [NEW_DES] }, effect: { value: 'Deny' } },
          },
        },
      },
    });
    expect(r.plan.requiredActions).toContain('Microsoft.Authorization/policyAssignments/write');
    // The file servers replicate there under a platform key and KIOSK-MGMT-01 under another set: the guard would refuse
    // their next disks, and the plan names them.
    const warning = r.plan.warnings.find((w) => w.startsWith('Once the guard is assigned'))!;
    expect(warning).toMatch(/FILE-SRV-01.*KIOSK-MGMT-01.*in rg-infra-prod-weu.*re-replicated with des-weu-new-01/);
    expect(warning).not.toMatch(/EPD|CTRL/);
  });

  it('keeps the sets an earlier guard allows, and is done when it already allows the DES', () => {
    const again = plan(intent({ policyGuard: { resourceGroups: [INFRA] } }), withGuard([PROD_DES]), { now });
    if (!again.ok) throw new Error(again.problems.join('\n'));
    const body = again.plan.steps.at(-1)!.request.body as { properties: { parameters: { allowedEncryptionSets: { value: string[] } } } };
    expect(body.properties.parameters.allowedEncryptionSets.value).toEqual([NEW_DES, PROD_DES.toLowerCase()]);
    const done = plan(intent({ policyGuard: { resourceGroups: [INFRA] } }), withGuard([NEW_DES]), { now });
    if (!done.ok) throw new Error(done.problems.join('\n'));
    expect(done.plan.steps.at(-1)!.status).toBe('done');
    expect(done.plan.requiredActions).not.toContain('Microsoft.Authorization/policyAssignments/write');
  });

  it('refuses a guard scope that is not a resource group of the DES subscription', () => {
    const r = plan(
      intent({ policyGuard: { resourceGroups: ['/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-x', `${INFRA}/providers/x`] } }),
      estate,
      { now },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        path: 'policyGuard.resourceGroups.0',
        message: `The policy guard's scope rg-x is in subscription 00000000-0000-0000-0000-000000000001; the disk encryption set is in ${LZ}, and disks can only use a set in their own subscription.`,
      },
      { path: 'policyGuard.resourceGroups.1', message: expect.stringContaining('is not a resource group id') },
    ]);
  });
});

describe('preflight: Azure Policy against the plan', () => {
  it('names a Deny assignment that will refuse the new set where the servers land, and only that', async () => {
    const { policyConflicts } = await import('./preflight');
    const r = plan(intent(), estate, { now });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const server = (name: string) => estate.servers.find((s) => s.machineName === name)!;
    const [message, ...more] = policyConflicts(r.plan, estate, [server('CTRL-APP-01'), server('CTRL-APP-02'), server('FILE-SRV-01')]);
    expect(more).toEqual([]);
    expect(message).toBe(
      "Policy assignment 'EHR disks use the EHR disk encryption sets' (Deny, at rg-his-prod-weu) refuses disks under des-weu-new-01: the replica disks of CTRL-APP-01, CTRL-APP-02 would be refused, so their replication fails. Have the assignment allow des-weu-new-01, or choose a disk encryption set it allows.",
    );
    expect(policyConflicts(r.plan, estate, [server('FILE-SRV-01')])).toEqual([]);
  });
});
