import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateFile } from '../estate/file';
import { normalize } from '../estate/normalize';
import { evaluate } from './evaluate';
import { desRows, vaultRows } from './resource-rows';
import { chainOf, coverageOf, filterRows, serverRows, topFindings } from './rows';

const file = parseEstateFile(readFileSync(resolve(__dirname, '../../emulator/estates/contoso-health.json'), 'utf8'), 'demo');
const estate = normalize(file);
const e = evaluate(estate, { now: Date.parse(file.capturedAt) / 1000 });
const rows = serverRows(estate, e);
const row = (name: string) => rows.find((r) => r.name === name)!;

describe('grid rows', () => {
  it('give a DES and a vault the same health in the grid as on their own pages (one health scale)', () => {
    const des = new Map(desRows(estate, e).map((d) => [d.name, d.health]));
    const vaults = new Map(vaultRows(estate, e, Date.parse(file.capturedAt) / 1000).map((v) => [v.name, v.health]));
    const compared = rows.filter((r) => des.has(r.desName));
    expect(compared.length).toBeGreaterThan(10);
    for (const r of compared) expect([r.name, r.desHealth]).toEqual([r.name, des.get(r.desName)]);
    for (const r of rows.filter((x) => vaults.has(x.vaultName))) expect([r.name, r.vaultHealth]).toEqual([r.name, vaults.get(r.vaultName)]);
    expect(new Set(compared.map((r) => r.desHealth)).size).toBeGreaterThan(1);
  });

  it('describes encryption, DES and vault health per server', () => {
    expect(row('EPD-APP-01')).toMatchObject({
      encryption: 'customer',
      desName: 'des-weu-prod-01',
      desHealth: 'healthy',
      vaultName: 'kv-chx-prod-weu',
      vaultHealth: 'healthy',
      verdict: 'ready',
      project: 'mig-chx-amsterdam',
      subscription: 'Contoso Health – Migration Hub',
    });
    expect(row('EPD-SQL-01').encryption).toBe('double');
    expect(row('CTRL-APP-01').encryption).toBe('mixed');
    expect(row('FILE-SRV-01')).toMatchObject({ encryption: 'platform', desName: '', desHealth: 'none', verdict: 'unprotected' });
    expect(row('DICT-APP-01')).toMatchObject({ desHealth: 'critical', verdict: 'blocked' });
    expect(row('LAB-PARTNER-01')).toMatchObject({ desHealth: 'unknown', verdict: 'unknown' });
    expect(row('PACS-APP-01')).toMatchObject({ vaultHealth: 'critical', topFinding: { ruleId: 'LS-DES-003' } });
    expect(row('EPD-BATCH-01')).toMatchObject({ progress: 47 });
  });

  it('draws the chain with the broken link marked', () => {
    const chain = chainOf(estate, e, row('PACS-APP-01').id);
    expect(chain.map((l) => [l.kind, l.health])).toEqual([
      ['disk', 'healthy'],
      ['des', 'warning'],
      ['vault', 'critical'],
      ['key', 'warning'],
      ['access', 'critical'],
    ]);
    expect(chainOf(estate, e, row('FILE-SRV-01').id).map((l) => l.health)).toEqual(['warning', 'none', 'none', 'none', 'none']);
  });

  it('measures coverage by servers and by capacity', () => {
    const c = coverageOf(rows);
    expect(c).toMatchObject({ servers: 71, protectedServers: 30 });
    expect(c.protectedCapacityGiB).toBeLessThan(c.capacityGiB);
    expect(c.protectedCapacityGiB).toBe(rows.filter((r) => r.verdict === 'ready' || r.verdict === 'attention').reduce((a, r) => a + r.capacityGiB, 0));
  });

  it('ranks top findings by severity, then by reach', () => {
    const top = topFindings(e, 3);
    expect(top.map((t) => [t.ruleId, t.servers])).toEqual([
      ['LS-KEY-002', 7],
      ['LS-DES-003', 5],
      ['LS-KV-002', 5],
    ]);
  });

  it('filters by text in any field, keeping the order it is given (the grid sorts once, then filters per keystroke)', () => {
    const byName = [...rows].sort((a, b) => b.name.localeCompare(a.name));
    const hits = filterRows(byName, { q: 'pacs' });
    expect(hits.length).toBeGreaterThan(1);
    expect(
      hits.every((r) =>
        [r.name, r.project, r.subscription, r.targetRegion, r.desName, r.vaultName, r.state, r.topFinding?.message].some((t) =>
          t?.toLowerCase().includes('pacs'),
        ),
      ),
    ).toBe(true);
    expect(hits).toEqual(byName.filter((r) => hits.includes(r)));
    const withVerdict = filterRows(byName, { q: 'pacs', verdict: hits[0]!.verdict });
    expect(withVerdict.length).toBeGreaterThan(0);
    expect(withVerdict.every((r) => r.verdict === hits[0]!.verdict)).toBe(true);
    expect(filterRows(byName, { q: '   ' })).toEqual(byName);
  });
});
