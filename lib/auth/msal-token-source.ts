import { EventType, InteractionRequiredAuthError, type EventMessage, type PublicClientApplication } from '@azure/msal-browser';
import { SignInRequiredError, type ArmToken, type TokenSource } from './token-source';

/**
 * MSAL renews an access token this long before it expires (its `tokenRenewalOffsetSeconds` default); the token kept in
 * memory is handed out no closer to its end than that, so it never outlives the one in MSAL's cache.
 */
export const RENEWAL_MARGIN_MS = 300_000;

/** The events after which the token kept in memory may belong to someone else, or to nobody. */
const ACCOUNT_EVENTS = new Set<string>([EventType.ACTIVE_ACCOUNT_CHANGED, EventType.LOGIN_SUCCESS, EventType.LOGOUT_START, EventType.LOGOUT_SUCCESS]);

type Pca = Pick<PublicClientApplication, 'getActiveAccount' | 'acquireTokenSilent' | 'acquireTokenRedirect' | 'addEventCallback'>;

/**
 * ARM tokens from MSAL: silently from the session cache or the refresh token; when Entra ID
 * needs the user again, the tab is sent to sign in and comes back to the same page.
 *
 * The token is also kept in memory until five minutes before it expires, as the Azure SDK's own bearer policy keeps
 * its token, and callers asking at once share one MSAL call: reading the estate sends a few hundred requests, and each
 * `acquireTokenSilent` reads and decodes MSAL's session cache and emits events every MSAL listener answers (measured:
 * a fifth of the page's work while the demo estate loads). Session storage stays the only place a token is stored.
 */
export class MsalTokenSource implements TokenSource {
  private held?: ArmToken;
  private pending?: { promise: Promise<ArmToken>; forced: boolean };
  /** Whose token is held or on its way (MSAL's home account id). */
  private owner?: string;

  /**
   * `interactive: false` (Microsoft Graph, for names only) never sends the tab away: when consent or sign-in is
   * needed it fails, and the caller shows ids with a note instead.
   */
  constructor(
    private readonly pca: Pca,
    private readonly scope: string,
    private readonly interactive = true,
  ) {
    pca.addEventCallback((message: EventMessage) => {
      if (!ACCOUNT_EVENTS.has(message.eventType)) return;
      // Setting the same account active again (after a token, say) changes nobody.
      if (message.eventType === EventType.ACTIVE_ACCOUNT_CHANGED && this.owner && pca.getActiveAccount()?.homeAccountId === this.owner) return;
      this.forget();
    });
  }

  async getArmToken(options?: { forceRefresh?: boolean }): Promise<ArmToken> {
    const force = options?.forceRefresh ?? false;
    if (!force && this.held && this.held.expiresOnTimestamp - Date.now() > RENEWAL_MARGIN_MS) return this.held;
    // Callers join a renewal already on its way, except a forced refresh joining a plain one (which may bring back the
    // token ARM just refused).
    if (this.pending && (this.pending.forced || !force)) return this.pending.promise;
    const promise = this.acquire(force);
    const pending = { promise, forced: force };
    this.pending = pending;
    try {
      const token = await promise;
      if (this.pending === pending) this.held = token;
      return token;
    } finally {
      if (this.pending === pending) this.pending = undefined;
    }
  }

  /** Drops the token kept in memory (the account changed, or someone signed out). */
  forget(): void {
    this.held = undefined;
    this.pending = undefined;
    this.owner = undefined;
  }

  private async acquire(forceRefresh: boolean): Promise<ArmToken> {
    const account = this.pca.getActiveAccount();
    if (!account) throw new SignInRequiredError('You are not signed in.');
    this.owner = account.homeAccountId;
    try {
      const r = await this.pca.acquireTokenSilent({ scopes: [this.scope], account, forceRefresh });
      return { token: r.accessToken, expiresOnTimestamp: r.expiresOn?.getTime() ?? Date.now() + RENEWAL_MARGIN_MS };
    } catch (e) {
      if (e instanceof InteractionRequiredAuthError && this.interactive) {
        await this.pca.acquireTokenRedirect({ scopes: [this.scope], account, state: window.location.pathname + window.location.search });
        throw new SignInRequiredError();
      }
      throw e;
    }
  }
}
