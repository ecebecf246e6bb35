/**
 * The ARM sender that guided setup's apply() uses: every plan request goes through the SDK's generic resource
 * operations (`@azure/arm-resources` Resources_CreateOrUpdateById / UpdateById / DeleteById / GetById), built by
 * the client factory, so the requests carry Lockstep's bearer policy, ARM's retry rules for 429 and
 * 5xx, and the SDK's long-running-operation poller (Azure-AsyncOperation, Location, Retry-After). ARM has no generic
 * action (POST): each one a plan may send is mapped to its typed SDK operation, and any other is refused before sending.
 */
import type { GenericResource } from '@azure/arm-resources';
import type { ArmClientFactory } from './client-factory';

export interface ArmRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';
  url: string;
  body?: unknown;
}

/** Sends one request and returns the final resource (long-running operations followed to the end). */
export interface ArmSender {
  send(request: ArmRequest, signal?: AbortSignal): Promise<unknown>;
}

export function splitArmUrl(url: string): { resourceId: string; apiVersion: string; subscriptionId: string } {
  const [path = '', query = ''] = url.split('?');
  const apiVersion = new URLSearchParams(query).get('api-version');
  const subscriptionId = path.match(/^\/subscriptions\/([^/]+)/i)?.[1];
  if (!apiVersion || !subscriptionId) throw new Error(`The request URL ${url} needs a subscription path and an api-version.`);
  // The SDK's path template is "/{resourceId}" with the id unencoded: pass it without its leading slash.
  return { resourceId: path.replace(/^\/+/, ''), apiVersion, subscriptionId };
}

export function createArmSender(factory: ArmClientFactory, options: { pollIntervalMs?: number } = {}): ArmSender {
  return {
    async send(request: ArmRequest, signal?: AbortSignal) {
      const { resourceId, apiVersion, subscriptionId } = splitArmUrl(request.url);
      const client = await factory.resources(subscriptionId);
      const lro = { abortSignal: signal, updateIntervalInMs: options.pollIntervalMs ?? 2000 };
      switch (request.method) {
        case 'POST':
          return sendAction(factory, request.url, request.body, lro);
        case 'GET':
          return client.resources.getById(resourceId, apiVersion, { abortSignal: signal });
        case 'PUT':
          return client.resources.beginCreateOrUpdateByIdAndWait(resourceId, apiVersion, (request.body ?? {}) as GenericResource, lro);
        case 'PATCH':
          return client.resources.beginUpdateByIdAndWait(resourceId, apiVersion, (request.body ?? {}) as GenericResource, lro);
        case 'DELETE':
          // Resources_DeleteById, followed to the end; what is gone has no body.
          await client.resources.beginDeleteByIdAndWait(resourceId, apiVersion, lro);
          return {};
      }
    },
  };
}

const FEATURE_REGISTER = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Features\/providers\/([^/]+)\/features\/([^/]+)\/register$/i;
const PROTECTED_ITEM_REMOVE =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)\/replicationFabrics\/([^/]+)\/replicationProtectionContainers\/([^/]+)\/replicationProtectedItems\/([^/]+)\/remove$/i;
const VM_POWER = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)\/(deallocate|start)$/i;

/**
 * The actions plans send: Features_Register, VirtualMachines_Deallocate, VirtualMachines_Start and
 * ReplicationProtectedItems_Delete (`remove`: disable an agent-based server's replication), followed to the end.
 */
async function sendAction(
  factory: ArmClientFactory,
  url: string,
  body: unknown,
  lro: { abortSignal?: AbortSignal; updateIntervalInMs: number },
): Promise<unknown> {
  const path = url.split('?')[0]!;
  const remove = PROTECTED_ITEM_REMOVE.exec(path);
  if (remove) {
    const [, sub, rg, vault, fabric, container, item] = remove as unknown as string[];
    const sr = await factory.siteRecovery(sub!);
    const input = (body ?? { properties: {} }) as Parameters<typeof sr.replicationProtectedItems.beginDeleteAndWait>[5];
    await sr.replicationProtectedItems.beginDeleteAndWait(vault!, rg!, fabric!, container!, item!, input, lro);
    return {};
  }
  const feature = FEATURE_REGISTER.exec(path);
  if (feature) return (await factory.features(feature[1]!)).features.register(feature[2]!, feature[3]!, { abortSignal: lro.abortSignal });
  const vm = VM_POWER.exec(path);
  if (vm) {
    const compute = await factory.compute(vm[1]!);
    if (vm[4]!.toLowerCase() === 'deallocate') await compute.virtualMachines.beginDeallocateAndWait(vm[2]!, vm[3]!, lro);
    else await compute.virtualMachines.beginStartAndWait(vm[2]!, vm[3]!, lro);
    return {};
  }
  throw new Error(`Lockstep has no SDK operation for POST ${path}.`);
}
