/**
 * A re-replication plan as an Azure PowerShell script (Az.Migrate), since migration teams script Azure Migrate with it:
 * per server, Remove-AzMigrateServerReplication and its job, then New-AzMigrateServerReplication with every setting the
 * item had and New-AzMigrateDiskMapping -DiskEncryptionSetID on each disk, then a read-back. Safe to run again: a server
 * whose every disk already names the DES is left alone.
 */
import type { Plan, PlanStep } from '../steps';

type Json = Record<string, unknown>;

const q = (s: unknown) => `'${String(s).replace(/'/g, "''")}'`;
const table = (o: unknown) =>
  `@{ ${Object.entries((o ?? {}) as Record<string, string>)
    .map(([k, v]) => `${q(k)} = ${q(v)}`)
    .join('; ')} }`;

function enableLines(step: PlanStep): string[] {
  const input = ((step.request.body as { properties?: { providerSpecificDetails?: Json } }).properties?.providerSpecificDetails ?? {}) as Json;
  const disks = (input.disksToInclude ?? []) as Json[];
  const security = (input.targetVmSecurityProfile ?? {}) as Json;
  const args: string[] = [
    `-MachineId ${q(input.vmwareMachineId)}`,
    '-DiskToInclude $disks',
    `-LicenseType ${q(input.licenseType ?? 'NoLicenseType')}`,
    `-TargetResourceGroupId ${q(input.targetResourceGroupId)}`,
    `-TargetNetworkId ${q(input.targetNetworkId)}`,
    `-TargetSubnetName ${q(input.targetSubnetName ?? 'default')}`,
    `-TargetVMName ${q(input.targetVmName)}`,
    `-PerformAutoResync ${q(input.performAutoResync ?? 'true')}`,
  ];
  const optional: [string, unknown][] = [
    ['-TargetVMSize', input.targetVmSize],
    ['-TestNetworkId', input.testNetworkId],
    ['-TestSubnetName', input.testSubnetName],
    ['-TargetAvailabilityZone', input.targetAvailabilityZone],
    ['-TargetAvailabilitySet', input.targetAvailabilitySetId],
    ['-TargetBootDiagnosticsStorageAccount', input.targetBootDiagnosticsStorageAccountId],
  ];
  for (const [flag, v] of optional) if (typeof v === 'string' && v) args.push(`${flag} ${q(v)}`);
  if (typeof input.sqlServerLicenseType === 'string' && ['NoLicenseType', 'PAYG', 'AHUB'].includes(input.sqlServerLicenseType))
    args.push(`-SqlServerLicenseType ${q(input.sqlServerLicenseType)}`);
  if (input.targetVmTags) args.push(`-VMTag ${table(input.targetVmTags)}`);
  if (input.targetDiskTags) args.push(`-DiskTag ${table(input.targetDiskTags)}`);
  if (input.targetNicTags) args.push(`-NicTag ${table(input.targetNicTags)}`);
  if (security.isTargetVmSecureBootEnabled === 'true') args.push(`-TargetVMSecureBootEnabled 'true'`);
  return [
    '    $disks = @(',
    ...disks.map(
      (d) =>
        `      New-AzMigrateDiskMapping -DiskID ${q(d.diskId)} -IsOSDisk ${q(d.isOSDisk)} -DiskType ${q(d.diskType ?? 'Standard_LRS')} -DiskEncryptionSetID $des`,
    ),
    '    )',
    `    $job = New-AzMigrateServerReplication \`\n      ${args.join(' `\n      ')}`,
    "    while ((Get-AzMigrateJob -InputObject $job).State -eq 'InProgress') { Start-Sleep -Seconds 30 }",
  ];
}

/**
 * An agent-based (InMageRcm) server: Az.Migrate's cmdlets drive agentless replication only, so the same requests go
 * through Invoke-AzRestMethod (remove, then the enable's PUT), each followed until Site Recovery's job has finished.
 */
