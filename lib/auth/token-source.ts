/** Where ARM tokens come from: MSAL in the browser, the password grant in Node (CLI, tests). */
export interface ArmToken {
  token: string;
  expiresOnTimestamp: number;
}

export interface TokenSource {
  /** A token for the cloud's ARM scope. `forceRefresh` skips any cache (after a 401). */
  getArmToken(options?: { forceRefresh?: boolean }): Promise<ArmToken>;
}

/** Raised when a token needs the user: the browser is being sent to sign in. */
export class SignInRequiredError extends Error {
  constructor(message = 'Your session has ended. Sign in again to continue.') {
    super(message);
    this.name = 'SignInRequiredError';
  }
}
