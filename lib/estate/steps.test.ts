import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEstate } from '../../emulator/src/generate';
import { judge, readinessOf } from '../readiness/judge';
import { DEFAULT_SETTINGS } from '../readiness/settings';
import { parseEstateFile } from './file';
import { runSliced, runSync, type StepProgress, type Steps } from './steps';

function* counting(n: number): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    yield { phase: 'Counting', done: i, total: n };
  }
  return sum;
}

describe('steps', () => {
  it('runs to the same result at once and in slices', async () => {
    expect(runSync(counting(1000))).toBe(500500);
    expect(await runSliced(counting(1000), { sliceMs: 0 })).toBe(500500);
  });

  it('yields to the event loop between slices and reports progress once per slice', async () => {
    const heard: StepProgress[] = [];
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    await runSliced(counting(50), { sliceMs: 0, onProgress: (p) => heard.push(p) });
    expect(timerRan).toBe(true);
    expect(heard.length).toBeGreaterThan(1);
    expect(heard.map((p) => p.done)).toEqual([...heard.map((p) => p.done)].sort((a, b) => a - b));
    expect(heard.every((p) => p.total === 50 && p.phase === 'Counting')).toBe(true);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const run = runSliced(counting(1_000_000), { sliceMs: 0, signal: controller.signal });
    controller.abort(new Error('a newer estate replaced this one'));
    await expect(run).rejects.toThrow('a newer estate replaced this one');
  });

  it('judges an estate in slices exactly as at once (the demo estate and a generated one)', async () => {
    const demo = parseEstateFile(readFileSync(join(__dirname, '../../emulator/estates/contoso-health.json'), 'utf8'), 'contoso-health.json');
    const generated = generateEstate({ servers: 300, subscriptions: 3, vaults: 4, des: 6, keyvaults: 5 });
    for (const file of [demo, generated]) {
      const now = Math.floor(Date.parse(file.capturedAt) / 1000);
      const sliced = await judge(file, now, DEFAULT_SETTINGS);
      const atOnce = readinessOf(file, now, DEFAULT_SETTINGS);
      expect(sliced.rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(sliced.rows)).toBe(JSON.stringify(atOnce.rows));
      expect(JSON.stringify(sliced.evaluation)).toBe(JSON.stringify(atOnce.evaluation));
      expect(sliced.estate.servers.map((s) => s.machineName)).toEqual(atOnce.estate.servers.map((s) => s.machineName));
    }
  });
});
