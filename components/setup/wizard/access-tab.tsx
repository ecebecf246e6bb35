'use client';

import { Body1, Caption1 } from '@fluentui/react-components';
import { useWizardStyles } from './styles';
import type { SetupWizard } from './use-setup-wizard';

/** Access: which grant the disk encryption set's identity gets, and what the user needs to make it. */
export function AccessTab({ w }: { w: SetupWizard }) {
  const s = useWizardStyles();
  const { intent, rbac } = w;
  return (
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
  );
}
