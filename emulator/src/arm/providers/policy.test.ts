/** Azure Policy as the emulator answers it through @azure/arm-policy: built-in definitions, and assignments at a scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../../../test-support/emulator-harness';
import { SUBS } from '../../demo';

let t: Awaited<ReturnType<typeof startTestEmulator>>;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.emulator.close();
});

const ALLOWED_DES = 'd461a302-a187-421a-89ac-84acdb4edc04';

describe('policy (emulator)', () => {
  it('serves the built-in definition with its parameters, and lists the assignments that apply to a subscription', async () => {
    const policy = await t.factory('ciso').policy(SUBS.research);
    const def = await policy.policyDefinitions.getBuiltIn(ALLOWED_DES);
    expect(def.displayName).toBe('Managed disks should use a specific set of disk encryption sets for the customer-managed key encryption');
    expect(Object.keys(def.parameters ?? {}).sort()).toEqual(['allowedEncryptionSets', 'effect']);
    const assignments = [];
    for await (const a of policy.policyAssignments.list()) assignments.push(a);
    expect(assignments.map((a) => a.name)).toContain('research-approved-des');
  });

  it('creates an assignment for an Owner, refuses a parameter the definition does not allow, and refuses a Reader', async () => {
    const scope = `/subscriptions/${SUBS.landing}/resourceGroups/rg-infra-prod-weu`;
    const body = (effect: string) => ({
      policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${ALLOWED_DES}`,
      parameters: { allowedEncryptionSets: { value: [] }, effect: { value: effect } },
    });
    const owner = await t.factory('consultant').policy(SUBS.landing);
    const created = await owner.policyAssignments.create(scope, 'guard', body('Deny') as never);
    expect(created.id?.toLowerCase()).toBe(`${scope}/providers/Microsoft.Authorization/policyAssignments/guard`.toLowerCase());
    await expect(owner.policyAssignments.create(scope, 'bad', body('Block') as never)).rejects.toMatchObject({ statusCode: 400 });
    const reader = await t.factory('ciso').policy(SUBS.landing);
    await expect(reader.policyAssignments.create(scope, 'nope', body('Deny') as never)).rejects.toMatchObject({ statusCode: 403 });
  });
});
