'use client';

import { createContext, useContext } from 'react';

/** The page a sign-in redirect started from, so the user lands back where they were. */
export const ReturnToContext = createContext<string | undefined>(undefined);

export function useReturnTo(): string | undefined {
  return useContext(ReturnToContext);
}
