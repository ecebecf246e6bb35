import { EventType, PublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';
import type { LockstepConfig } from './config-values';
import { msalConfiguration } from './msal-config';
import { safeReturnPath } from './return-path';

export interface MsalStart {
  pca: PublicClientApplication;
  /** Where the user was going when sign-in sent them away (the request's `state`). */
  returnTo?: string;
}

let started: Promise<MsalStart> | undefined;

/**
 * The one PublicClientApplication of this tab: created once, outside the component tree, and
 * initialised (including the redirect response) before anything renders with it.
 */
export function startMsal(config: LockstepConfig): Promise<MsalStart> {
  started ??= (async () => {
    const pca = new PublicClientApplication(msalConfiguration(config));
    await pca.initialize();
    pca.addEventCallback((event) => {
      if ((event.eventType === EventType.LOGIN_SUCCESS || event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS) && event.payload) {
        const account = (event.payload as AuthenticationResult).account;
        // Only a different account: setting the same one again rewrites session storage and tells every listener.
        if (account && pca.getActiveAccount()?.homeAccountId !== account.homeAccountId) pca.setActiveAccount(account);
      }
    });
    const result = await pca.handleRedirectPromise();
    if (result?.account) pca.setActiveAccount(result.account);
    else if (!pca.getActiveAccount()) {
      const [first] = pca.getAllAccounts();
      if (first) pca.setActiveAccount(first);
    }
    return { pca, returnTo: safeReturnPath(result?.state) };
  })();
  return started;
}
