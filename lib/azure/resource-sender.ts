/**
 * The ARM sender that guided setup's apply() uses: every plan request goes through the SDK's generic resource
 * operations (`@azure/arm-resources` Resources_CreateOrUpdateById / UpdateById / DeleteById / GetById), built by
 * the client factory, so the requests carry Lockstep's bearer policy, ARM's retry rules for 429 and
 * 5xx, and the SDK's long-running-operation poller (Azure-AsyncOperation, Location, Retry-After).
 */
import type { GenericResource } from '@azure/arm-resources';
import type { ArmClientFactory } from './client-factory';

export interface ArmRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE';
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
