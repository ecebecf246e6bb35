import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TokenSource } from '../auth/token-source';

export const LOCKSTEP_BEARER_POLICY = 'lockstepBearerPolicy';

/**
 * Lockstep's bearer policy, used instead of the SDK's: one scope for every package (the token
 * source decides it), tokens only over https unless the cloud is the local emulator, and one
 * retry with a fresh token when ARM answers 401.
 */
export function lockstepBearerPolicy(tokens: TokenSource, allowInsecure: boolean): PipelinePolicy {
  return {
    name: LOCKSTEP_BEARER_POLICY,
    async sendRequest(request, next) {
      if (!request.url.toLowerCase().startsWith('https://') && !allowInsecure) {
        throw new Error(`Refusing to send an Azure access token over plain http to ${new URL(request.url).origin}.`);
      }
      const first = await tokens.getArmToken();
      request.headers.set('Authorization', `Bearer ${first.token}`);
      const response = await next(request);
      if (response.status !== 401) return response;
      const fresh = await tokens.getArmToken({ forceRefresh: true });
      if (fresh.token === first.token) return response;
      request.headers.set('Authorization', `Bearer ${fresh.token}`);
      return next(request);
    },
  };
}
