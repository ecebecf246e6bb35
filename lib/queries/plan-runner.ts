'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { createArmSender } from '../azure/resource-sender';
import { apply, type Run } from '../provisioning/apply';
import { memoryStore } from './browser-store';
import { runStore, type StoredRun } from './run-store';
import { useArm } from './arm-provider';
import { estateKeys, forgetWritten } from './estate';

/**
 * The run in progress lives outside React, like the inventory's progress: leaving the page does
 * not stop it, coming back shows it live (from session storage, saved at every change), and a
 * second Resume cannot start it twice.
 */
const active = memoryStore(false);
const setCurrent = (s: StoredRun | undefined) => (s ? runStore.set(s) : runStore.clear());

/** Runs a stored plan, saving every change (session storage) so that a reload resumes it. */
export function usePlanRunner() {
  const arm = useArm();
  const queryClient = useQueryClient();
  const stored = runStore.use();
  const running = active.use();
  const start = useCallback(
    async (next: StoredRun) => {
      if (active.get()) return;
      active.set(true);
      setCurrent(next);
      try {
        const run = await apply(structuredClone(next.run), createArmSender(arm, { pollIntervalMs: 1000 }), {
          onChange: (r: Run) => setCurrent({ ...next, run: r }),
        });
        // What was created changes verdicts: read the estate again.
        const written = next.run.plan.steps.filter((x) => x.request.method !== 'GET' && run.steps[x.id]?.status === 'done').map((x) => x.request.url);
        forgetWritten(written);
        if (Object.values(run.steps).some((x) => x.status === 'done')) void queryClient.invalidateQueries({ queryKey: estateKeys.live() });
      } finally {
        active.set(false);
      }
    },
    [arm, queryClient],
  );
  const clear = useCallback(() => {
    if (!active.get()) setCurrent(undefined);
  }, []);
  return { stored, start, running, clear };
}
