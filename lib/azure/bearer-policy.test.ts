import { createHttpHeaders, createPipelineRequest, type PipelineResponse, type SendRequest } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { lockstepBearerPolicy } from './bearer-policy';
import { toArmError, explainArmError } from './errors';

function source() {
  const calls: boolean[] = [];
  return {
    calls,
    getArmToken: async (o?: { forceRefresh?: boolean }) => {
      calls.push(!!o?.forceRefresh);
      return { token: o?.forceRefresh ? 'fresh' : 'cached', expiresOnTimestamp: Date.now() + 60_000 };
    },
  };
}

const respond =
  (status: number): SendRequest =>
  async (request) =>
    ({ request, status, headers: createHttpHeaders() }) as PipelineResponse;

describe("Lockstep's bearer policy", () => {
  it('refuses to send a token over http unless the cloud is local', async () => {
    const policy = lockstepBearerPolicy(source(), false);
    await expect(policy.sendRequest(createPipelineRequest({ url: 'http://management.example/subscriptions' }), respond(200))).rejects.toThrow(
      'Refusing to send an Azure access token over plain http',
    );
    const local = lockstepBearerPolicy(source(), true);
    const req = createPipelineRequest({ url: 'http://localhost:3080/subscriptions' });
    expect((await local.sendRequest(req, respond(200))).status).toBe(200);
    expect(req.headers.get('authorization')).toBe('Bearer cached');
  });

  it('retries once with a fresh token after a 401', async () => {
    const s = source();
    const seen: string[] = [];
    const next: SendRequest = async (request) => {
      seen.push(request.headers.get('authorization')!);
      return { request, status: seen.length === 1 ? 401 : 200, headers: createHttpHeaders() } as PipelineResponse;
    };
    const r = await lockstepBearerPolicy(s, false).sendRequest(createPipelineRequest({ url: 'https://management.azure.com/x' }), next);
    expect(r.status).toBe(200);
    expect(seen).toEqual(['Bearer cached', 'Bearer fresh']);
    expect(s.calls).toEqual([false, true]);
  });
});

describe('ARM errors in words', () => {
  it('names the denied action and scope', () => {
    const e = toArmError(
      {
        statusCode: 403,
        code: 'AuthorizationFailed',
        message:
          "The client 'a@b' with object id 'x' does not have authorization to perform action 'Microsoft.Compute/diskEncryptionSets/write' over scope '/subscriptions/s/resourceGroups/rg' or the scope is invalid.",
      },
      'create the disk encryption set',
    );
    expect(e).toMatchObject({
      kind: 'forbidden',
      details: { deniedAction: 'Microsoft.Compute/diskEncryptionSets/write', deniedScope: '/subscriptions/s/resourceGroups/rg' },
    });
    expect(explainArmError(e).detail).toBe(
      'Lockstep could not create the disk encryption set: your account is not allowed to perform Microsoft.Compute/diskEncryptionSets/write on /subscriptions/s/resourceGroups/rg.',
    );
  });

  it('tells a dropped connection, a malformed body and throttling apart', () => {
    expect(toArmError({ name: 'RestError', code: 'REQUEST_SEND_ERROR', message: 'socket hang up' }).kind).toBe('network');
    expect(toArmError({ name: 'RestError', code: 'PARSE_ERROR', message: 'Unexpected end of JSON input' }).kind).toBe('malformed');
    const throttled = toArmError({
      statusCode: 429,
      message: 'x',
      response: { status: 429, headers: { get: (n: string) => (n === 'retry-after' ? '7' : undefined) } },
    });
    expect(throttled).toMatchObject({ kind: 'throttled', details: { retryAfterSeconds: 7 } });
    expect(explainArmError(throttled).detail).toContain('for 7 s');
  });
});
