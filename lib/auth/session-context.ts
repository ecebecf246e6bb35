'use client';

import { createContext, useContext } from 'react';
import type { AccountInfo, EndSessionRequest, RedirectRequest } from '@azure/msal-browser';

/**
 * What pages need from MSAL: who is signed in, whether MSAL is busy, and the ways in and out. A context with no MSAL
 * code, filled by MsalArmProviders, so no page's first load carries MSAL itself.
 */
export interface Session {
  accounts: AccountInfo[];
  /** The active account, else the first signed-in one. */
  account: AccountInfo | undefined;
  /** An interaction (a redirect being handled, a sign-in starting) is in progress. */
  busy: boolean;
  loginRedirect(request: RedirectRequest): Promise<void>;
  logoutRedirect(request: EndSessionRequest): Promise<void>;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession must be used inside <MsalArmProviders>.');
  return v;
}
