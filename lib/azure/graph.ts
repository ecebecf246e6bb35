/**
 * Names for object ids: Microsoft Graph `POST /v1.0/directoryObjects/getByIds` (up to 1,000 ids a call), with the
 * least-privileged delegated permission that works for it, Directory.Read.All. Sent through the Azure SDK's own
 * pipeline (retries, Retry-After) with Lockstep's bearer policy, so tokens follow the same rules as for ARM.
 */
import { createDefaultHttpClient, createHttpHeaders, createPipelineFromOptions, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { TokenSource } from '../auth/token-source';
import type { EstateDirectoryObject } from '../estate/file';
import { lockstepBearerPolicy } from './bearer-policy';

export const GRAPH_BATCH = 1000;

export interface GraphTarget {
  /** Graph's root (`https://graph.microsoft.com`; the emulator's origin locally). */
  endpoint: string;
  /** Tokens for Graph's audience (scope `https://graph.microsoft.com/Directory.Read.All`). */
  tokens: TokenSource;
  allowInsecure: boolean;
}

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves ids to directory objects; ids Graph does not return are simply absent. Throws GraphError. */
export async function resolveDirectoryObjects(
  target: GraphTarget,
  ids: string[],
  onResponse?: (r: PipelineResponse) => void,
): Promise<EstateDirectoryObject[]> {
  const unique = [...new Set(ids.map((i) => i.toLowerCase()).filter((i) => GUID.test(i)))];
  if (unique.length === 0) return [];
  const pipeline = createPipelineFromOptions({
    retryOptions: { maxRetries: 3, retryDelayInMs: 800, maxRetryDelayInMs: 30_000 },
    userAgentOptions: { userAgentPrefix: 'lockstep/0.1' },
  });
  pipeline.addPolicy(lockstepBearerPolicy(target.tokens, target.allowInsecure), { phase: 'Sign' });
  const client = createDefaultHttpClient();
  const out: EstateDirectoryObject[] = [];
  for (let i = 0; i < unique.length; i += GRAPH_BATCH) {
    const request = createPipelineRequest({
      url: `${target.endpoint.replace(/\/$/, '')}/v1.0/directoryObjects/getByIds`,
      method: 'POST',
      headers: createHttpHeaders({ 'content-type': 'application/json', accept: 'application/json' }),
      body: JSON.stringify({ ids: unique.slice(i, i + GRAPH_BATCH), types: ['user', 'group', 'servicePrincipal'] }),
      allowInsecureConnection: target.allowInsecure,
    });
    const response = await pipeline.sendRequest(client, request);
    onResponse?.(response);
    let body: unknown;
    try {
      body = JSON.parse(response.bodyAsText ?? '');
    } catch {
      throw new GraphError(response.status, 'MalformedResponse', `Microsoft Graph answered ${response.status} with a body that is not JSON.`);
    }
    if (response.status !== 200) {
      const err = (body as { error?: { code?: string; message?: string } }).error;
      throw new GraphError(response.status, err?.code ?? String(response.status), err?.message ?? `Microsoft Graph answered ${response.status}.`);
    }
    for (const v of (body as { value?: unknown[] }).value ?? []) {
      const o = v as Record<string, unknown>;
      if (typeof o.id !== 'string' || !GUID.test(o.id)) continue;
      const type = String(o['@odata.type'] ?? '').replace('#microsoft.graph.', '') || 'directoryObject';
      out.push({
        id: o.id,
        objectType: type,
        displayName: typeof o.displayName === 'string' ? o.displayName : null,
        ...(typeof o.userPrincipalName === 'string' ? { userPrincipalName: o.userPrincipalName } : {}),
        ...(typeof o.appId === 'string' ? { appId: o.appId } : {}),
        ...(typeof o.servicePrincipalType === 'string' ? { servicePrincipalType: o.servicePrincipalType } : {}),
      });
    }
  }
  return out;
}
