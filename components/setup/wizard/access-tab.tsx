'use client';

import { Body1, Caption1, Checkbox, Subtitle2 } from '@fluentui/react-components';
import { normalizeId, parseResourceId } from '@/lib/estate/ids';
import { GUARD_ASSIGNMENT, guardAt, guardScopes } from '@/lib/provisioning/steps';
import { useWizardStyles } from './styles';
import type { SetupWizard } from './use-setup-wizard';

/** Access: which grant the disk encryption set's identity gets, what the user needs to make it, and the policy guard. */
export function AccessTab({ w }: { w: SetupWizard }) {
  const s = useWizardStyles();
  const { intent, rbac } = w;
  return (
    <>
      <section className={s.card} aria-label="Access">
        <Body1>
          {rbac
            ? `The vault uses Azure RBAC: Lockstep assigns the role Key Vault Crypto Service Encryption User on the vault to the disk encryption set's identity (principal type ServicePrincipal). That role can read the key and wrap and unwrap with it, nothing more.`
            : `The vault uses access policies: Lockstep adds one for the disk encryption set's identity with the key permissions get, wrapKey and unwrapKey, nothing more.`}
        </Body1>
        <Body1>
          {intent.diskEncryptionSet.identity === 'SystemAssigned'
            ? 'The identity is created with the disk encryption set, so the grant follows it; a new identity can take a minute to reach every directory replica, and Lockstep retries while it does.'
            : 'A user-assigned identity exists before the disk encryption set, so it is granted first.'}
        </Body1>
        <Caption1 className={s.muted}>
          {rbac
            ? 'Assigning roles needs Microsoft.Authorization/roleAssignments/write (Owner or User Access Administrator).'
            : 'Adding access policies needs Microsoft.KeyVault/vaults/accessPolicies/write (Contributor or Key Vault Contributor).'}{' '}
          Review + create checks whether you have it.
        </Caption1>
      </section>
      <PolicyGuard w={w} />
    </>
  );
}

/** The guard: the built-in d461a302 with effect Deny on the selected servers' target groups, allowing this DES. */
function PolicyGuard({ w }: { w: SetupWizard }) {
  const s = useWizardStyles();
  const { intent, set, draft, estate } = w;
  const groups = guardScopes(draft.servers, intent.subscriptionId);
  const chosen = new Set((intent.policyGuard?.resourceGroups ?? []).map(normalizeId));
  const toggle = (rg: string, on: boolean) => {
    const next = groups.filter((g) => (normalizeId(g) === normalizeId(rg) ? on : chosen.has(normalizeId(g))));
    set({ policyGuard: next.length > 0 ? { resourceGroups: next } : undefined });
  };
  return (
    <section className={s.card} aria-labelledby="guard-title">
      <Subtitle2 as="h2" id="guard-title" style={{ margin: 0 }}>
        Guard with Azure Policy (optional)
      </Subtitle2>
      <Body1>
        After the disk encryption set is secured, Lockstep can assign the built-in policy{' '}
        <em>Managed disks should use a specific set of disk encryption sets for the customer-managed key encryption</em> (d461a302-a187-421a-89ac-84acdb4edc04)
        with effect <strong>Deny</strong> on the resource groups the servers land in, allowing {intent.diskEncryptionSet.name || 'this set'}. Azure then refuses
        any new disk there under a platform key or another set: the next replication cannot be enabled without the customer&apos;s key.
      </Body1>
      {groups.length === 0 ? (
        <Caption1 className={s.muted}>
          Select servers on Replicating servers and set up encryption from there to guard the resource groups they land in.
        </Caption1>
      ) : (
        groups.map((rg) => {
          const earlier = guardAt(estate.policyAssignments, rg);
          return (
            <div key={rg}>
              <Checkbox
                checked={chosen.has(normalizeId(rg))}
                onChange={(_, d) => toggle(rg, d.checked === true)}
                label={`Deny other disks in ${parseResourceId(rg)?.name ?? rg}`}
              />
              <Caption1 as="p" className={s.muted} style={{ display: 'block', margin: '0 0 0 32px' }}>
                Scope {rg} · assignment {GUARD_ASSIGNMENT} · effect Deny
                {earlier ? ` · keeps the ${earlier.allowedEncryptionSets.length} set(s) its earlier guard allows` : ''}
              </Caption1>
            </div>
          );
        })
      )}
      <Caption1 className={s.muted}>
        Assigning policy needs Microsoft.Authorization/policyAssignments/write (Owner or Resource Policy Contributor on the group). Review + create checks
        whether you have it and names who does.
      </Caption1>
    </section>
  );
}
