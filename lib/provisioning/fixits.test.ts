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
