/** Re-replication plans on named fixtures: every setting carried over, the DELETE before the PUT, each refusal in words. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateFile, type EstateFile } from '../estate/file';
import { normalize } from '../estate/normalize';
import { desCandidates, findServer, planReenable, seedHours } from './reenable';
import { evaluate } from '../readiness/evaluate';
import { renderAzCli } from './render/azcli';
import { renderPowerShell } from './render/powershell';

const text = readFileSync(resolve(__dirname, '../../emulator/estates/contoso-health.json'), 'utf8');
const demo = () => parseEstateFile(text, 'demo');
const now = Date.parse(demo().capturedAt) / 1000;
const idOf = (file: EstateFile, name: string) => file.resources.find((r) => r.name === name)!.id;
const itemOf = (file: EstateFile, machine: string) =>
  file.resources.find((r) => /replicationMigrationItems$/i.test(r.type) && (r.properties as { machineName?: string }).machineName === machine)!;
type Details = Record<string, unknown> & { protectedDisks: Record<string, unknown>[] };
const detailsOf = (file: EstateFile, machine: string) => (itemOf(file, machine).properties as { providerSpecificDetails: Details }).providerSpecificDetails;

/** The plan for these servers under des-weu-prod-01, after `change` edits the estate. */
function reenable(servers: string[], change: (f: EstateFile) => void = () => undefined, des = 'des-weu-prod-01') {
  const file = demo();
  change(file);
  return { file, r: planReenable(normalize(file), servers, idOf(file, des), { now }) };
}
const refusals = (r: ReturnType<typeof planReenable>) => (r.ok ? [] : r.problems.map((p) => p.message));

