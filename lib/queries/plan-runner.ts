'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { createArmSender } from '../azure/resource-sender';
import { apply, type Run } from '../provisioning/apply';
import { runStore, type StoredRun } from '../provisioning/run-store';
import { useArm } from './arm-provider';
import { estateKeys } from './estate';

/**
 * The run in progress lives outside React, like the inventory's progress: leaving the page does
 * not stop it, coming back shows it live, and a second Resume cannot start it twice.
 */
let current: StoredRun | undefined;
let loaded = false;
let active = false;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => {
  if (!loaded && typeof window !== 'undefined') {
    loaded = true;
    current = runStore.load();
  }
  return current;
};
const setCurrent = (s: StoredRun | undefined) => {
  current = s;
  if (s) runStore.save(s);
  else runStore.clear();
  emit();
};

/** Runs a stored plan, saving every change (session storage) so that a reload resumes it. */
export function usePlanRunner() {
  const arm = useArm();
  const queryClient = useQueryClient();
  const stored = useSyncExternalStore(subscribe, snapshot, () => undefined);
  const running = useSyncExternalStore(
    subscribe,
    () => active,
    () => false,
  );
  const start = useCallback(
    async (next: StoredRun) => {
      if (active) return;
      active = true;
      setCurrent(next);
      try {
        const run = await apply(structuredClone(next.run), createArmSender(arm, { pollIntervalMs: 1000 }), {
          onChange: (r: Run) => setCurrent({ ...next, run: r }),
        });
        // What was created changes verdicts: read the estate again.
        if (Object.values(run.steps).some((x) => x.status === 'done')) void queryClient.invalidateQueries({ queryKey: estateKeys.live() });
      } finally {
        active = false;
        emit();
      }
    },
    [arm, queryClient],
  );
  const clear = useCallback(() => {
    if (!active) setCurrent(undefined);
  }, []);
  return { stored, start, running, clear };
}
