'use client';

import { useCallback, useEffect, useState } from 'react';

/**
 * A module the page needs soon but not for its first paint (a menu, a popover): fetched when the browser is next idle
 * after the page is shown, at once while `now` is true (an address that opens a pane), or when `load()` is called (a
 * click that cannot wait). Until then, undefined.
 */
export function useIdleImport<T>(importer: () => Promise<T>, now = false): [T | undefined, () => Promise<T>] {
  const [loaded, setLoaded] = useState<T>();
  const load = useCallback(() => {
    const p = importer();
    void p.then((m) => setLoaded(() => m)).catch(() => undefined);
    return p;
    // The importer is a fixed `() => import('…')` at each call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (now) void load().catch(() => undefined);
  }, [now, load]);
  useEffect(() => {
    const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(() => void load().catch(() => undefined), { timeout: 3000 });
      return () => w.cancelIdleCallback?.(id);
    }
    const t = window.setTimeout(() => void load().catch(() => undefined), 1000);
    return () => window.clearTimeout(t);
  }, [load]);
  return [loaded, load];
}
