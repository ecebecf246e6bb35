'use client';

import { createContext, useContext } from 'react';
import type { AccountInfo, RedirectRequest } from '@azure/msal-browser';

/**
 * What the signed-out pages (the landing page, 404) need from MSAL: who is signed in, whether MSAL is busy, and the way
 * in. A context with no MSAL code, filled by MsalArmProviders, so these pages' first load carries no MSAL.
 */
export interface SignIn {
  accounts: AccountInfo[];
  /** An interaction (a redirect being handled, a sign-in starting) is in progress. */
  busy: boolean;
  loginRedirect(request: RedirectRequest): Promise<void>;
}

export const SignInContext = createContext<SignIn | undefined>(undefined);

export function useSignIn(): SignIn {
  const v = useContext(SignInContext);
  if (!v) throw new Error('useSignIn must be used inside <MsalArmProviders>.');
  return v;
}
