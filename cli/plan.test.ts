import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlan } from './plan';

const estatePath = resolve(__dirname, '../emulator/estates/contoso-health.json');
const estate = JSON.parse(readFileSync(estatePath, 'utf8')) as {
  subscriptions: { subscriptionId: string }[];
  resources: { id: string; name: string; type: string }[];
};
const LZ = estate.subscriptions[0]!.subscriptionId;
const central = estate.resources.find((r) => r.name === 'kv-chx-central-weu')!.id;

const intent = (over: Record<string, unknown> = {}) => ({
  kind: 'lockstep.intent',
  version: 1,
  subscriptionId: LZ,
  resourceGroup: 'rg-security-weu',
  location: 'westeurope',
  keyVault: { create: { name: 'kv-chx-dict-weu', sku: 'standard' } },
  key: { create: { name: 'des-key-dict', kty: 'RSA', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } },
  diskEncryptionSet: { name: 'des-weu-prod-02', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
  ...over,
});
const files = (i: unknown) => (p: string) => (p === 'intent.json' ? JSON.stringify(i) : readFileSync(p, 'utf8'));
const run = (i: unknown, format = 'json') =>
  runPlan(['--estate', estatePath, '--intent', 'intent.json', '--format', format, '--now', '2026-11-29T12:00:00Z'], files(i));

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
    const r = run(
      intent({ keyVault: { use: central }, key: { create: { name: 'des-key-lz', kty: 'RSA-HSM', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } } }),
      'bicep',
    );
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
    const cmds = r.stdout
      .split('\n')
      .map((l) =>
        l
          .trim()
          .replace(/^if /, '')
          .replace(/^(read -r [A-Z_ ]+<<<"\$\(|[A-Z_]+=\$\()/, ''),
      )
      .filter((l) => l.startsWith('az '))
      .map((l) => l.split(' ').slice(0, 3).join(' '));
    // Safe to run again: a probe before each create decides between creating and updating; verifications read back.
    expect(cmds).toEqual([
      'az account set',
      'az keyvault show',
      'az keyvault update',
      'az keyvault create',
      'az rest --method',
      'az disk-encryption-set show',
      'az disk-encryption-set update',
      'az disk-encryption-set create',
      'az disk-encryption-set show',
      'az role assignment',
      'az role assignment',
      'az disk-encryption-set show',
      'az role assignment',
    ]);
    expect(r.stdout).toContain('az rest --method put --url "/subscriptions/');
    expect(r.stdout).not.toContain('https://management.azure.com');
    expect(r.stdout).toContain('--assignee-object-id "${DES_PRINCIPAL_ID}" --assignee-principal-type ServicePrincipal');
    expect(r.stdout).toContain('--key-url "${KEY_URL}"');
  });

  it('exits 2 with one line per problem for an invalid intent', () => {
    const r = run(
      intent({
        keyVault: { create: { name: 'kv--x', sku: 'standard' } },
        key: { create: { name: 'k', kty: 'EC', size: 256, rotateEveryDays: 365, expiresInDays: 730 } },
      }),
    );
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

/**
 * No Bicep compiler or az CLI is available offline, so the renderings are checked against the
 * language's and the tools' documented shapes: declarations, symbols declared before use,
 * resource types with api-versions that exist, and each az command's documented flags.
 */
describe('the renderings follow Bicep and az as documented', () => {
  const TYPES: Record<string, string[]> = {
    'Microsoft.KeyVault/vaults': ['2026-02-01', '2025-05-01', '2024-11-01', '2023-07-01'],
    'Microsoft.KeyVault/vaults/keys': ['2026-02-01', '2025-05-01', '2024-11-01', '2023-07-01'],
    'Microsoft.KeyVault/vaults/accessPolicies': ['2026-02-01', '2025-05-01', '2024-11-01', '2023-07-01'],
    'Microsoft.Compute/diskEncryptionSets': ['2025-01-02', '2024-03-02', '2023-10-02'],
    'Microsoft.Authorization/roleAssignments': ['2022-04-01'],
    'Microsoft.Insights/diagnosticSettings': ['2021-05-01-preview'],
    'Microsoft.ManagedIdentity/userAssignedIdentities': ['2023-01-31'],
  };
  const bicepProblems = (file: string): string[] => {
    const problems: string[] = [];
    const declared = new Set<string>();
    let depth = 0;
    for (const [n, line] of file.split('\n').entries()) {
      if (line.trim().startsWith('//')) continue;
      const decl = line.match(/^(resource|module|param|output) (\w+) /);
      const res = line.match(/^resource (\w+) '([^'@]+)@([^']+)'( existing)? = \{$/);
      if (decl?.[1] === 'resource' && !res) problems.push(`line ${n + 1}: not a resource declaration: ${line}`);
      if (res && !TYPES[res[2]!]?.includes(res[3]!)) problems.push(`line ${n + 1}: ${res[2]}@${res[3]} is not a known type and api-version`);
      // Every symbol used in an expression is declared above it.
      for (const m of line.replace(/'(?:[^'\\]|\\.)*'/g, "''").matchAll(/\b([a-zA-Z_]\w*)\.(properties|identity|outputs|id)\b/g))
        if (!declared.has(m[1]!)) problems.push(`line ${n + 1}: ${m[1]} is used before it is declared`);
      for (const m of line.matchAll(/^\s*(?:parent|scope): (\w+)$/g))
        if (!declared.has(m[1]!)) problems.push(`line ${n + 1}: ${m[1]} is used before it is declared`);
      if (decl && decl[1] !== 'output') declared.add(decl[2]!);
      depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
      if (depth < 0) problems.push(`line ${n + 1}: unbalanced braces`);
    }
    if (depth !== 0) problems.push('unbalanced braces at the end');
    if (file.includes('{{')) problems.push('an unresolved placeholder');
    return problems;
  };
  const FLAGS: Record<string, string[]> = {
    'account set': ['--subscription'],
    'keyvault create': [
      '--name',
      '--resource-group',
      '--location',
      '--sku',
      '--retention-days',
      '--enable-purge-protection',
      '--enable-rbac-authorization',
      '--default-action',
      '--bypass',
    ],
    'keyvault update': ['--name', '--resource-group', '--enable-purge-protection', '--bypass', '--default-action'],
    'keyvault show': ['--name', '--resource-group', '--query', '--output'],
    'keyvault set-policy': ['--name', '--resource-group', '--object-id', '--key-permissions'],
    'monitor diagnostic-settings': ['--name', '--resource', '--workspace', '--logs', '--metrics'],
    'rest --method': ['--method', '--url', '--body', '--query', '--output'],
    'disk-encryption-set create': [
      '--name',
      '--resource-group',
      '--location',
      '--key-url',
      '--source-vault',
      '--encryption-type',
      '--enable-auto-key-rotation',
      '--mi-system-assigned',
      '--mi-user-assigned',
    ],
    'disk-encryption-set update': ['--name', '--resource-group', '--enable-auto-key-rotation', '--key-url', '--source-vault'],
    'disk-encryption-set show': ['--name', '--resource-group', '--query', '--output'],
    'identity show': ['--ids', '--query', '--output'],
    'role assignment': ['--name', '--assignee-object-id', '--assignee-principal-type', '--role', '--scope', '--query', '--output'],
  };
  const azProblems = (script: string): string[] =>
    script
      .split('\n')
      .flatMap((l) => [...l.matchAll(/(?:^|\$\()az ([^)]*)/g)].map((m) => m[1]!))
      .flatMap((cmd) => {
        const group = Object.keys(FLAGS).find((g) => cmd.startsWith(g));
        if (!group) return [`unknown command: az ${cmd}`];
        const flags = [...cmd.replace(/'[^']*'|"[^"]*"/g, '').matchAll(/(--[a-z-]+)/g)].map((m) => m[1]!);
        // az's global arguments go with every command.
        const global = ['--output', '--query', '--subscription', '--only-show-errors'];
        return flags.filter((f) => !FLAGS[group]!.includes(f) && !global.includes(f)).map((f) => `az ${group}: ${f} is not one of its flags`);
      });

  const intents = {
    'new vault': intent(),
    'vault in another resource group': intent({
      keyVault: { use: central },
      key: { create: { name: 'des-key-lz', kty: 'RSA-HSM', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } },
    }),
    'access-policy vault, user-assigned identity': intent({
      keyVault: { use: estate.resources.find((r) => r.name === 'kv-chx-dbl-weu')!.id },
      diskEncryptionSet: {
        name: 'des-weu-uami-01',
        encryptionType: 'EncryptionAtRestWithPlatformAndCustomerKeys',
        autoRotate: true,
        identity: { userAssigned: `/subscriptions/${LZ}/resourceGroups/rg-security-weu/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-des` },
      },
    }),
  };
  for (const [name, i] of Object.entries(intents)) {
    it(`${name}: Bicep and az`, () => {
      const bicep = run(i, 'bicep');
      expect(bicep.code).toBe(0);
      for (const file of bicep.stdout.split(/^\/\/ ===== .* =====$/m).filter((f) => f.trim())) expect(bicepProblems(file)).toEqual([]);
      const az = run(i, 'azcli');
      expect(azProblems(az.stdout)).toEqual([]);
      expect(az.stdout).not.toContain('{{');
    });
  }

  it('the checks catch what they look for', () => {
    expect(
      bicepProblems(
        "resource des 'Microsoft.Compute/diskEncryptionSets@2019-01-01' = {\n  name: 'x'\n  properties: {\n    keyUrl: key.properties.keyUriWithVersion\n  }\n",
      ),
    ).toEqual([
      'line 1: Microsoft.Compute/diskEncryptionSets@2019-01-01 is not a known type and api-version',
      'line 4: key is used before it is declared',
      'unbalanced braces at the end',
    ]);
    expect(azProblems('az disk-encryption-set create --name d --identity-type SystemAssigned\naz vm create')).toEqual([
      'az disk-encryption-set create: --identity-type is not one of its flags',
      'unknown command: az vm create',
    ]);
  });
});

describe('npm run plan --reenable', () => {
  const des = estate.resources.find((r) => r.name === 'des-weu-prod-01')!.id;
  const reenable = (servers: string[], format = 'json') =>
    runPlan(['--estate', estatePath, ...servers.flatMap((s) => ['--reenable', s]), '--des', des, '--format', format, '--now', '2026-11-29T12:00:00Z']);

  it('prints the re-replication plan in each format', () => {
    const json = reenable(['FILE-SRV-01']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { steps: { id: string }[] }).steps.map((s) => s.id)).toEqual(['disable-1', 'enable-1', 'verify-1']);
    expect(reenable(['FILE-SRV-01'], 'azcli').stdout).toContain('az rest --method delete');
    expect(reenable(['FILE-SRV-01'], 'powershell').stdout).toContain('New-AzMigrateServerReplication');
  });

  it('exits 2 with one line per refused server, and nothing on stdout', () => {
    const r = reenable(['FILE-SRV-01', 'RES-WS-01', 'NOPE-01']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toEqual([
      'RES-WS-01 lands in northeurope; disk encryption set des-weu-prod-01 is in westeurope. Azure Migrate offers a DES only in the target region.',
      'NOPE-01: no replicating server has this machine name or item id.',
    ]);
  });
});
