import { EventType, type AccountInfo, type EventCallbackFunction, type EventMessage } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { MsalTokenSource, RENEWAL_MARGIN_MS } from './msal-token-source';
import { SignInRequiredError } from './token-source';

const ALICE = { homeAccountId: 'alice', username: 'alice@contoso.example' } as AccountInfo;
const BOB = { homeAccountId: 'bob', username: 'bob@contoso.example' } as AccountInfo;

/** MSAL's session cache as far as the token source sees it: the active account, and tokens it hands out silently. */
function fakeMsal(lifetimeMs = 3_600_000) {
  let account: AccountInfo | null = ALICE;
  const callbacks: EventCallbackFunction[] = [];
  const calls: { account: string; forceRefresh: boolean }[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const pca = {
    getActiveAccount: () => account,
    addEventCallback: (cb: EventCallbackFunction) => {
      callbacks.push(cb);
      return String(callbacks.length);
    },
    acquireTokenRedirect: async () => undefined,
    acquireTokenSilent: async (r: { account?: AccountInfo; forceRefresh?: boolean }) => {
      calls.push({ account: r.account!.homeAccountId, forceRefresh: !!r.forceRefresh });
      if (hold) await new Promise<void>((ok) => (release = ok));
      return { accessToken: `${r.account!.homeAccountId}-${calls.length}`, expiresOn: new Date(Date.now() + lifetimeMs) };
    },
  };
  return {
    pca: pca as unknown as ConstructorParameters<typeof MsalTokenSource>[0],
    calls,
    signInAs: (a: AccountInfo | null) => {
      account = a;
      for (const cb of callbacks) cb({ eventType: EventType.ACTIVE_ACCOUNT_CHANGED } as EventMessage);
    },
    holdCalls: () => (hold = true),
    releaseCall: () => {
      hold = false;
      release?.();
    },
  };
}

describe('MSAL token source', () => {
  it('asks MSAL once while the token has more than five minutes to live', async () => {
    const msal = fakeMsal();
    const tokens = new MsalTokenSource(msal.pca, 'https://management.azure.com/.default');
    const first = await tokens.getArmToken();
    for (let i = 0; i < 50; i++) expect(await tokens.getArmToken()).toEqual(first);
    expect(msal.calls).toHaveLength(1);
  });

  it('asks MSAL every time for a token that ends within the renewal margin', async () => {
    const msal = fakeMsal(RENEWAL_MARGIN_MS - 1000);
    const tokens = new MsalTokenSource(msal.pca, 'scope');
    await tokens.getArmToken();
    await tokens.getArmToken();
    expect(msal.calls).toHaveLength(2);
  });

  it('shares one MSAL call among callers asking at once', async () => {
    const msal = fakeMsal();
    msal.holdCalls();
    const tokens = new MsalTokenSource(msal.pca, 'scope');
    const asked = Array.from({ length: 20 }, () => tokens.getArmToken());
    await Promise.resolve();
    msal.releaseCall();
    const got = await Promise.all(asked);
    expect(new Set(got.map((t) => t.token)).size).toBe(1);
    expect(msal.calls).toHaveLength(1);
  });

  it('goes to MSAL for a forced refresh (after a 401) and keeps the fresh token', async () => {
    const msal = fakeMsal();
    const tokens = new MsalTokenSource(msal.pca, 'scope');
    const old = await tokens.getArmToken();
    const fresh = await tokens.getArmToken({ forceRefresh: true });
    expect(fresh.token).not.toBe(old.token);
    expect(msal.calls.at(-1)).toEqual({ account: 'alice', forceRefresh: true });
    expect(await tokens.getArmToken()).toEqual(fresh);
    expect(msal.calls).toHaveLength(2);
  });

  it('keeps the token when the same person is made active again (as happens after every token)', async () => {
    const msal = fakeMsal();
    const tokens = new MsalTokenSource(msal.pca, 'scope');
    const first = await tokens.getArmToken();
    msal.signInAs(ALICE);
    expect(await tokens.getArmToken()).toEqual(first);
    expect(msal.calls).toHaveLength(1);
  });

  it("forgets the token when the active account changes, and never hands out the last person's", async () => {
    const msal = fakeMsal();
    const tokens = new MsalTokenSource(msal.pca, 'scope');
    expect((await tokens.getArmToken()).token).toMatch(/^alice-/);
    msal.signInAs(BOB);
    expect((await tokens.getArmToken()).token).toMatch(/^bob-/);
    msal.signInAs(null);
    await expect(tokens.getArmToken()).rejects.toBeInstanceOf(SignInRequiredError);
  });

  it('does not keep a token that arrives after the account changed under it', async () => {
    const msal = fakeMsal();
    msal.holdCalls();
    const tokens = new MsalTokenSource(msal.pca, 'scope');
    const asked = tokens.getArmToken();
    await Promise.resolve();
    msal.signInAs(BOB);
    msal.releaseCall();
    expect((await asked).token).toMatch(/^alice-/);
    expect((await tokens.getArmToken()).token).toMatch(/^bob-/);
  });
});
