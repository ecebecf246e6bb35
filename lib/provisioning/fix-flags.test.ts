/** A rule's `fix` and the fix-it builders agree: Fix is offered for exactly the rules whose definition says what it does. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateFile } from '../estate/file';
import { normalize } from '../estate/normalize';
import { RULES } from '../readiness/catalog';
import { FIXABLE_RULES, fixFor } from './fixits';

const file = parseEstateFile(readFileSync(resolve(__dirname, '../../emulator/estates/contoso-health.json'), 'utf8'), 'demo');
const estate = normalize(file);
const now = Date.parse(file.capturedAt) / 1000;
const everyResource = [...estate.keyVaults.keys(), ...estate.diskEncryptionSets.keys(), ...estate.keys.keys(), ...estate.servers.map((s) => s.id)];
const fixesSomething = (ruleId: string) => everyResource.some((id) => fixFor(ruleId, id, estate, { now }) !== undefined);

describe('fix-it flags', () => {
  it('are the fixable rules', () => {
    expect([...FIXABLE_RULES].sort()).toEqual(
      RULES.filter((r) => r.fix)
        .map((r) => r.id)
        .sort(),
    );
  });

  it.each(RULES.filter((r) => r.fix).map((r) => [r.id, r.fix]))('%s has a fix-it that builds a plan: %s', (id) => {
    expect(fixesSomething(id)).toBe(true);
  });

  it.each(RULES.filter((r) => !r.fix).map((r) => [r.id]))('%s offers no fix-it', (id) => {
    expect(fixesSomething(id)).toBe(false);
  });
});
