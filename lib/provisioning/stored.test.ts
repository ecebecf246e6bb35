import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateFile } from '../estate/file';
import { normalize } from '../estate/normalize';
import { newRun } from './apply';
import { draftIntent } from './draft';
import { plan } from './plan';
import { stringList } from '../queries/browser-store';
import { draftSchema, storedRunSchema } from './stored';

const file = parseEstateFile(readFileSync(resolve(__dirname, '../../emulator/estates/contoso-health.json'), 'utf8'), 'demo');
const estate = normalize(file);
const now = Date.parse(file.capturedAt) / 1000;
const server = estate.servers.find((s) => s.targetSubscriptionId)!;
const { intent } = draftIntent(estate, [server.id]);

function storedRun() {
  const r = plan(intent, estate, { now });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const run = newRun(r.plan, 'run-1', new Date(now * 1000));
  run.steps[r.plan.steps[0]!.id] = { status: 'failed', attempts: 2, error: { title: 'Refused', detail: '403', status: 403, rolesThatGrant: ['Owner'] } };
  return { run, origin: { kind: 'wizard', serverIds: [server.id], verdictsBefore: { [server.id]: 'unprotected' } } };
}

describe('stored shapes', () => {
  it('reads back a run, as the browser stored it, with its plan, step states and origin', () => {
    const stored = JSON.parse(JSON.stringify(storedRun()));
    const r = storedRunSchema.safeParse(stored);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(stored);
  });

  it('drops a run whose plan, steps or origin lost its shape', () => {
    const broken = [
      (s: ReturnType<typeof storedRun>) => ((s.run as { kind: string }).kind = 'lockstep.plan'),
      (s: ReturnType<typeof storedRun>) => ((s.run.plan.steps[0] as { request: unknown }).request = { method: 'OPTIONS', url: '/x' }),
      (s: ReturnType<typeof storedRun>) => ((Object.values(s.run.steps)[0] as { status: string }).status = 'maybe'),
      (s: ReturnType<typeof storedRun>) => ((s.origin as { kind: string }).kind = 'cron'),
    ];
    for (const breakIt of broken) {
      const s = storedRun();
      breakIt(s);
      expect(storedRunSchema.safeParse(JSON.parse(JSON.stringify(s))).success).toBe(false);
    }
  });

  it('reads a draft with an intent of the intent file shape, and no other', () => {
    expect(draftSchema.safeParse({ intent, serverIds: [server.id], tab: 'key' }).success).toBe(true);
    expect(draftSchema.safeParse({ intent: { ...intent, keyVault: 'kv-1' }, serverIds: [], tab: 'key' }).success).toBe(false);
    expect(draftSchema.safeParse({ intent, tab: 'key' }).success).toBe(false);
    expect(stringList.safeParse(['a', 'b']).success).toBe(true);
    expect(stringList.safeParse(['a', 3]).success).toBe(false);
  });
});
