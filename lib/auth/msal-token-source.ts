import { InteractionRequiredAuthError, type PublicClientApplication } from '@azure/msal-browser';
import { SignInRequiredError, type ArmToken, type TokenSource } from './token-source';

/**
 * ARM tokens from MSAL: silently from the session cache or the refresh token; when Entra ID
 * needs the user again, the tab is sent to sign in and comes back to the same page.
 */
export class MsalTokenSource implements TokenSource {
  /**
   * `interactive: false` (Microsoft Graph, for names only) never sends the tab away: when consent or sign-in is
   * needed it fails, and the caller shows ids with a note instead.
   */
  constructor(
    private readonly pca: PublicClientApplication,
    private readonly scope: string,
    private readonly interactive = true,
  ) {}

  async getArmToken(options?: { forceRefresh?: boolean }): Promise<ArmToken> {
    const account = this.pca.getActiveAccount();
    if (!account) throw new SignInRequiredError('You are not signed in.');
    try {
      const r = await this.pca.acquireTokenSilent({ scopes: [this.scope], account, forceRefresh: options?.forceRefresh ?? false });
      return { token: r.accessToken, expiresOnTimestamp: r.expiresOn?.getTime() ?? Date.now() + 300_000 };
    } catch (e) {
      if (e instanceof InteractionRequiredAuthError && this.interactive) {
        await this.pca.acquireTokenRedirect({ scopes: [this.scope], account, state: window.location.pathname + window.location.search });
        throw new SignInRequiredError();
      }
      throw e;
    }
  }
}
