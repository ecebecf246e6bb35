import type { Subscription, TenantIdDescription } from '@azure/arm-resources-subscriptions';
import type { ArmClientFactory } from './client-factory';
import { toArmError } from './errors';

/** Every subscription the signed-in user can see (all pages). Raw ARM models: lib/estate reshapes. */
export async function listSubscriptions(factory: ArmClientFactory): Promise<Subscription[]> {
  try {
    const client = await factory.subscriptions();
    const out: Subscription[] = [];
    for await (const s of client.subscriptions.list()) out.push(s);
    return out;
  } catch (e) {
    throw toArmError(e, 'list your subscriptions');
  }
}

/** The directories the user belongs to; the first one is the home directory the header names. */
export async function listTenants(factory: ArmClientFactory): Promise<TenantIdDescription[]> {
  try {
    const client = await factory.subscriptions();
    const out: TenantIdDescription[] = [];
    for await (const t of client.tenants.list()) out.push(t);
    return out;
  } catch (e) {
    throw toArmError(e, 'read your directory');
  }
}
