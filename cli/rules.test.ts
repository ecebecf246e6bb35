import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROLS } from '../lib/compliance/controls';
import { evidenceBundle } from '../lib/compliance/evidence';
import { parseEstateFile } from '../lib/estate/file';
import { normalize } from '../lib/estate/normalize';
import { RULES } from '../lib/readiness/catalog';
import { evaluate } from '../lib/readiness/evaluate';
import { runRules } from './rules';

describe('npm run rules', () => {
  const catalog = JSON.parse(runRules(['--format', 'json']).stdout) as {
    kind: string;
    rules: { id: string; controls: string[]; fixable: boolean; severity: string }[];
  };

  it('prints every rule with its controls, severity and whether it can be fixed', () => {
    expect(catalog.kind).toBe('lockstep.rules');
    expect(catalog.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(catalog.rules.find((r) => r.id === 'LS-KV-002')).toMatchObject({ severity: 'critical', fixable: true });
    expect(catalog.rules.find((r) => r.id === 'LS-KV-002')!.controls).toContain('ISO27001:2022/A.8.24');
  });

  it('agrees with the rule pages and the evidence bundle for every rule: one mapping', () => {
    // The rule pages show rule.controls; the catalog prints them; the evidence's controls are derived from them.
    for (const r of RULES) expect(catalog.rules.find((c) => c.id === r.id)!.controls).toEqual(r.controls);
    for (const c of CONTROLS) expect(c.rules).toEqual(catalog.rules.filter((r) => r.controls.includes(c.id)).map((r) => r.id));
    const bytes = readFileSync(resolve(__dirname, '../emulator/estates/contoso-health.json'));
    const file = parseEstateFile(bytes.toString('utf8'), 'demo');
    const e = evaluate(normalize(file), { now: Date.parse(file.capturedAt) / 1000 });
    const bundle = evidenceBundle({
      estate: normalize(file),
      evaluation: e,
      estateBytes: new Uint8Array(bytes),
      generatedBy: 'test',
      generatedAt: file.capturedAt,
      toolVersion: '0',
    });
    for (const c of bundle.controls) {
      for (const rule of c.failing.rules) expect(catalog.rules.find((r) => r.id === rule)!.controls, `${rule} under ${c.id}`).toContain(c.id);
    }
  });

  it('exits 2 with one line for a bad argument', () => {
    expect(runRules(['--format', 'yaml'])).toMatchObject({ code: 2, stderr: "rules: --format must be json or text, not 'yaml'" });
    expect(runRules(['--nope']).code).toBe(2);
  });
});
