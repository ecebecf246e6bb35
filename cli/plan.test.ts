import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlan } from './plan';

const estatePath = resolve(__dirname, '../emulator/estates/contoso-health.json');
const estate = JSON.parse(readFileSync(estatePath, 'utf8')) as { subscriptions: { subscriptionId: string }[]; resources: { id: string; name: string; type: string }[] };
const LZ = estate.subscriptions[0]!.subscriptionId;
const central = estate.resources.find((r) => r.name === 'kv-chx-central-weu')!.id;

const intent = (over: Record<string, unknown> = {}) => ({
  kind: 'lockstep.intent', version: 1, subscriptionId: LZ, resourceGroup: 'rg-security-weu', location: 'westeurope',
  keyVault: { create: { name: 'kv-chx-dict-weu', sku: 'standard' } },
  key: { create: { name: 'des-key-dict', kty: 'RSA', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } },
  diskEncryptionSet: { name: 'des-weu-prod-02', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
  ...over,
});
const files = (i: unknown) => (p: string) => (p === 'intent.json' ? JSON.stringify(i) : readFileSync(p, 'utf8'));
const run = (i: unknown, format = 'json') => runPlan(['--estate', estatePath, '--intent', 'intent.json', '--format', format, '--now', '2026-11-29T12:00:00Z'], files(i));

describe('npm run plan', () => {
  it('prints the plan as JSON with URLs relative to the ARM endpoint', () => {
    const r = run(intent());
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { kind: string; steps: { id: string; request: { url: string } }[] };
    expect(plan.kind).toBe('lockstep.plan');
    expect(plan.steps.map((s) => s.id)).toEqual(['vault', 'key', 'des', 'grant', 'verify', 'verify-grant']);
    for (const s of plan.steps) expect(s.request.url).toMatch(/^\/subscriptions\/[^?]+\?api-version=\d{4}-\d{2}-\d{2}(-preview)?$/);
  });

  it('renders Bicep that references, rather than copies, values from earlier resources', () => {
    const r = run(intent(), 'bicep');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("targetScope = 'resourceGroup'");
    expect(r.stdout).toContain("resource kv 'Microsoft.KeyVault/vaults@2026-02-01' = {");
    expect(r.stdout).toContain("resource key 'Microsoft.KeyVault/vaults/keys@2026-02-01' = {\n  parent: kv");
    expect(r.stdout).toContain('keyUrl: key.properties.keyUriWithVersion');
    expect(r.stdout).toContain("resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  scope: kv");
    expect(r.stdout).toContain('principalId: des.identity.principalId');
    expect(r.stdout).not.toContain('{{');
  });

  it('puts work on a vault in another resource group into modules scoped there', () => {
    const r = run(intent({ keyVault: { use: central }, key: { create: { name: 'des-key-lz', kty: 'RSA-HSM', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } } }), 'bicep');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("module step1 'step1-rg-keys-weu.bicep' = {");
    expect(r.stdout).toContain('keyUrl: step1.outputs.keyKeyUriWithVersion');
    expect(r.stdout).toContain('desPrincipalId: des.identity.principalId');
    expect(r.stdout).toContain('// ===== step3-rg-keys-weu.bicep =====\n');
    expect(r.stdout).toContain('param desPrincipalId string');
    expect(r.stdout).toContain('principalId: desPrincipalId');
  });

  it('renders an Azure CLI script that passes the DES principal from one command to the next', () => {
    const r = run(intent(), 'azcli');
    expect(r.code).toBe(0);
    const cmds = r.stdout.split('\n').filter((l) => /^(az |[A-Z_]+=\$\(az )/.test(l)).map((l) => l.replace(/^[A-Z_]+=\$\(/, '').split(' ').slice(0, 3).join(' '));
    expect(cmds).toEqual(['az account set', 'az keyvault create', 'az rest --method', 'az disk-encryption-set create', 'az disk-encryption-set show', 'az role assignment', 'az disk-encryption-set show', 'az role assignment']);
    expect(r.stdout).toContain('--assignee-object-id "${DES_PRINCIPAL_ID}" --assignee-principal-type ServicePrincipal');
    expect(r.stdout).toContain('--key-url "${KEY_URL}"');
  });

  it('exits 2 with one line per problem for an invalid intent', () => {
    const r = run(intent({ keyVault: { create: { name: 'kv--x', sku: 'standard' } }, key: { create: { name: 'k', kty: 'EC', size: 256, rotateEveryDays: 365, expiresInDays: 730 } } }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toEqual([
      'Key vault name "kv--x" is not valid: use 3-24 letters, digits and hyphens, start with a letter, end with a letter or digit, and no double hyphen.',
      'Key type EC cannot encrypt managed disks: use RSA or RSA-HSM.',
      'Key size 256 is not supported for managed disks: use 2048, 3072 or 4096 bits.',
    ]);
    const shape = run({ kind: 'lockstep.intent', version: 1 });
    expect(shape.code).toBe(2);
    expect(shape.stderr[0]).toBe('subscriptionId is required (a string).');
    expect(runPlan(['--estate', estatePath]).code).toBe(2);
  });
});
