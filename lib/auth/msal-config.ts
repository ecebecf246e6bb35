import type { Configuration } from '@azure/msal-browser';
import type { LockstepConfig } from './config-values';

/**
 * MSAL's configuration, as documented data. For the local cloud MSAL is told the emulator's
 * endpoints outright (platform-notes: an http authority fails with `authority_uri_insecure`).
 */
export function msalConfiguration(c: LockstepConfig): Configuration {
  const local = c.cloud.name === 'local';
  const emulator = new URL(c.cloud.authorityHost);
  return {
    auth: {
      clientId: c.clientId,
      // MSAL insists on an https authority string. For the emulator it is never contacted:
      // authorityMetadata below names the real (http) endpoints.
      authority: local ? `https://${emulator.host}/${c.tenant}` : `${c.cloud.authorityHost}/${c.tenant}`,
      // Without this MSAL would try instance discovery against login.microsoftonline.com.
      knownAuthorities: local ? [emulator.host] : [],
      ...(local ? { authorityMetadata: JSON.stringify(emulatorMetadata(emulator.origin, c.tenant)) } : {}),
      redirectUri: c.redirectUri,
      postLogoutRedirectUri: c.redirectUri,
    },
    cache: {
      // Tokens live only as long as the tab: nothing survives the browser session.
      cacheLocation: 'sessionStorage',
    },
    system: {
      loggerOptions: {
        // MSAL logs can hold account details; keep them out of the console unless it is an error.
        piiLoggingEnabled: false,
        logLevel: 0,
        loggerCallback: (level, message, containsPii) => {
          if (!containsPii && level === 0) console.error(`[msal] ${message}`);
        },
      },
    },
  };
}

export function emulatorMetadata(origin: string, tenant: string) {
  return {
    issuer: `${origin}/${tenant}/v2.0`,
    authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
    token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
    end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
    jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
  };
}
