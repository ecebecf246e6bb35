import { parseResourceId } from '../../estate/ids';
import { assignmentsOver, refusesDisk } from '../../estate/policy';
import type { DiskEncryptionSet, LandedVm } from '../../estate/model';
import { list, nameOf, plural, subscriptionName } from '../wording';
import type { EvalContext, Rule, ServerSubject } from '../types';
import { DOCS } from './docs';

type ServerRule = Rule<ServerSubject>;
const of = (s: ServerSubject) => s.server.id;
/** The VMs whose disks hold the server's data in Azure: the migrated VM, and the test VM a test migration created. */
const landedVms = (s: ServerSubject): { vm: LandedVm; how: 'landed' | 'test-migrated' }[] => [
  ...(s.server.landed?.found ? [{ vm: s.server.landed, how: 'landed' as const }] : []),
  ...(s.server.testMigration?.vm?.found ? [{ vm: s.server.testMigration.vm, how: 'test-migrated' as const }] : []),
];
const found = (s: ServerSubject): DiskEncryptionSet[] => s.deses.flatMap((d) => (d.lookup.state === 'found' ? [d.lookup.value] : []));

const reEnable = {
  portal: [
    'Azure Migrate → Replications → the server → Stop replication',
    'Replicate again: on the Target settings tab choose "Encryption at rest with customer-managed key" and the disk encryption set for every disk',
  ],
  cli: '# Disable replication, then enable it again with a DES on every disk:\naz resource delete --ids <migration-item-id>\n# New-AzMigrateServerReplication (PowerShell) or the ARM template sets diskEncryptionSetId per disk',
  powershell:
    'Remove-AzMigrateServerReplication -InputObject $item\n$disk = New-AzMigrateDiskMapping -DiskID <disk-id> -IsOSDisk true -DiskType Premium_LRS -DiskEncryptionSetID <des-id>\nNew-AzMigrateServerReplication -InputObject $machine -DiskToInclude $disk -TargetResourceGroupId <rg-id> -TargetNetworkId <vnet-id> -TargetSubnetName <subnet> -TargetVMName <vm> -LicenseType NoLicenseType',
  bicep: '// replicationMigrationItems: providerSpecificDetails.disksToInclude[*].diskEncryptionSetId = des.id',
};

/** The disk-encryption policy assignments that apply where the server lands, and the disks each would refuse. */
function policyHits(s: ServerSubject, effect: 'Deny' | 'Audit') {
  const rg = s.server.targetResourceGroupId;
  if (!rg) return [];
  const landed = s.server.landed?.found ? s.server.landed.disks.map((d) => ({ name: d.name, desId: d.desId })) : undefined;
  const disks = landed ?? (s.server.disks ?? []).map((d) => ({ name: d.name, desId: d.desId }));
  return assignmentsOver(s.policies, rg, effect)
    .map((a) => ({ a, refused: disks.filter((d) => refusesDisk(a, d.desId)) }))
    .filter((h) => h.refused.length > 0);
}
const policyName = (a: ServerSubject['policies'][number], estate: EvalContext['estate']) => {
  const p = parseResourceId(a.scope);
  const where = p?.type === 'Microsoft.Resources/subscriptions' ? subscriptionName(estate, p.subscriptionId) : nameOf(a.scope);
  return `'${a.displayName ?? a.name}' (at ${where})`;
};
const policyRemediation = {
  portal: [
    'Policy → Assignments → the assignment → check its scope, effect and parameters',
    'Or re-enable replication with a disk encryption set the assignment allows',
  ],
  cli: 'az policy assignment show --name <assignment> --scope <scope>\naz policy assignment list --scope <target-resource-group-id> --query "[].{name:name, effect:parameters.effect.value}"',
  powershell: 'Get-AzPolicyAssignment -Scope <target-resource-group-id> | Select-Object Name, Properties',
  bicep:
    "resource guard 'Microsoft.Authorization/policyAssignments@2025-03-01' = { properties: { policyDefinitionId: tenantResourceId('Microsoft.Authorization/policyDefinitions', 'd461a302-a187-421a-89ac-84acdb4edc04') } }",
};

