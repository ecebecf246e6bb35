import { describe, expect, it } from 'vitest';
import { healthy, run } from '../readiness/fixtures';
import { serverRows } from '../readiness/rows';
import { findingsCsv } from '../readiness/report';
import { hasHiddenControls, reveal } from './display';
import { normalize } from './normalize';

describe('reveal', () => {
  it('shows a right-to-left override as a token instead of obeying it', () => {
    expect(reveal('\u202Egpj.exe\u202C safe-name')).toBe('[U+202E]gpj.exe[U+202C] safe-name');
  });

  it('shows isolates, marks and zero-width characters too', () => {
    expect(reveal('a\u2066b\u2069c\u200Fd\u200Be\uFEFFf\u2060g')).toBe('a[U+2066]b[U+2069]c[U+200F]d[U+200B]e[U+FEFF]f[U+2060]g');
    expect(hasHiddenControls('kv-\u200Dprod')).toBe(true);
  });

  it('leaves ordinary text, including right-to-left names, as it is', () => {
    expect(reveal('des-weu-prod-01')).toBe('des-weu-prod-01');
    expect(reveal('שרת-01')).toBe('שרת-01');
    expect(hasHiddenControls('PACS-APP-01 · Ready to migrate')).toBe(false);
  });
});

describe('a hostile estate', () => {
  function hostile() {
    const f = healthy();
    const p = f.item.properties as Record<string, unknown>;
    p.machineName = 'EVIL\u202Eexe.gpj';
    p.migrationStateDescription = '\u202Egpj.exe\u202C safe-name';
    f.des.name = 'des-fixture\u200B';
    return f;
  }

  it('normalises to names and states that show their controls, while ids keep their exact text', () => {
    const f = hostile();
    const estate = normalize(f.file);
    const server = estate.servers[0]!;
    expect(server.machineName).toBe('EVIL[U+202E]exe.gpj');
    expect(server.migrationStateDescription).toBe('[U+202E]gpj.exe[U+202C] safe-name');
    expect(server.id).toBe(f.item.id);
    const des = [...estate.diskEncryptionSets.values()][0]!;
    expect(des.name).toBe('des-fixture[U+200B]');
    expect(des.id).toBe(f.des.id);
  });

  it('keeps them visible in the grid rows, the findings and the CSV export', () => {
    const f = hostile();
    const evaluation = run(f);
    const rows = serverRows(normalize(f.file), evaluation);
    expect(rows[0]!.name).toBe('EVIL[U+202E]exe.gpj');
    expect(rows[0]!.state).toContain('[U+202E]');
    const csv = findingsCsv(evaluation);
    expect(hasHiddenControls(csv)).toBe(false);
    expect(evaluation.servers.map((s) => s.name)).toEqual(['EVIL[U+202E]exe.gpj']);
  });
});
