import type { AccountInfo } from '@azure/msal-browser';
import type { ArmClientFactory } from '../azure/client-factory';

/**
 * Where a person lands after sign-in: people who cannot write anywhere (a CISO reading) on Compliance, people who can on
 * the Overview. Advisory only: when the check fails, the Overview. Stops at the first subscription that allows writes.
 */
export async function landingPathFor(arm: ArmClientFactory, account: AccountInfo): Promise<string> {
  try {
    const [{ listSubscriptions }, { canWriteSomewhere }] = await Promise.all([import('../azure/subscriptions'), import('../azure/permissions')]);
    const subs = (await listSubscriptions(arm)).map((s) => s.subscriptionId!).filter(Boolean);
    const oid = (account.idTokenClaims?.oid as string | undefined) ?? account.localAccountId;
    return (await canWriteSomewhere(arm, subs, oid)) ? '/overview/' : '/compliance/';
  } catch {
    return '/overview/';
  }
}