function agentBasedLines(enable: PlanStep, disable: PlanStep | undefined, itemId: string, des: string, name: string): string[] {
  const path = (u: string) => q(u);
  const wait = (state: string) =>
    `  while (((Invoke-AzRestMethod -Method GET -Path ${path(enable.request.url)}).Content | ConvertFrom-Json).properties.protectionState -eq ${q(state)}) { Start-Sleep -Seconds 30 }`;
  return [
    `# ${disable?.title ?? `Stop replicating ${name}`}, then ${enable.title.charAt(0).toLowerCase()}${enable.title.slice(1)}`,
    `# Why: ${disable?.why ?? enable.why}`,
    '# Agent-based (InMageRcm): Az.Migrate has no cmdlets for it, so these are the REST requests Lockstep sends.',
    `$des = ${q(des)}`,
    `$read = Invoke-AzRestMethod -Method GET -Path ${path(enable.request.url)}`,
    `$item = if ($read.StatusCode -eq 200) { $read.Content | ConvertFrom-Json } else { $null }`,
    `if ($item -and -not ($item.properties.providerSpecificDetails.protectedDisks | Where-Object { $_.diskEncryptionSetId -ne $des })) {`,
    `  Write-Output ${q(`${name} already replicates under the planned disk encryption set: skipped.`)}`,
    '} else {',
    '  if ($item) {',
    `    $r = Invoke-AzRestMethod -Method POST -Path ${path(disable?.request.url ?? `${itemId}/remove`)} -Payload ${q(JSON.stringify(disable?.request.body ?? {}))}`,
    '    if ($r.StatusCode -ge 400) { throw $r.Content }',
    `    while ((Invoke-AzRestMethod -Method GET -Path ${path(enable.request.url)}).StatusCode -eq 200) { Start-Sleep -Seconds 30 }`,
    `    Write-Output ${q(`Stopped replicating ${name}.`)}`,
    '  }',
    `  $r = Invoke-AzRestMethod -Method PUT -Path ${path(enable.request.url)} -Payload ${q(JSON.stringify(enable.request.body))}`,
    '  if ($r.StatusCode -ge 400) { throw $r.Content }',
    wait('EnablingProtection'),
    `  Write-Output ${q(`Replication of ${name} enabled with the disk encryption set on every disk.`)}`,
    '}',
    `$after = (Invoke-AzRestMethod -Method GET -Path ${path(enable.request.url)}).Content | ConvertFrom-Json`,
    `$other = @($after.properties.providerSpecificDetails.protectedDisks | Where-Object { $_.diskEncryptionSetId -ne $des })`,
    `if ($other.Count -gt 0) { throw ${q(`Disks of ${name} do not name the disk encryption set.`)} }`,
    `Write-Output (${q(`Verified: every disk of ${name} replicates under `)} + $des)`,
    '',
  ];
}

export function renderPowerShell(plan: Plan): string {
  const lines = [
    '#Requires -Modules Az.Accounts, Az.Migrate',
    '# Generated by Lockstep from the same plan it applies. Review before running: disabling replication loses its progress.',
    "$ErrorActionPreference = 'Stop'",
    '',
  ];
  const enables = plan.steps.filter((s) => s.id.startsWith('enable-') && s.request.method === 'PUT');
  if (enables.length === 0) throw new Error('Only a re-replication plan is rendered as Azure PowerShell; export this plan as Azure CLI, Bicep or ARM JSON.');
  for (const enable of enables) {
    const itemId = enable.request.url.split('?')[0]!;
    const des = ((enable.request.body as { properties?: { providerSpecificDetails?: { disksToInclude?: Json[] } } }).properties?.providerSpecificDetails
      ?.disksToInclude?.[0]?.diskEncryptionSetId ?? '') as string;
    const disable = plan.steps.find((s) => s.id === enable.id.replace('enable-', 'disable-'));
    const name = enable.title.replace(/^Replicate /, '').split(' ')[0];
    if (/\/replicationProtectedItems\//i.test(itemId)) {
      lines.push(...agentBasedLines(enable, disable, itemId, des, name!));
      continue;
    }
    lines.push(
      `# ${disable?.title ?? `Stop replicating ${name}`}, then ${enable.title.charAt(0).toLowerCase()}${enable.title.slice(1)}`,
      `# Why: ${disable?.why ?? enable.why}`,
      `$des = ${q(des)}`,
      `$item = Get-AzMigrateServerReplication -TargetObjectID ${q(itemId)} -ErrorAction SilentlyContinue`,
      `if ($item -and -not ($item.ProviderSpecificDetail.ProtectedDisk | Where-Object { $_.DiskEncryptionSetId -ne $des })) {`,
      `  Write-Output ${q(`${name} already replicates under the planned disk encryption set: skipped.`)}`,
      '} else {',
      '  if ($item) {',
      '    $job = Remove-AzMigrateServerReplication -InputObject $item',
      "    while ((Get-AzMigrateJob -InputObject $job).State -eq 'InProgress') { Start-Sleep -Seconds 30 }",
      `    Write-Output ${q(`Stopped replicating ${name}.`)}`,
      '  }',
      ...enableLines(enable).map((l) => l.replace(/^ {4}/, '  ')),
      `  Write-Output ${q(`Replication of ${name} enabled with the disk encryption set on every disk.`)}`,
      '}',
      `$after = Get-AzMigrateServerReplication -TargetObjectID ${q(itemId)}`,
      `$other = @($after.ProviderSpecificDetail.ProtectedDisk | Where-Object { $_.DiskEncryptionSetId -ne $des })`,
      `if ($other.Count -gt 0) { throw ${q(`Disks of ${name} do not name the disk encryption set.`)} }`,
      `Write-Output (${q(`Verified: every disk of ${name} replicates under `)} + $des)`,
      '',
    );
  }
  return lines.join('\n').trimEnd() + '\n';
}
