/** Re-replication applied through the SDK against the emulator: disable, enable with the DES, and Resume after an interruption. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test-support/emulator-harness';
import { captureEstate } from '../azure/inventory';
import { createArmSender, type ArmRequest, type ArmSender } from '../azure/resource-sender';
import { normalize } from '../estate/normalize';
import { evaluate } from '../readiness/evaluate';
import { serverRows } from '../readiness/rows';
import { apply, newRun } from './apply';
import { planReenable } from './reenable';

let t: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  t = await startTestEmulator({ lroMs: 150 });
});
afterAll(async () => {
  await t.emulator.close();
});

const now = () => Math.floor(Date.now() / 1000);
const live = async () => normalize(await captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens: t.tokens('engineer') }));
const desId = (estate: Awaited<ReturnType<typeof live>>) => [...estate.diskEncryptionSets.values()].find((d) => d.name === 'des-weu-prod-01')!.id;
const serverNamed = (estate: Awaited<ReturnType<typeof live>>, name: string) => estate.servers.find((s) => s.machineName === name)!;

/** A sender that records every request, and drops the connection on the first one `fail` picks. */
function recording(inner: ArmSender, fail?: (r: ArmRequest) => boolean) {
  const sent: string[] = [];
  let failed = false;
  return {
    sent,
    sender: {
      async send(r: ArmRequest, signal?: AbortSignal) {
        sent.push(`${r.method} ${r.url.split('/replicationMigrationItems/')[1]?.split('_')[0] ?? r.url}`);
        if (fail && !failed && fail(r)) {
          failed = true;
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        }
        return inner.send(r, signal);
      },
    } satisfies ArmSender,
  };
}

describe('re-replication against the emulator', () => {
  it('stops and starts replication of two servers with the DES on every disk, and a rescan shows them no longer unprotected', async () => {
    await t.control('reset', { method: 'POST' });
    const before = await live();
    const r = planReenable(before, ['FILE-SRV-01', 'FILE-SRV-02'], desId(before), { now: now() });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const run = await apply(newRun(r.plan, 'reenable-1'), createArmSender(t.factory('engineer'), { pollIntervalMs: 50 }));
    expect(Object.fromEntries(Object.entries(run.steps).map(([id, s]) => [id, s.status]))).toEqual({
      'disable-1': 'done',
      'enable-1': 'done',
      'verify-1': 'done',
      'disable-2': 'done',
      'enable-2': 'done',
      'verify-2': 'done',
    });
    const after = await live();
    const rows = serverRows(after, evaluate(after, { now: now() }));
    for (const name of ['FILE-SRV-01', 'FILE-SRV-02']) {
      const s = serverNamed(after, name);
      expect(s.disks!.every((d) => d.desId?.toLowerCase() === desId(after).toLowerCase())).toBe(true);
      expect(s.migrationState).toBe('InitialSeedingInProgress');
      expect(rows.find((x) => x.name === name)!.verdict).not.toBe('unprotected');
    }
    // The other servers are untouched.
    expect(serverNamed(after, 'FILE-SRV-03').disks!.every((d) => !d.desId)).toBe(true);
  });

  it('interrupted between the disable and the enable, Resume finishes without stopping anything twice or duplicating the item', async () => {
    await t.control('reset', { method: 'POST' });
    const before = await live();
    const r = planReenable(before, ['PRINT-SRV-01'], desId(before), { now: now() });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const real = createArmSender(t.factory('engineer'), { pollIntervalMs: 50 });
    const first = recording(real, (req) => req.method === 'PUT');
    const interrupted = await apply(newRun(r.plan, 'reenable-2'), first.sender);
    expect(interrupted.status).toBe('failed');
    expect(interrupted.steps['disable-1']!.status).toBe('done');
    expect(interrupted.steps['enable-1']!.status).toBe('failed');
    // Nothing replicates PRINT-SRV-01 now: the page says so rather than guess.
    expect((await live()).servers.some((s) => s.machineName === 'PRINT-SRV-01')).toBe(false);

    const resumed = recording(real);
    const done = await apply(structuredClone(interrupted), resumed.sender);
    expect(done.status).toBe('succeeded');
    expect(resumed.sent.filter((s) => s.startsWith('DELETE'))).toEqual([]);
    expect(resumed.sent.filter((s) => s.startsWith('PUT'))).toHaveLength(1);
    const after = await live();
    expect(after.servers.filter((s) => s.machineName === 'PRINT-SRV-01')).toHaveLength(1);
    expect(serverNamed(after, 'PRINT-SRV-01').disks!.every((d) => d.desId?.toLowerCase() === desId(after).toLowerCase())).toBe(true);
  });

  it('is refused by ARM for someone whose role does not cover the vault, before anything changes', async () => {
    await t.control('reset', { method: 'POST' });
    const before = await live();
    const r = planReenable(before, ['FILE-SRV-03'], desId(before), { now: now() });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const run = await apply(newRun(r.plan, 'reenable-3'), createArmSender(t.factory('ciso'), { pollIntervalMs: 50 }));
    expect(run.steps['disable-1']!.status).toBe('failed');
    expect(run.steps['disable-1']!.error?.status).toBe(403);
    expect((await live()).servers.some((s) => s.machineName === 'FILE-SRV-03')).toBe(true);
  });

  it('re-enables an agent-based (InMageRcm) server: protection removed, enabled again with the DES on every disk', async () => {
    await t.control('reset', { method: 'POST' });
    const before = await live();
    expect(serverNamed(before, 'DENTAL-APP-01').disks!.every((d) => !d.desId)).toBe(true);
    const r = planReenable(before, ['DENTAL-APP-01'], desId(before), { now: now() });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const run = await apply(newRun(r.plan, 'reenable-4'), createArmSender(t.factory('engineer'), { pollIntervalMs: 50 }));
    expect(Object.values(run.steps).map((x) => `${x.status} ${x.error?.detail ?? ''}`)).toEqual(['done ', 'done ', 'done ']);
    expect(run.status).toBe('succeeded');
    const after = await live();
    const s = serverNamed(after, 'DENTAL-APP-01');
    expect(s.method).toBe('agent-based');
    expect(s.disks!.every((d) => d.desId?.toLowerCase() === desId(after).toLowerCase())).toBe(true);
    const rows = serverRows(after, evaluate(after, { now: now() }));
    expect(rows.find((x) => x.name === 'DENTAL-APP-01')!.verdict).not.toBe('unprotected');
    // Enabling again while it replicates is refused by Site Recovery, not duplicated.
    const again = await createArmSender(t.factory('engineer'), { pollIntervalMs: 50 })
      .send(r.plan.steps[1]!.request)
      .then(
        () => 'sent',
        (e: { statusCode?: number; code?: string }) => `${e.statusCode} ${e.code}`,
      );
    expect(again).toBe('409 ProtectionAlreadyEnabled');
  });
});
