/** Every fix-it the demo estate offers, applied through the SDK against the emulator, removes its finding on a rescan. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test-support/emulator-harness';
import { SUBS } from '../../emulator/src/demo';
import { captureEstate } from '../azure/inventory';
import { normalize } from '../estate/normalize';
import { evaluate } from '../readiness/evaluate';
import { apply, newRun } from './apply';
import { FIXABLE_RULES, fixFor } from './fixits';
import { createArmSender } from '../azure/resource-sender';

let t: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  t = await startTestEmulator({ lroMs: 200 });
});
afterAll(async () => {
  await t.emulator.close();
});

describe('fix-its', () => {
  it('repair each fixable finding in the landing zone, and a rescan no longer reports it', async () => {
    const now = Date.parse(t.estate.capturedAt) / 1000;
    const judge = async () => {
      const estate = normalize(await captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens: t.tokens('consultant') }));
      return { estate, evaluation: evaluate(estate, { now }) };
    };
    const before = await judge();
    const fixable = before.evaluation.findings.filter((f) => FIXABLE_RULES.includes(f.ruleId) && f.resourceId.toLowerCase().includes(SUBS.landing));
    const key = (f: { ruleId: string; resourceId: string }) => `${f.ruleId} ${f.resourceId.split('/').pop()}`;
    expect(fixable.map(key).sort()).toEqual([
      'LS-DES-003 des-weu-legacy-01',
      'LS-DES-006 des-weu-exp-01',
      'LS-DES-006 des-weu-legacy-01',
      'LS-KEY-007 des-key-2025',
      'LS-KEY-007 legacy-key',
      'LS-KV-002 kv-chx-legacy-weu',
    ]);
    const sender = createArmSender(t.factory('consultant'), { pollIntervalMs: 50 });
    for (const f of fixable) {
      const fix = fixFor(f.ruleId, f.resourceId, before.estate, { now })!;
      expect(fix, key(f)).toBeDefined();
      const run = await apply(newRun(fix.plan, f.ruleId), sender);
      expect([
        key(f),
        run.status,
        Object.values(run.steps)
          .map((s) => s.error?.detail)
          .filter(Boolean),
      ]).toEqual([key(f), 'succeeded', []]);
    }
    expect(fixFor('LS-KV-002', before.estate.keyVaults.values().next().value!.id, before.estate, { now })?.plan.warnings[0]).toMatch(/irreversible/);
    const after = await judge();
    expect(
      after.evaluation.findings.filter((f) => fixable.some((x) => x.ruleId === f.ruleId && x.resourceId.toLowerCase() === f.resourceId.toLowerCase())).map(key),
    ).toEqual([]);
  });
});

describe('encryption at host on a landed VM', () => {
  it('registers the feature and waits for it, deallocates, turns it on, starts the VM, and a rescan no longer reports it', async () => {
    await t.control('reset', { method: 'POST' });
    const now = Date.parse(t.estate.capturedAt) / 1000;
    const judge = async () => {
      const estate = normalize(await captureEstate({ cloud: { armEndpoint: t.base, allowInsecure: true }, tokens: t.tokens('engineer') }));
      return { estate, evaluation: evaluate(estate, { now }) };
    };
    const before = await judge();
    const finding = before.evaluation.findings.find((f) => f.ruleId === 'LS-LND-003')!;
    expect(finding.message).toMatch(/^Server AD-DC-01 landed as VM ad-dc-01 without encryption at host/);
    const fix = fixFor('LS-LND-003', finding.resourceId, before.estate, { now })!;
    expect(fix.plan.steps.map((s) => [s.id, s.request.method])).toEqual([
      ['register', 'POST'],
      ['registered', 'GET'],
      ['deallocate', 'POST'],
      ['fix', 'PATCH'],
      ['start', 'POST'],
      ['verify', 'GET'],
    ]);
    expect(fix.plan.warnings[0]).toMatch(/^Downtime: AD-DC-01 \(VM ad-dc-01\) is stopped from deallocation until it starts again/);
    const waits: number[] = [];
    const run = await apply(newRun(fix.plan, 'at-host'), createArmSender(t.factory('engineer'), { pollIntervalMs: 50 }), {
      // The registration takes the emulator's operation time (200 ms): the read is asked again until it is Registered.
      sleep: (ms) => (waits.push(ms), new Promise((r) => setTimeout(r, 100))),
    });
    expect(
      Object.values(run.steps)
        .map((s) => s.error?.detail)
        .filter(Boolean),
    ).toEqual([]);
    expect(run.status).toBe('succeeded');
    expect(waits.length).toBeGreaterThan(0);
    expect(run.steps.registered!.attempts).toBe(waits.length + 1);
    const after = await judge();
    expect(after.evaluation.findings.filter((f) => f.ruleId === 'LS-LND-003')).toEqual([]);
    expect(after.evaluation.servers.find((s) => s.name === 'AD-DC-01')?.verdict).toBe('ready');
  });

  it("is refused by Compute on a running VM, and in a subscription without the feature, with Compute's errors", async () => {
    await t.control('reset', { method: 'POST' });
    const vm = t.estate.resources.find((r) => /virtualMachines$/i.test(r.type) && r.name === 'ad-dc-01')!;
    const sender = createArmSender(t.factory('engineer'), { pollIntervalMs: 50 });
    const patch = () =>
      sender.send({ method: 'PATCH', url: `${vm.id}?api-version=2024-11-01`, body: { properties: { securityProfile: { encryptionAtHost: true } } } });
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: { statusCode?: number; code?: string }) => ({ status: e.statusCode, code: e.code }),
      );
    expect(await failure(patch())).toEqual({ status: 400, code: 'InvalidParameter' });
    const feature = vm.id.split('/resourceGroups/')[0] + '/providers/Microsoft.Features/providers/Microsoft.Compute/features/EncryptionAtHost';
    await sender.send({ method: 'POST', url: `${feature}/register?api-version=2021-07-01` });
    await new Promise((r) => setTimeout(r, 300));
    expect(await sender.send({ method: 'GET', url: `${feature}?api-version=2021-07-01` })).toMatchObject({ properties: { state: 'Registered' } });
    expect(await failure(patch())).toEqual({ status: 409, code: 'PropertyChangeNotAllowed' });
  });
});
