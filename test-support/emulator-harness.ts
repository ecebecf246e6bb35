/** Helpers for tests that run the real SDK clients against a started emulator. */
import { PasswordTokenSource } from '../lib/auth/password-token-source';
import { createArmClientFactory } from '../lib/azure/client-factory';
import { buildDemoEstate, DEMO_CLI_CLIENT_ID, DEMO_PASSWORD, USERS } from '../emulator/src/demo';
import { startEmulator, type EmulatorOptions } from '../emulator/src/server';

export type Persona = keyof typeof USERS;

export async function startTestEmulator(opts: Partial<EmulatorOptions> = {}) {
  const estate = opts.estate ?? buildDemoEstate();
  const emulator = await startEmulator({ lroMs: 0, ...opts, estate, port: 0 });
  const base = `http://127.0.0.1:${emulator.port}`;
  const tokens = (who: Persona) =>
    new PasswordTokenSource({
      tokenEndpoint: `${base}/${estate.tenantId}/oauth2/v2.0/token`,
      clientId: DEMO_CLI_CLIENT_ID,
      username: USERS[who].userPrincipalName,
      password: DEMO_PASSWORD,
      scope: 'https://management.azure.com/user_impersonation',
    });
  const factory = (who: Persona, maxRetries = 3) =>
    createArmClientFactory({ cloud: { armEndpoint: base, allowInsecure: true }, tokens: tokens(who), maxRetries });
  const control = async (path: string, init?: { method?: string; body?: unknown }) => {
    const res = await fetch(`${base}/_emulator/${path}`, {
      method: init?.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return res.json() as Promise<Record<string, unknown>>;
  };
  return { emulator, estate, base, tokens, factory, control };
}
