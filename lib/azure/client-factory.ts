/**
 * The one place ARM SDK clients are built (DESIGN §7). Each client gets the cloud's endpoint,
 * loses the SDK's stock bearer policy and gets Lockstep's. Clients are imported on first use so
 * the SDKs stay out of the first page's bundle.
 */
import { bearerTokenAuthenticationPolicyName, type Pipeline, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';
import type { TokenSource } from '../auth/token-source';
import { lockstepBearerPolicy } from './bearer-policy';
import { rememberErrorBody } from './error-bodies';

export interface ArmTarget {
  /** ARM's root URL for the cloud. */
  armEndpoint: string;
  /** True only for the local emulator. */
  allowInsecure: boolean;
}

export interface ArmClientFactoryOptions {
  cloud: ArmTarget;
  tokens: TokenSource;
  /** Retries for 429/5xx/dropped connections; `Retry-After` sets the wait. */
  maxRetries?: number;
  /** Sees every ARM answer (after retries), e.g. to keep the raw JSON for an estate capture. */
  observe?: (response: PipelineResponse) => void;
  /** Runs before every request is sent (each page and each retry), e.g. to pace reads to ARM's throttle. */
  beforeSend?: (request: PipelineRequest) => Promise<void>;
}

export type ArmClientFactory = ReturnType<typeof createArmClientFactory>;

export function createArmClientFactory(opts: ArmClientFactoryOptions) {
  const { cloud, tokens } = opts;
  // The SDK constructors want a TokenCredential; Lockstep's policy is what actually signs requests.
  const credential: TokenCredential = { getToken: async () => tokens.getArmToken() };
  const options = {
    endpoint: cloud.armEndpoint,
    $host: cloud.armEndpoint,
    allowInsecureConnection: cloud.allowInsecure,
    retryOptions: { maxRetries: opts.maxRetries ?? 3, retryDelayInMs: 800, maxRetryDelayInMs: 30_000 },
    userAgentOptions: { userAgentPrefix: 'lockstep/0.1' },
  };
  const own = <T extends { pipeline: Pipeline }>(client: T): T => {
    client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
    client.pipeline.addPolicy(lockstepBearerPolicy(tokens, cloud.allowInsecure), { phase: 'Sign' });
    const observe = opts.observe;
    const beforeSend = opts.beforeSend;
    client.pipeline.addPolicy({
      name: 'lockstepResponsePolicy',
      async sendRequest(request, next) {
        if (beforeSend) await beforeSend(request);
        const response = await next(request);
        if (response.status >= 400 && response.bodyAsText) rememberErrorBody(request, response.bodyAsText);
        observe?.(response);
        return response;
      },
    });
    return client;
  };
  return {
    cloud,
    async subscriptions() {
      const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
      return own(new SubscriptionClient(credential, options));
    },
    async resources(subscriptionId: string) {
      const { ResourceManagementClient } = await import('@azure/arm-resources');
      return own(new ResourceManagementClient(credential, subscriptionId, options));
    },
    async compute(subscriptionId: string) {
      const { ComputeManagementClient } = await import('@azure/arm-compute');
      return own(new ComputeManagementClient(credential, subscriptionId, options));
    },
    async keyVault(subscriptionId: string) {
      const { KeyVaultManagementClient } = await import('@azure/arm-keyvault');
      return own(new KeyVaultManagementClient(credential, subscriptionId, options));
    },
    async siteRecovery(subscriptionId: string) {
      const { SiteRecoveryManagementClient } = await import('@azure/arm-recoveryservices-siterecovery');
      return own(new SiteRecoveryManagementClient(credential, subscriptionId, options));
    },
    async monitor(subscriptionId: string) {
      const { MonitorClient } = await import('@azure/arm-monitor');
      return own(new MonitorClient(credential, subscriptionId, options));
    },
    async locks(subscriptionId: string) {
      const { ManagementLockClient } = await import('@azure/arm-locks');
      return own(new ManagementLockClient(credential, subscriptionId, options));
    },
    async authorization(subscriptionId: string) {
      const { AuthorizationManagementClient } = await import('@azure/arm-authorization');
      return own(new AuthorizationManagementClient(credential, subscriptionId, options));
    },
    async policy(subscriptionId: string) {
      const { PolicyClient } = await import('@azure/arm-policy');
      return own(new PolicyClient(credential, subscriptionId, options));
    },
    async features(subscriptionId: string) {
      const { FeatureClient } = await import('@azure/arm-features');
      return own(new FeatureClient(credential, subscriptionId, options));
    },
  };
}
