import type { ArmToken, TokenSource } from './token-source';

/**
 * The OAuth 2.0 password grant against an Entra ID token endpoint. Only the emulator's demo
 * users have passwords; the CLI and the contract tests use this. Never used in the browser.
 */
export class PasswordTokenSource implements TokenSource {
  private cached?: ArmToken;

  constructor(private readonly opts: { tokenEndpoint: string; clientId: string; username: string; password: string; scope: string }) {}

  async getArmToken(options?: { forceRefresh?: boolean }): Promise<ArmToken> {
    if (!options?.forceRefresh && this.cached && this.cached.expiresOnTimestamp - 60_000 > Date.now()) return this.cached;
    const res = await fetch(this.opts.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: this.opts.clientId,
        username: this.opts.username,
        password: this.opts.password,
        scope: `${this.opts.scope} openid profile offline_access`,
      }),
    });
    const body = (await res.json()) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!res.ok || !body.access_token) throw new Error(`Sign-in failed: ${body.error ?? res.status}: ${body.error_description ?? ''}`.trim());
    this.cached = { token: body.access_token, expiresOnTimestamp: Date.now() + (body.expires_in ?? 3600) * 1000 };
    return this.cached;
  }
}
