/**
 * The clouds Lockstep can talk to. Only this module and lib/azure know which one is in use;
 * everything else sees an ARM endpoint and a token source (DESIGN §7).
 */
export type CloudName = 'local' | 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export const CLOUD_NAMES: readonly CloudName[] = ['local', 'AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'];

export interface CloudEndpoints {
  name: CloudName;
  displayName: string;
  /** Where Entra ID signs people in (`https://login.microsoftonline.com`). */
  authorityHost: string;
  /** ARM's root (`https://management.azure.com`). */
  armEndpoint: string;
  /** The one scope every ARM client asks for. */
  armScope: string;
  /** Plain http is allowed only for the local emulator. */
  allowInsecure: boolean;
  portalHost: string;
  /** Microsoft Graph's root, for names of principals (`https://graph.microsoft.com`). */
  graphEndpoint: string;
  /** The least-privileged delegated permission that resolves ids to names (directoryObjects/getByIds). */
  graphScope: string;
}

export const PUBLIC_CLOUDS: Record<Exclude<CloudName, 'local'>, CloudEndpoints> = {
  AzureCloud: {
    name: 'AzureCloud',
    displayName: 'Azure',
    authorityHost: 'https://login.microsoftonline.com',
    armEndpoint: 'https://management.azure.com',
    armScope: 'https://management.azure.com/user_impersonation',
    allowInsecure: false,
    portalHost: 'https://portal.azure.com',
    graphEndpoint: 'https://graph.microsoft.com',
    graphScope: 'https://graph.microsoft.com/Directory.Read.All',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    displayName: 'Azure Government',
    authorityHost: 'https://login.microsoftonline.us',
    armEndpoint: 'https://management.usgovcloudapi.net',
    armScope: 'https://management.usgovcloudapi.net/user_impersonation',
    allowInsecure: false,
    portalHost: 'https://portal.azure.us',
    graphEndpoint: 'https://graph.microsoft.us',
    graphScope: 'https://graph.microsoft.us/Directory.Read.All',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    displayName: 'Azure operated by 21Vianet',
    authorityHost: 'https://login.chinacloudapi.cn',
    armEndpoint: 'https://management.chinacloudapi.cn',
    armScope: 'https://management.chinacloudapi.cn/user_impersonation',
    allowInsecure: false,
    portalHost: 'https://portal.azure.cn',
    graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn',
    graphScope: 'https://microsoftgraph.chinacloudapi.cn/Directory.Read.All',
  },
};

/** The local emulator plays Azure public: same scope, its own http origin for sign-in and ARM. */
export function localCloud(emulatorUrl: string): CloudEndpoints {
  const origin = new URL(emulatorUrl).origin;
  return {
    name: 'local',
    displayName: 'Local Azure emulator',
    authorityHost: origin,
    armEndpoint: origin,
    armScope: 'https://management.azure.com/user_impersonation',
    allowInsecure: true,
    portalHost: origin,
    // The emulator answers Graph's subset on its own origin, for Graph's audience.
    graphEndpoint: origin,
    graphScope: 'https://graph.microsoft.com/Directory.Read.All',
  };
}
