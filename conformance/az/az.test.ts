/**
 * The Azure CLI conformance suite: the official client, no one here wrote it, against the local Azure. It signs in,
 * reads what a migration engineer reads every day, is refused a write as a Reader is, runs Lockstep's exported script
 * for a new encryption chain twice (the second run changes nothing), and a live scan then shows the servers ready.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBS, USERS, WORKSPACE } from '../../emulator/src/demo';
import { normalize } from '../../lib/estate/normalize';
import { plan } from '../../lib/provisioning/plan';
import { renderAzCli } from '../../lib/provisioning/render';
import { planReenable } from '../../lib/provisioning/reenable';
import { azAvailable, runProcess, startAzHarness } from './harness';

const version = azAvailable();

let h: Awaited<ReturnType<typeof startAzHarness>>;

beforeAll(async () => {
  // Not skipped: npm test installs the Azure CLI the way it installs Chromium, or stops and says what to install.
  if (!version)
    throw new Error(
      'The Azure CLI (az) is not installed. Debian/Ubuntu: sudo apt-get install azure-cli; elsewhere: https://learn.microsoft.com/cli/azure/install-azure-cli',
    );
  h = await startAzHarness();
  for (const who of ['consultant', 'ciso', 'engineer'] as const) {
    for (const step of await h.signIn(who)) expect(step.status, step.stderr).toBe(0);
  }
});
afterAll(async () => {
  await h?.close();
});

const json = <T>(r: { status: number; stdout: string; stderr: string }): T => {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};
const LZ_RG = 'rg-security-weu';

describe(`the Azure CLI ${version ?? '(missing)'} against the local Azure`, () => {
  it('signs in with the password grant and lists the subscriptions the person can see', async () => {
    const subs = json<{ name: string; tenantId: string }[]>(await h.az('consultant', ['account', 'list', '--output', 'json']));
    expect(subs.map((s) => s.name).sort()).toEqual(h.estate.subscriptions.map((s) => s.displayName).sort());
    expect(subs.every((s) => s.tenantId === h.estate.tenantId)).toBe(true);
  });

  it('lists resource groups, disk encryption sets and key vaults, with and without a resource group', async () => {
    const groups = json<{ name: string }[]>(await h.az('consultant', ['group', 'list', '--subscription', SUBS.landing, '--output', 'json']));
    expect(groups.map((g) => g.name)).toContain(LZ_RG);
    const des = json<{ name: string }[]>(await h.az('consultant', ['disk-encryption-set', 'list', '--subscription', SUBS.landing, '--output', 'json']));
    expect(des.map((d) => d.name)).toEqual(expect.arrayContaining(['des-weu-prod-01', 'des-weu-hsm-01', 'des-weu-fabrikam-01']));
    const one = json<{ name: string; encryptionType: string }>(
      await h.az('consultant', ['disk-encryption-set', 'show', '--subscription', SUBS.landing, '-g', LZ_RG, '-n', 'des-weu-prod-01', '--output', 'json']),
    );
    expect(one).toMatchObject({ name: 'des-weu-prod-01', encryptionType: 'EncryptionAtRestWithCustomerKey' });
    // Without -g, az finds vaults through the generic resource list (api-version 2015-11-01).
    const everywhere = json<{ name: string }[]>(await h.az('consultant', ['keyvault', 'list', '--subscription', SUBS.landing, '--output', 'json']));
    const inGroup = json<{ name: string }[]>(await h.az('consultant', ['keyvault', 'list', '--subscription', SUBS.landing, '-g', LZ_RG, '--output', 'json']));
    expect(everywhere.map((v) => v.name).sort()).toEqual(inGroup.map((v) => v.name).sort());
    expect(everywhere.map((v) => v.name)).toContain('kv-chx-prod-weu');
    for (const args of [
      ['keyvault', 'show', '-n', 'kv-chx-prod-weu'],
      ['keyvault', 'show', '-n', 'kv-chx-prod-weu', '-g', LZ_RG],
    ]) {
      expect(
        json<{ properties: { enablePurgeProtection: boolean } }>(await h.az('consultant', [...args, '--subscription', SUBS.landing, '--output', 'json']))
          .properties.enablePurgeProtection,
      ).toBe(true);
    }
  });

  it("lists role assignments at a scope with names from Microsoft Graph, the resource providers, and a group's resources", async () => {
    const assignments = json<{ principalName: string; roleDefinitionName: string }[]>(
      await h.az('consultant', ['role', 'assignment', 'list', '--scope', `/subscriptions/${SUBS.landing}`, '--output', 'json']),
    );
    expect(assignments.map((a) => [a.principalName, a.roleDefinitionName])).toContainEqual([USERS.consultant.userPrincipalName, 'Owner']);
    const providers = json<{ namespace: string; registrationState: string }[]>(
      await h.az('consultant', ['provider', 'list', '--subscription', SUBS.landing, '--output', 'json']),
    );
    expect(providers.find((p) => p.namespace === 'Microsoft.Compute')?.registrationState).toBe('Registered');
    const kv = json<{ namespace: string }>(
      await h.az('consultant', ['provider', 'show', '--namespace', 'Microsoft.KeyVault', '--subscription', SUBS.landing, '--output', 'json']),
    );
    expect(kv.namespace).toBe('Microsoft.KeyVault');
    const resources = json<{ type: string; resourceGroup: string }[]>(
      await h.az('consultant', ['resource', 'list', '-g', LZ_RG, '--subscription', SUBS.landing, '--output', 'json']),
    );
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.every((r) => r.resourceGroup.toLowerCase() === LZ_RG)).toBe(true);
    expect(resources.map((r) => r.type)).toContain('Microsoft.KeyVault/vaults');
  });

  it("refuses a Reader's write with ARM's 403 text", async () => {
    const r = await h.az('ciso', [
      'keyvault',
      'update',
      '--subscription',
      SUBS.landing,
      '-g',
      LZ_RG,
      '-n',
      'kv-chx-legacy-weu',
      '--enable-purge-protection',
      'true',
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('AuthorizationFailed');
    expect(r.stderr).toContain(
      `The client '${USERS.ciso.userPrincipalName}' with object id '${USERS.ciso.objectId}' does not have authorization to perform action 'Microsoft.KeyVault/vaults/write'`,
    );
  });

  it.each([
    ['an agentless (VMwareCbt) server', 'FILE-SRV-03'],
    ['an agent-based (InMageRcm) server', 'DENTAL-APP-01'],
  ])("runs Lockstep's exported re-replication script for %s: it replicates again under the DES, and a second run leaves it alone", async (_kind, server) => {
    const estate = normalize(h.estate);
    const des = [...estate.diskEncryptionSets.values()].find((d) => d.name === 'des-weu-prod-01')!.id;
    const r = planReenable(estate, [server], des, { now: Math.floor(Date.now() / 1000) });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const script = `export LOCKSTEP_POLL_SECONDS=1\n${renderAzCli(r.plan)}`;
    const first = await h.bash('engineer', script);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Stopped replicating ${server}.`);
    expect(first.stdout).toContain(`Replication of ${server} enabled with the disk encryption set on every disk.`);
    expect(first.stdout).toContain(`Verified: every disk of ${server} replicates under`);

    const second = await h.bash('engineer', script);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`${server} already replicates under the planned disk encryption set: skipped.`);
    expect(second.stdout).not.toContain('Stopped replicating');

    const item = r.plan.steps.find((s) => s.id === 'verify-1')!.request.url;
    const disks = json<string[]>(
      await h.az('engineer', [
        'rest',
        '--method',
        'get',
        '--url',
        item,
        '--query',
        'properties.providerSpecificDetails.protectedDisks[].diskEncryptionSetId',
        '--output',
        'json',
      ]),
    );
    expect(disks.length).toBeGreaterThan(0);
    expect(disks.every((d) => d.toLowerCase() === des.toLowerCase())).toBe(true);
  });

  it("runs Lockstep's exported script for a new chain end to end, runs it again without an error or a duplicate, and a live scan then shows the servers ready", async () => {
    // The plan the wizard makes for DICT-APP-01/02, which wait for des-weu-prod-02 (it does not exist yet).
    const estate = normalize(h.estate);
    const r = plan(
      {
        kind: 'lockstep.intent',
        version: 1,
        subscriptionId: SUBS.landing,
        resourceGroup: LZ_RG,
        location: 'westeurope',
        keyVault: { create: { name: 'kv-chx-prod-02', sku: 'standard' } },
        key: { create: { name: 'des-weu-prod-02-key', kty: 'RSA', size: 3072, rotateEveryDays: 365, expiresInDays: 730 } },
        diskEncryptionSet: { name: 'des-weu-prod-02', encryptionType: 'EncryptionAtRestWithCustomerKey', autoRotate: true, identity: 'SystemAssigned' },
        auditLogs: { workspaceId: WORKSPACE },
        // The guard on the group they land in, as an Owner of the landing zone may assign it.
        policyGuard: { resourceGroups: [`/subscriptions/${SUBS.landing}/resourceGroups/rg-clinical-prod-weu`] },
      },
      estate,
      { now: Math.floor(Date.now() / 1000) },
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const script = renderAzCli(r.plan);
    const first = await h.bash('consultant', script);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Created key vault kv-chx-prod-02.');
    expect(first.stdout).toContain('Created disk encryption set des-weu-prod-02.');
    expect(first.stdout).toContain('Verified: disk encryption set des-weu-prod-02 is Succeeded');
    expect(first.stdout).toContain('Key Vault Crypto Service Encryption User on kv-chx-prod-02');
    expect(first.stdout).toContain('Policy assignment lockstep-approved-des at rg-clinical-prod-weu: Deny disks in rg-clinical-prod-weu');

    const second = await h.bash('consultant', script);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('Key vault kv-chx-prod-02 exists');
    expect(second.stdout).toContain('Disk encryption set des-weu-prod-02 exists');
    expect(second.stdout).toMatch(/The grant [0-9a-f-]{36} on kv-chx-prod-02 exists\./);
    expect(second.stdout).not.toContain('Created');

    const vaults = json<{ name: string }[]>(await h.az('consultant', ['keyvault', 'list', '--subscription', SUBS.landing, '--output', 'json']));
    expect(vaults.filter((v) => v.name === 'kv-chx-prod-02')).toHaveLength(1);
    const grants = json<unknown[]>(
      await h.az('consultant', [
        'role',
        'assignment',
        'list',
        '--scope',
        vaults.length ? `/subscriptions/${SUBS.landing}/resourceGroups/${LZ_RG}/providers/Microsoft.KeyVault/vaults/kv-chx-prod-02` : '',
        '--output',
        'json',
      ]),
    );
    expect(grants).toHaveLength(1);
    // The guard, as az itself reads it back: Deny, allowing the new set, on the group.
    const guard = json<{ scope: string; parameters: { effect: { value: string }; allowedEncryptionSets: { value: string[] } } }>(
      await h.az('consultant', [
        'policy',
        'assignment',
        'show',
        '--name',
        'lockstep-approved-des',
        '--scope',
        `/subscriptions/${SUBS.landing}/resourceGroups/rg-clinical-prod-weu`,
        '--output',
        'json',
      ]),
    );
    expect(guard.parameters.effect.value).toBe('Deny');
    expect(guard.parameters.allowedEncryptionSets.value.map((x) => x.toLowerCase())).toEqual([
      `/subscriptions/${SUBS.landing}/resourceGroups/${LZ_RG}/providers/Microsoft.Compute/diskEncryptionSets/des-weu-prod-02`.toLowerCase(),
    ]);

    // The live scan Lockstep itself runs, over the same TLS, as a person would after the change.
    const scan = await runProcess(
      process.execPath,
      [
        resolve(__dirname, '../../node_modules/tsx/dist/cli.mjs'),
        resolve(__dirname, '../../cli/scan.ts'),
        '--cloud',
        'local',
        '--emulator',
        h.arm,
        '--user',
        USERS.consultant.userPrincipalName,
        '--password',
        'Lockstep-demo-2026',
      ],
      { ...process.env, NODE_EXTRA_CA_CERTS: h.tls.caFile },
      120_000,
    );
    expect(scan.status, scan.stderr).toBe(0);
    const doc = JSON.parse(scan.stdout) as { servers: { name: string; verdict: string }[] };
    expect(doc.servers.filter((s) => s.name.startsWith('DICT-APP-')).map((s) => [s.name, s.verdict])).toEqual([
      ['DICT-APP-01', 'ready'],
      ['DICT-APP-02', 'ready'],
    ]);
  });

  it('never reached past localhost: everything else was refused by the proxy', async () => {
    expect(h.attempts.every((a) => !/localhost|127\.0\.0\.1/.test(a))).toBe(true);
  });
});