export const serverRules: ServerRule[] = [
  {
    id: 'LS-SRV-001',
    name: 'Server.DiskWithoutCmk',
    subject: 'server',
    severity: 'high',
    effect: 'unprotected',
    resourceOf: of,
    title: 'Disk replicates without a customer-managed key',
    synopsis: 'Every replicated disk should name a target disk encryption set.',
    rationale:
      'A disk replicated without a DES lands in Azure encrypted with a platform-managed key. The DES cannot be added at migration time: replication must be re-enabled with it.',
    remediation: { summary: 'Stop replication and enable it again with a DES on every disk (initial replication runs again).', ...reEnable },
    docs: [DOCS.migrateCmk],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'NIS2/Art.21(2)(h)'],
    evaluate: (s) => {
      // Once it has landed, its managed disks are judged (LS-LND-001), not what replication was going to do.
      if (s.server.landed?.found) return [];
      const without = (s.server.disks ?? []).filter((d) => !d.desId);
      if (without.length === 0) return [];
      return [
        `Server ${s.server.machineName} has ${plural(without.length, 'disk')} without a disk encryption set (${list(without.map((d) => d.name))}): ${without.length === 1 ? 'it' : 'they'} will land in Azure with platform-managed keys.`,
      ];
    },
  },
  {
    id: 'LS-SRV-002',
    name: 'Server.DesNotFound',
    subject: 'server',
    severity: 'critical',
    resourceOf: of,
    title: 'Target disk encryption set does not exist',
    synopsis: 'The DES a disk replicates to must exist.',
    rationale: 'Azure creates the replica disks with the DES; when it is missing, replication and migration fail.',
    remediation: {
      summary: 'Create the DES with the same id (name, resource group, subscription), or re-enable replication with an existing one.',
      ...reEnable,
    },
    docs: [DOCS.migrateCmk],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (s, ctx) =>
      s.deses
        .filter((d) => d.lookup.state === 'not-found')
        .map(
          (d) =>
            `Server ${s.server.machineName} replicates to disk encryption set ${nameOf(d.id)}, which does not exist in ${subscriptionName(ctx.estate, parseResourceId(d.id)?.subscriptionId)}.`,
        ),
  },
  {
    id: 'LS-SRV-003',
    name: 'Server.DesRegionMismatch',
    subject: 'server',
    severity: 'critical',
    resourceOf: of,
    title: 'Disk encryption set is not in the target region',
    synopsis: 'The DES must be in the region the server migrates to.',
    rationale: 'Azure Migrate requires the DES in the target region; disks cannot be created with a DES from another region.',
    remediation: { summary: 'Create a DES (and vault) in the target region and re-enable replication with it.', ...reEnable },
    docs: [DOCS.migrateCmk],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (s) =>
      found(s)
        .filter((d) => d.location && s.server.targetRegion && d.location !== s.server.targetRegion)
        .map(
          (d) =>
            `Server ${s.server.machineName} migrates to ${s.server.targetRegion} but disk encryption set ${d.name} is in ${d.location}; the DES must be in the target region.`,
        ),
  },
  {
    id: 'LS-SRV-004',
    name: 'Server.DesSubscriptionMismatch',
    subject: 'server',
    severity: 'critical',
    resourceOf: of,
    title: 'Disk encryption set is not in the target subscription',
    synopsis: 'The DES must be in the subscription the server migrates to.',
    rationale: 'Azure Migrate requires the DES in the target subscription (the subscription of the target resource group).',
    remediation: { summary: 'Create a DES in the target subscription and re-enable replication with it.', ...reEnable },
    docs: [DOCS.migrateCmk],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (s, ctx) => {
      const target = s.server.targetSubscriptionId;
      if (!target) return [];
      return s.deses
        .filter((d) => {
          const sub = parseResourceId(d.id)?.subscriptionId;
          return sub && sub.toLowerCase() !== target.toLowerCase();
        })
        .map(
          (d) =>
            `Server ${s.server.machineName} migrates to ${subscriptionName(ctx.estate, target)} but disk encryption set ${nameOf(d.id)} is in ${subscriptionName(ctx.estate, parseResourceId(d.id)?.subscriptionId)}; the DES must be in the target subscription.`,
        );
    },
  },
  {
    id: 'LS-SRV-005',
    name: 'Server.MultipleDes',
    subject: 'server',
    severity: 'low',
    resourceOf: of,
    title: 'Disks use more than one disk encryption set',
    synopsis: 'One DES per server keeps key ownership simple.',
    rationale: 'Several DES (and keys) per VM multiply what must be rotated, granted and audited for one workload.',
    remediation: { summary: 'Use one DES for all disks of a server when you next enable replication.', ...reEnable },
    docs: [DOCS.diskEncryption],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24'],
    evaluate: (s) =>
      s.deses.length > 1 ? [`Server ${s.server.machineName} uses ${s.deses.length} disk encryption sets (${list(s.deses.map((d) => nameOf(d.id)))}).`] : [],
  },
  {
    id: 'LS-SRV-006',
    name: 'Server.ConfidentialDesMismatch',
    subject: 'server',
    severity: 'critical',
    resourceOf: of,
    title: 'Confidential-VM DES used where it does not fit',
    synopsis: 'A ConfidentialVmEncryptedWithCustomerKey DES is only for the OS disk of a confidential VM.',
    rationale: 'Azure refuses a confidential DES on data disks or on VMs that are not confidential; migration fails.',
    remediation: { summary: 'Use an EncryptionAtRestWithCustomerKey DES for data disks and non-confidential targets.', ...reEnable },
    docs: [DOCS.confidential],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)'],
    evaluate: (s) => {
      const confidentialTarget = s.server.securityType?.toLowerCase() === 'confidentialvm';
      const out: string[] = [];
      for (const disk of s.server.disks ?? []) {
        if (!disk.desId) continue;
        const des = found(s).find((d) => d.id.toLowerCase() === disk.desId!.toLowerCase());
        if (des?.encryptionType !== 'ConfidentialVmEncryptedWithCustomerKey') continue;
        if (disk.isOsDisk !== true || !confidentialTarget) {
          out.push(
            `Disk ${disk.name} of server ${s.server.machineName} uses confidential-VM disk encryption set ${des.name}, which only works for the OS disk of a confidential VM${confidentialTarget ? '' : ' (the target is not a confidential VM)'}.`,
          );
        }
      }
      return out;
    },
  },
  {
    id: 'LS-SRV-007',
    name: 'Server.ReplicationUnhealthy',
    subject: 'server',
    severity: 'medium',
    resourceOf: of,
    title: 'Replication is unhealthy',
    synopsis: 'Replication should be healthy before migration.',
    rationale: 'A failed or critical replication means the server will not migrate on schedule, whatever its encryption.',
    remediation: {
      summary: 'Follow the recommended action in the health error, then resync or re-enable replication.',
      portal: ['Azure Migrate → Replications → the server', 'Read the health error and its recommended action', 'Resolve it, then Resync'],
      cli: 'az resource show --ids <migration-item-id> --query properties.healthErrors',
      powershell: 'Get-AzMigrateServerReplication -TargetObjectID <migration-item-id> | Select-Object -ExpandProperty HealthError',
      bicep: '// not an infrastructure setting',
    },
    docs: [DOCS.replication],
    controls: ['GDPR/Art.32(1)(b)', 'GDPR/Art.32(1)(c)'],
    evaluate: (s) => {
      const critical = s.server.health?.toLowerCase() === 'critical';
      const failed = /failed$/i.test(s.server.migrationState ?? '');
      if (!critical && !failed) return [];
      const err = s.server.healthErrors.find((e) => e.message);
      return [
        `Replication of server ${s.server.machineName} is unhealthy (${s.server.migrationState ?? 'state unknown'}, health ${s.server.health ?? 'unknown'})${err ? `: ${err.message}` : '.'}`,
      ];
    },
  },
  {
    id: 'LS-SRV-008',
    name: 'Server.EncryptionUndetermined',
    subject: 'server',
    severity: 'info',
    effect: 'unknown',
    resourceOf: of,
    title: 'Encryption cannot be determined',
    synopsis: 'Part of the chain could not be read, so Lockstep cannot judge it.',
    rationale:
      'A verdict needs the DES, its vault, key and access grants; when one of them cannot be read (no access, not captured) the server is unknown rather than assumed fine.',
    remediation: {
      summary: 'Give the reviewing account Reader on the subscriptions and vaults involved (or capture them), then scan again.',
      portal: ['Subscription or key vault → Access control (IAM) → Add role assignment → Reader'],
      cli: 'az role assignment create --role Reader --assignee <upn> --scope <subscription-or-vault-id>',
      powershell: 'New-AzRoleAssignment -SignInName <upn> -RoleDefinitionName Reader -Scope <subscription-or-vault-id>',
      bicep: '// grant Reader to the reviewer',
    },
    docs: [DOCS.migrateCmk],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)'],
    evaluate: (s) =>
      s.unreadable.length > 0
        ? [`Lockstep cannot tell whether server ${s.server.machineName} will land under a customer-managed key: ${list(s.unreadable)}.`]
        : [],
  },
  {
    id: 'LS-LND-001',
    name: 'Landed.DiskUnderPlatformKey',
    subject: 'server',
    severity: 'high',
    effect: 'unprotected',
    resourceOf: of,
    title: 'Landed disk is under a platform-managed key',
    synopsis: 'After migration, every managed disk of the VM must be encrypted with the customer-managed key.',
    rationale:
      'The migration is over and the data is in Azure: a managed disk encrypted with a platform-managed key holds it under a key the organisation does not control, whatever replication was meant to do.',
    remediation: {
      summary: "Stop the VM and change the disk's encryption to the disk encryption set (customer-managed key), then start it.",
      portal: [
        'Virtual machine → Stop',
        'Disks → the disk → Encryption → "Encryption at-rest with a customer-managed key" → the disk encryption set → Save',
        'Start the VM',
      ],
      cli: 'az vm deallocate --ids <vm-id>\naz disk update --ids <disk-id> --encryption-type EncryptionAtRestWithCustomerKey --disk-encryption-set <des-id>\naz vm start --ids <vm-id>',
      powershell:
        'Stop-AzVM -Id <vm-id> -Force\nNew-AzDiskUpdateConfig -EncryptionType EncryptionAtRestWithCustomerKey -DiskEncryptionSetId <des-id> | Update-AzDisk -ResourceGroupName <rg> -DiskName <disk>\nStart-AzVM -Id <vm-id>',
      bicep:
        "resource disk 'Microsoft.Compute/disks@2025-01-02' = { properties: { encryption: { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: des.id } } }",
    },
    docs: [DOCS.diskEncryption, DOCS.cmkCli],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'HIPAA/164.312(a)(2)(iv)', 'NIS2/Art.21(2)(h)'],
    evaluate: (s) =>
      landedVms(s).flatMap(({ vm, how }) => {
        const platform = vm.disks.filter((d) => d.found && (!d.desId || d.encryptionType === 'EncryptionAtRestWithPlatformKey'));
        if (platform.length === 0) return [];
        return [
          `Server ${s.server.machineName} ${how} as VM ${nameOf(vm.vmId)} with ${plural(platform.length, 'disk')} under a platform-managed key (${list(platform.map((d) => d.name))}).`,
        ];
      }),
  },
  {
    id: 'LS-LND-002',
    name: 'Landed.DiskUnderOtherDes',
    subject: 'server',
    severity: 'high',
    resourceOf: of,
    title: 'Landed disk uses another disk encryption set than planned',
    synopsis: 'The disks that landed should be encrypted with the disk encryption set replication named.',
    rationale:
      'A disk under another DES is under another key, vault and access grant than the ones reviewed: its custody, rotation and blast radius are not what the evidence says.',
    remediation: {
      summary: 'Check why the disk uses another set; if it is not intended, move the disk to the planned DES (the VM must be stopped).',
      portal: ['Disks → the disk → Encryption → choose the planned disk encryption set → Save (stop the VM first)'],
      cli: 'az vm deallocate --ids <vm-id>\naz disk update --ids <disk-id> --disk-encryption-set <planned-des-id>\naz vm start --ids <vm-id>',
      powershell: 'New-AzDiskUpdateConfig -DiskEncryptionSetId <planned-des-id> | Update-AzDisk -ResourceGroupName <rg> -DiskName <disk>',
      bicep: "resource disk 'Microsoft.Compute/disks@2025-01-02' = { properties: { encryption: { diskEncryptionSetId: plannedDes.id } } }",
    },
    docs: [DOCS.diskEncryption],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)'],
    evaluate: (s) => {
      const planned = new Set((s.server.disks ?? []).map((d) => d.desId?.toLowerCase()).filter((x): x is string => !!x));
      if (planned.size === 0) return [];
      return landedVms(s).flatMap(({ vm, how }) =>
        vm.disks
          .filter((d) => d.found && d.desId && !planned.has(d.desId.toLowerCase()))
          .map(
            (d) =>
              `Disk ${d.name} of server ${s.server.machineName} ${how === 'landed' ? 'landed' : `(test VM ${nameOf(vm.vmId)})`} under disk encryption set ${nameOf(d.desId!)}, not the one replication named (${list([...planned].map(nameOf))}).`,
          ),
      );
    },
  },
  {
    id: 'LS-LND-003',
    name: 'Landed.NoEncryptionAtHost',
    subject: 'server',
    severity: 'medium',
    resourceOf: of,
    title: 'Landed VM does not encrypt at host',
    synopsis: 'Temp disks and disk caches are encrypted only with encryption at host.',
    rationale:
      "Server-side encryption with the customer-managed key covers the managed disks. The VM's temp disk and the caches on its host are encrypted only when encryption at host is on: without it, data there is not under the organisation's key.",
    remediation: {
      summary:
        'Register the EncryptionAtHost feature if the subscription lacks it, stop (deallocate) the VM, turn on encryption at host, and start it: the VM is down meanwhile.',
      portal: ['Virtual machine → Stop', 'Disks → Additional settings → Encryption at host → Yes → Save', 'Start the VM'],
      cli: 'az feature register --namespace Microsoft.Compute --name EncryptionAtHost\naz vm deallocate --ids <vm-id>\naz vm update --ids <vm-id> --set securityProfile.encryptionAtHost=true\naz vm start --ids <vm-id>',
      powershell:
        'Stop-AzVM -Id <vm-id> -Force\n$vm = Get-AzVM -ResourceId <vm-id>\nUpdate-AzVM -VM $vm -ResourceGroupName <rg> -EncryptionAtHost $true\nStart-AzVM -Id <vm-id>',
      bicep: "resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = { properties: { securityProfile: { encryptionAtHost: true } } }",
    },
    fix: 'Registers the EncryptionAtHost feature (waiting until it is registered), deallocates the VM, turns on encryption at host, starts the VM, then reads it back. The VM is down from deallocation until it starts.',
    docs: [DOCS.diskEncryption],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)'],
    evaluate: (s) =>
      s.server.landed?.found && s.server.landed.encryptionAtHost !== true
        ? [
            `Server ${s.server.machineName} landed as VM ${nameOf(s.server.landed.vmId)} without encryption at host: its temp disk and host caches are not under the customer-managed key.`,
          ]
        : [],
  },
  {
    id: 'LS-LND-004',
    name: 'Landed.TestVmNotVerified',
    subject: 'server',
    severity: 'low',
    resourceOf: of,
    title: "Test migration's VM could not be verified",
    synopsis: 'The VM a test migration created should be found and its disks checked, as a migrated VM is.',
    rationale:
      "A test migration creates a VM and managed disks from the replica, holding a copy of the server's data in Azure. Site Recovery's migration item does not name that VM; Lockstep reads it from the test migration job, and says so when the job does not name it or the VM cannot be read.",
    remediation: {
      summary:
        "Open the test-migrated VM in the target resource group and check each disk's encryption (Disks → Encryption); clean up the test migration once it has served its purpose.",
      portal: ['Azure Migrate → Replicating machines → the server → Clean up test migration', 'Or: the test VM → Disks → each disk → Encryption'],
      cli: 'az disk list --resource-group <target-rg> --query "[].{name:name, type:encryption.type, des:encryption.diskEncryptionSetId}" --output table',
      powershell:
        'Get-AzDisk -ResourceGroupName <target-rg> | Select-Object Name, @{n="Type";e={$_.Encryption.Type}}, @{n="DES";e={$_.Encryption.DiskEncryptionSetId}}',
      bicep: '// Azure Migrate creates the test VM and its disks: there is nothing to declare. Check them, then clean up the test migration.',
    },
    docs: [DOCS.migrateCmk],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24'],
    evaluate: (s) => {
      const t = s.server.testMigration;
      if (!t) return [];
      if (!t.vm)
        return [
          t.jobId
            ? `Server ${s.server.machineName} was test-migrated, but its test migration job (${nameOf(t.jobId)}) does not name the test VM: Lockstep cannot check the disks it created.`
            : `Server ${s.server.machineName} was test-migrated, but Lockstep found no succeeded test migration job for it in its vault: it cannot tell which VM the test created.`,
        ];
      if (!t.vm.found)
        return [
          `Server ${s.server.machineName} was test-migrated as VM ${nameOf(t.vm.vmId)}, which was not found or could not be read in its target resource group.`,
        ];
      const unread = t.vm.disks.filter((d) => !d.found);
      return unread.length > 0
        ? [`Disks of the test VM ${nameOf(t.vm.vmId)} of server ${s.server.machineName} could not be read: ${list(unread.map((d) => d.name))}.`]
        : [];
    },
  },
  {
    id: 'LS-POL-001',
    name: 'Policy.DeniesReplicaDisks',
    subject: 'server',
    severity: 'critical',
    resourceOf: of,
    title: 'A policy assignment will deny the replica disks',
    synopsis: 'No Deny assignment of the disk-encryption built-ins may refuse the disks Azure Migrate creates for the server.',
    rationale:
      'Azure Migrate creates seed disks while it replicates and the VM and its disks when it migrates. A Deny assignment of "Managed disks should use a specific set of disk encryption sets…" or "OS and data disks should be encrypted with a customer-managed key" at or above the target resource group refuses each disk it does not allow: replication or migration fails.',
    remediation: {
      summary:
        'Re-enable replication with a disk encryption set the assignment allows, or have the assignment changed (its allowed sets, scope or exclusions).',
      ...policyRemediation,
    },
    docs: [DOCS.migrateCmk, DOCS.diskEncryption],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)', 'GDPR/Art.32(1)(b)'],
    evaluate: (s, ctx) =>
      policyHits(s, 'Deny').map(
        ({ a, refused }) =>
          `Policy assignment ${policyName(a, ctx.estate)} denies ${a.policy === 'cmkRequired' ? 'disks without a customer-managed key' : 'disks outside its allowed disk encryption sets'}: it will refuse ${plural(refused.length, 'disk')} of server ${s.server.machineName} (${list(refused.map((d) => d.name))}), so its replication or migration fails.`,
      ),
  },
  {
    id: 'LS-POL-002',
    name: 'Policy.AuditsReplicaDisks',
    subject: 'server',
    severity: 'medium',
    resourceOf: of,
    title: 'A policy assignment will report the disks non-compliant',
    synopsis: 'Audit assignments of the disk-encryption built-ins should find the landed disks compliant.',
    rationale:
      "An Audit assignment does not stop a disk, but the compliance report the auditor reads will list the server's disks as non-compliant with the organisation's own policy.",
    remediation: {
      summary: 'Re-enable replication with a disk encryption set the assignment allows (or correct the assignment), so the disks that land are compliant.',
      ...policyRemediation,
    },
    docs: [DOCS.diskEncryption],
    controls: ['ISO27001:2022/A.8.24', 'NEN7510:2024/8.24', 'GDPR/Art.32(1)(a)'],
    evaluate: (s, ctx) =>
      policyHits(s, 'Audit').map(
        ({ a, refused }) =>
          `Policy assignment ${policyName(a, ctx.estate)} audits ${a.policy === 'cmkRequired' ? 'disks without a customer-managed key' : 'disks outside its allowed disk encryption sets'}: ${plural(refused.length, 'disk')} of server ${s.server.machineName} (${list(refused.map((d) => d.name))}) will be reported non-compliant.`,
      ),
  },
];
