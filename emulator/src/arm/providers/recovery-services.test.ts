/** Site Recovery's disable and enable of migration items, as the emulator answers them through the SDK. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../../../test-support/emulator-harness';
import { createArmSender } from '../../../../lib/azure/resource-sender';
import { buildDemoEstate } from '../../demo';

let t: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  t = await startTestEmulator({ lroMs: 100 });
});
afterAll(async () => {
  await t.emulator.close();
});

const item = (name: string) =>
  t.estate.resources.find((r) => /replicationMigrationItems$/i.test(r.type) && (r.properties as { machineName?: string }).machineName === name)!;
const url = (id: string) => `${id}?api-version=2024-01-01`;
const failure = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { statusCode?: number; code?: string; message?: string }) => ({ status: e.statusCode, code: e.code, message: e.message }),
  );

describe('migration items (emulator)', () => {
  it("refuses an enable that misses a required field, with ARM's validation error", async () => {
    const sender = createArmSender(t.factory('engineer'), { pollIntervalMs: 20 });
    const it = item('FILE-SRV-03');
    await sender.send({ method: 'DELETE', url: url(it.id) });
    const body = (details: Record<string, unknown>) => ({
      properties: { policyId: (it.properties as { policyId: string }).policyId, providerSpecificDetails: { instanceType: 'VMwareCbt', ...details } },
    });
    expect(await failure(sender.send({ method: 'PUT', url: url(it.id), body: body({}) }))).toMatchObject({
      status: 400,
      code: 'InvalidParameter',
      message: "Required parameter 'properties.providerSpecificDetails.vmwareMachineId' is missing (null).",
    });
    const details = (it.properties as { providerSpecificDetails: Record<string, unknown> }).providerSpecificDetails;
    expect(
      await failure(
        sender.send({
          method: 'PUT',
          url: url(it.id),
          body: body({ ...details, disksToInclude: [{ diskId: 'x', isOSDisk: 'true', logStorageAccountId: '/s' }] }),
        }),
      ),
    ).toMatchObject({
      status: 400,
      message: "Required parameter 'properties.providerSpecificDetails.disksToInclude[0].logStorageAccountSasSecretName' is missing (null).",
    });
  });

  it('refuses to enable replication twice, and to disable it where Site Recovery does not allow it', async () => {
    await t.control('reset', { method: 'POST' });
    const sender = createArmSender(t.factory('engineer'), { pollIntervalMs: 20 });
    const running = item('FILE-SRV-01');
    expect(await failure(sender.send({ method: 'PUT', url: url(running.id), body: { properties: {} } }))).toMatchObject({
      status: 409,
      code: 'ProtectionAlreadyEnabled',
    });
    // An item mid-migration: Site Recovery allows no disable.
    const estate = buildDemoEstate();
    const busy = estate.resources.find((r) => r.id === item('FILE-SRV-02').id)!;
    Object.assign(busy.properties as object, { migrationState: 'MigrationInProgress', allowedOperations: [] });
    const other = await startTestEmulator({ estate });
    try {
      const refused = await failure(createArmSender(other.factory('engineer'), { pollIntervalMs: 20 }).send({ method: 'DELETE', url: url(busy.id) }));
      expect(refused).toMatchObject({ status: 400, code: 'OperationNotAllowed' });
      expect(refused?.message).toContain('FILE-SRV-02');
    } finally {
      await other.emulator.close();
    }
  });
});

describe('migrate (emulator)', () => {
  it('migrates a server through the SDK: the item succeeds and its VM lands with each disk under the DES the item named', async () => {
    await t.control('reset', { method: 'POST' });
    const sr = await t.factory('engineer').siteRecovery(item('EPD-APP-01').id.split('/')[2]!);
    const segs = item('EPD-APP-01').id.split('/');
    const [rg, vault, fabric, container, name] = [segs[4], segs[8], segs[10], segs[12], segs[14]];
    const done = await sr.replicationMigrationItems.beginMigrateAndWait(
      vault!,
      rg!,
      fabric!,
      container!,
      name!,
      {
        properties: { providerSpecificDetails: { instanceType: 'VMwareCbt', performShutdown: 'true' } as never },
      },
      { updateIntervalInMs: 20 },
    );
    expect(done.properties?.migrationState).toBe('MigrationSucceeded');
    const details = (
      item('EPD-APP-01').properties as {
        providerSpecificDetails: { targetResourceGroupId: string; targetVmName: string; protectedDisks: { diskEncryptionSetId: string }[] };
      }
    ).providerSpecificDetails;
    const compute = await t.factory('engineer').compute(details.targetResourceGroupId.split('/')[2]!);
    const vm = await compute.virtualMachines.get(details.targetResourceGroupId.split('/')[4]!, details.targetVmName);
    const diskIds = [vm.storageProfile?.osDisk?.managedDisk?.id, ...(vm.storageProfile?.dataDisks ?? []).map((d) => d.managedDisk?.id)];
    expect(diskIds).toHaveLength(details.protectedDisks.length);
    for (const id of diskIds) {
      const disk = await compute.disks.get(details.targetResourceGroupId.split('/')[4]!, id!.split('/').pop()!);
      expect(disk.encryption?.diskEncryptionSetId?.toLowerCase()).toBe(details.protectedDisks[0]!.diskEncryptionSetId.toLowerCase());
    }
  });

  it('fails the migration of a server whose disks a Deny assignment refuses, with ARM RequestDisallowedByPolicy, and lands nothing', async () => {
    await t.control('reset', { method: 'POST' });
    // CTRL-APP-01 replicates under a DES the demo's 'ehr-approved-des' (Deny, on its target group) does not allow.
    const segs = item('CTRL-APP-01').id.split('/');
    const [rg, vault, fabric, container, name] = [segs[4], segs[8], segs[10], segs[12], segs[14]];
    const sr = await t.factory('engineer').siteRecovery(segs[2]!);
    const err = await failure(
      sr.replicationMigrationItems.beginMigrateAndWait(
        vault!,
        rg!,
        fabric!,
        container!,
        name!,
        { properties: { providerSpecificDetails: { instanceType: 'VMwareCbt', performShutdown: 'true' } as never } },
        { updateIntervalInMs: 20 },
      ),
    );
    // The SDK's poller reports the operation's error code and message.
    expect(err?.message).toMatch(/RequestDisallowedByPolicy\. Resource 'ctrl-app-01-disk\d' was disallowed by policy\. Policy identifiers: .*ehr-approved-des/);
    const after = await sr.replicationMigrationItems.get(vault!, rg!, fabric!, container!, name!);
    expect(after.properties?.migrationState).toBe('Replicating');
    expect(after.properties?.allowedOperations).toContain('Migrate');
    expect(after.properties?.healthErrors?.map((e) => e.errorCode)).toContain('RequestDisallowedByPolicy');
    const details = (item('CTRL-APP-01').properties as { providerSpecificDetails: { targetResourceGroupId: string; targetVmName: string } })
      .providerSpecificDetails;
    const compute = await t.factory('engineer').compute(details.targetResourceGroupId.split('/')[2]!);
    const vm = await failure(compute.virtualMachines.get(details.targetResourceGroupId.split('/')[4]!, details.targetVmName));
    expect(vm?.status).toBe(404);
  });

  it('refuses a direct write of a disk the Deny assignment does not allow with 403 RequestDisallowedByPolicy, and lets an allowed one through', async () => {
    await t.control('reset', { method: 'POST' });
    const rgId = (item('CTRL-APP-01').properties as { providerSpecificDetails: { targetResourceGroupId: string } }).providerSpecificDetails
      .targetResourceGroupId;
    const des = (n: string) => t.estate.resources.find((r) => r.name === n)!.id;
    const sender = createArmSender(t.factory('engineer'), { pollIntervalMs: 20 });
    const disk = (name: string, desId?: string) => ({
      method: 'PUT' as const,
      url: `${rgId}/providers/Microsoft.Compute/disks/${name}?api-version=2024-03-02`,
      body: {
        location: 'westeurope',
        sku: { name: 'Premium_LRS' },
        properties: {
          creationData: { createOption: 'Empty' },
          diskSizeGB: 32,
          encryption: desId ? { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: desId } : { type: 'EncryptionAtRestWithPlatformKey' },
        },
      },
    });
    const refused = await failure(sender.send(disk('scratch-pmk')));
    expect([refused?.status, refused?.code]).toEqual([403, 'RequestDisallowedByPolicy']);
    expect(await sender.send(disk('scratch-cmk', des('des-weu-prod-01')))).toMatchObject({ name: 'scratch-cmk' });
  });
});