describe('re-replicate under a customer key', () => {
  it('disables, enables again and verifies each server in turn, with the DELETE before the PUT', () => {
    const { r } = reenable(['FILE-SRV-01', 'PRINT-SRV-01']);
    if (!r.ok) throw new Error(refusals(r).join('\n'));
    expect(r.plan.steps.map((s) => [s.id, s.request.method, s.dependsOn])).toEqual([
      ['disable-1', 'DELETE', []],
      ['enable-1', 'PUT', ['disable-1']],
      ['verify-1', 'GET', ['enable-1']],
      ['disable-2', 'DELETE', ['verify-1']],
      ['enable-2', 'PUT', ['disable-2']],
      ['verify-2', 'GET', ['enable-2']],
    ]);
    expect(r.plan.requiredActions).toEqual([
      'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems/delete',
      'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems/write',
    ]);
  });

  it('carries over every setting the item had and puts the DES on every disk', () => {
    const { file, r } = reenable(['FILE-SRV-01']);
    if (!r.ok) throw new Error(refusals(r).join('\n'));
    const had = detailsOf(file, 'FILE-SRV-01');
    const sent = (r.plan.steps[1]!.request.body as { properties: { policyId: string; providerSpecificDetails: Record<string, unknown> } }).properties;
    expect(sent.policyId).toBe((itemOf(file, 'FILE-SRV-01').properties as { policyId: string }).policyId);
    for (const field of [
      'vmwareMachineId',
      'targetResourceGroupId',
      'targetNetworkId',
      'testNetworkId',
      'targetVmName',
      'targetVmSize',
      'licenseType',
      'sqlServerLicenseType',
      'targetVmSecurityProfile',
      'targetVmTags',
      'dataMoverRunAsAccountId',
      'snapshotRunAsAccountId',
    ])
      expect([field, sent.providerSpecificDetails[field]]).toEqual([field, had[field]]);
    expect(sent.providerSpecificDetails.targetSubnetName).toBe((had.vmNics as { targetSubnetName: string }[])[0]!.targetSubnetName);
    const des = idOf(file, 'des-weu-prod-01');
    expect(sent.providerSpecificDetails.disksToInclude).toEqual(
      had.protectedDisks.map((d) => ({
        diskId: d.diskId,
        isOSDisk: d.isOSDisk,
        diskType: d.diskType,
        logStorageAccountId: d.logStorageAccountId,
        logStorageAccountSasSecretName: d.logStorageAccountSasSecretName,
        diskEncryptionSetId: des,
      })),
    );
    // What is seeded again, and how long at a given bandwidth.
    const bytes = had.protectedDisks.reduce((a, d) => a + Number(d.capacityInBytes), 0);
    expect(r.reseedBytes).toBe(bytes);
    expect(r.plan.warnings[0]).toContain(`${Math.round(bytes / 1024 ** 3).toLocaleString('en')} GiB to seed`);
    expect(seedHours(bytes, 100)).toBeCloseTo((bytes * 8) / 1e8 / 3600, 6);
  });

  it('offers the disk encryption sets that serve every server where it lands, a healthy one first unless one is named', () => {
    const file = demo();
    const estate = normalize(file);
    const evaluation = evaluate(estate, { now });
    const servers = ['FILE-SRV-01', 'RES-WS-01'].map((n) => findServer(estate, n)!);
    expect(desCandidates(estate, evaluation, servers).candidates).toEqual([]);
    const { candidates, chosen } = desCandidates(estate, evaluation, [servers[0]!]);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((c) => c.location === 'westeurope')).toBe(true);
    expect(chosen?.health).toBe('healthy');
    const named = candidates.find((c) => c.health !== 'healthy')!;
    expect(desCandidates(estate, evaluation, [servers[0]!], named.id.toUpperCase()).chosen?.id).toBe(named.id);
  });

  it('accepts a server by its item id as well as its machine name', () => {
    const { file, r } = reenable([itemOf(demo(), 'FILE-SRV-02').id]);
    expect(r.ok && r.servers.map((s) => s.machineName)).toEqual(['FILE-SRV-02']);
    void file;
  });

  it.each<[string, string[], (f: EstateFile) => void, RegExp]>([
    ['an unknown server', ['NOPE-01'], () => undefined, /^NOPE-01: no replicating server has this machine name or item id\.$/],
    ['a DES in another region', ['RES-WS-01'], () => undefined, /^RES-WS-01 lands in northeurope; disk encryption set des-weu-prod-01 is in westeurope/],
    ['a server already under the DES', ['EPD-APP-01'], () => undefined, /^EPD-APP-01 already replicates under des-weu-prod-01 on every disk/],
    [
      'a test migration in progress',
      ['FILE-SRV-01'],
      (f) => Object.assign(itemOf(f, 'FILE-SRV-01').properties as object, { testMigrateState: 'TestMigrationInProgress' }),
      /^FILE-SRV-01: a test migration is running \(TestMigrationInProgress\); replication cannot be disabled until it finishes\.$/,
    ],
    [
      'a state that does not allow disabling',
      ['FILE-SRV-01'],
      (f) => Object.assign(itemOf(f, 'FILE-SRV-01').properties as object, { allowedOperations: ['TestMigrate'] }),
      /^FILE-SRV-01: Azure Migrate does not allow disabling its replication/,
    ],
    [
      'a DES a Deny policy assignment refuses where it lands',
      ['FILE-SRV-01'],
      (f) =>
        f.resources.push({
          id: `${String(detailsOf(f, 'FILE-SRV-01').targetResourceGroupId)}/providers/Microsoft.Authorization/policyAssignments/only-central`,
          name: 'only-central',
          type: 'Microsoft.Authorization/policyAssignments',
          properties: {
            displayName: 'Only the central DES',
            policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/d461a302-a187-421a-89ac-84acdb4edc04',
            scope: String(detailsOf(f, 'FILE-SRV-01').targetResourceGroupId),
            parameters: { allowedEncryptionSets: { value: [idOf(f, 'des-weu-central-01')] }, effect: { value: 'Deny' } },
          },
        }),
      /^FILE-SRV-01: policy assignment 'Only the central DES' denies disks under des-weu-prod-01 where it lands; choose a disk encryption set it allows\.$/,
    ],
    [
      'a setting Lockstep cannot read back',
      ['FILE-SRV-01'],
      (f) => {
        delete detailsOf(f, 'FILE-SRV-01').snapshotRunAsAccountId;
        delete detailsOf(f, 'FILE-SRV-01').protectedDisks[1]!.logStorageAccountSasSecretName;
      },
      /^FILE-SRV-01: Lockstep cannot read back snapshotRunAsAccountId, protectedDisks\[1\]\.logStorageAccountSasSecretName from the item/,
    ],
  ])('refuses %s, in words, before anything is sent', (_what, servers, change, message) => {
    const { r } = reenable(servers, change);
    expect(r.ok).toBe(false);
    expect(refusals(r)).toHaveLength(1);
    expect(refusals(r)[0]).toMatch(message);
  });

  it("refuses a DES whose vault is not healthy: one health meaning, the DES page's", () => {
    const { r } = reenable(['FILE-SRV-01'], (f) => {
      const vault = f.resources.find((x) => x.name === 'kv-chx-prod-weu')!;
      (vault.properties as { enablePurgeProtection?: boolean }).enablePurgeProtection = false;
    });
    expect(refusals(r)[0]).toMatch(/^Disk encryption set des-weu-prod-01 is not healthy: .*purge protection/i);
  });

  it('refuses a DES that is not healthy, naming its critical findings', () => {
    const { r } = reenable(['FILE-SRV-01'], () => undefined, 'des-weu-legacy-01');
    expect(refusals(r)[0]).toMatch(/^Disk encryption set des-weu-legacy-01 is not healthy: /);
  });

  it('exports as an Azure CLI script that waits for each operation and skips a server already done', () => {
    const { r } = reenable(['FILE-SRV-01']);
    if (!r.ok) throw new Error(refusals(r).join('\n'));
    const sh = renderAzCli(r.plan);
    const del = sh.indexOf('az rest --method delete');
    const put = sh.indexOf('az rest --method put');
    expect(del).toBeGreaterThan(0);
    expect(put).toBeGreaterThan(del);
    expect(sh).toContain('until ! az rest --method get');
    expect(sh).toContain('already replicates under the planned disk encryption set: skipped.');
  });

  it('exports as Azure PowerShell with Az.Migrate: remove, then New-AzMigrateServerReplication with the DES on each disk', () => {
    const { file, r } = reenable(['FILE-SRV-01']);
    if (!r.ok) throw new Error(refusals(r).join('\n'));
    const ps = renderPowerShell(r.plan);
    expect(ps).toContain('Remove-AzMigrateServerReplication -InputObject $item');
    expect(ps.match(/New-AzMigrateDiskMapping .* -DiskEncryptionSetID \$des/g)).toHaveLength(detailsOf(file, 'FILE-SRV-01').protectedDisks.length);
    expect(ps).toContain(`-MachineId '${String(detailsOf(file, 'FILE-SRV-01').vmwareMachineId)}'`);
    expect(ps).toContain("-TargetSubnetName 'snet-workloads'");
    expect(ps.indexOf('Remove-AzMigrateServerReplication')).toBeLessThan(ps.indexOf('New-AzMigrateServerReplication'));
  });

  describe('an agent-based (InMageRcm) server', () => {
    const rcmOf = (file: EstateFile, machine: string) =>
      file.resources.find((r) => /replicationProtectedItems$/i.test(r.type) && (r.properties as { friendlyName?: string }).friendlyName === machine)!;

    it('removes protection (POST remove), then enables it again with InMageRcmEnableProtectionInput carrying every setting', () => {
      const { file, r } = reenable(['DENTAL-APP-01']);
      if (!r.ok) throw new Error(refusals(r).join('\n'));
      const item = rcmOf(file, 'DENTAL-APP-01');
      expect(r.plan.steps.map((s) => [s.id, s.request.method, s.request.url.split('?')[0]])).toEqual([
        ['disable-1', 'POST', `${item.id}/remove`],
        ['enable-1', 'PUT', item.id],
        ['verify-1', 'GET', item.id],
      ]);
      expect(r.plan.steps[0]!.request.body).toEqual({ properties: { disableProtectionReason: 'NotSpecified' } });
      const had = (item.properties as { providerSpecificDetails: Details }).providerSpecificDetails;
      const sent = (r.plan.steps[1]!.request.body as { properties: Record<string, unknown> & { providerSpecificDetails: Record<string, unknown> } }).properties;
      expect(sent.policyId).toBe((item.properties as { policyId: string }).policyId);
      expect(sent.protectableItemId).toBe((item.properties as { protectableItemId: string }).protectableItemId);
      expect(sent.providerSpecificDetails.instanceType).toBe('InMageRcm');
      for (const field of [
        'fabricDiscoveryMachineId',
        'targetResourceGroupId',
        'targetNetworkId',
        'targetVmName',
        'targetVmSize',
        'licenseType',
        'processServerId',
        'runAsAccountId',
        'multiVmGroupName',
        'targetBootDiagnosticsStorageAccountId',
      ])
        expect(sent.providerSpecificDetails[field], field).toBe(had[field]);
      expect(sent.providerSpecificDetails.targetSubnetName).toBe('snet-workloads');
      const disks = sent.providerSpecificDetails.disksToInclude as Record<string, unknown>[];
      expect(disks).toHaveLength(had.protectedDisks.length);
      for (const [i, d] of disks.entries()) {
        expect(d.diskId).toBe(had.protectedDisks[i]!.diskId);
        expect(d.logStorageAccountId).toBe(had.protectedDisks[i]!.logStorageAccountId);
        expect(d.diskType).toBe(had.protectedDisks[i]!.diskType);
        expect(d.diskEncryptionSetId).toBe(idOf(file, 'des-weu-prod-01'));
        // InMageRcmDiskInput has no isOSDisk or SAS secret: they are VMwareCbt's.
        expect(Object.keys(d).sort()).toEqual(['diskEncryptionSetId', 'diskId', 'diskType', 'logStorageAccountId']);
      }
      expect(r.plan.requiredActions).toEqual([
        'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems/remove/action',
        'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems/write',
      ]);
    });

    it('refuses one whose process server Lockstep cannot read back, and one whose state does not allow disabling', () => {
      const gone = reenable(['DENTAL-APP-01'], (f) => {
        delete (rcmOf(f, 'DENTAL-APP-01').properties as { providerSpecificDetails: Details }).providerSpecificDetails.processServerId;
      });
      expect(refusals(gone.r)).toEqual([expect.stringMatching(/^DENTAL-APP-01: Lockstep cannot read back processServerId from the item/)]);
      const busy = reenable(['DENTAL-APP-01'], (f) => Object.assign(rcmOf(f, 'DENTAL-APP-01').properties as object, { allowedOperations: ['TestFailover'] }));
      expect(refusals(busy.r)).toEqual([expect.stringMatching(/^DENTAL-APP-01: Azure Migrate does not allow disabling its replication/)]);
    });

    it('exports the same requests: az rest POST remove then PUT, and Invoke-AzRestMethod where Az.Migrate has no cmdlet', () => {
      const { r } = reenable(['DENTAL-APP-01']);
      if (!r.ok) throw new Error(refusals(r).join('\n'));
      const sh = renderAzCli(r.plan);
      expect(sh.indexOf('az rest --method post')).toBeGreaterThan(0);
      expect(sh.indexOf('/remove?api-version=')).toBeGreaterThan(0);
      expect(sh.indexOf('az rest --method put')).toBeGreaterThan(sh.indexOf('az rest --method post'));
      const ps = renderPowerShell(r.plan);
      expect(ps).not.toContain('New-AzMigrateServerReplication');
      expect(ps.indexOf('Invoke-AzRestMethod -Method POST')).toBeLessThan(ps.indexOf('Invoke-AzRestMethod -Method PUT'));
      expect(ps).toContain('"instanceType":"InMageRcm"');
    });
  });
});
