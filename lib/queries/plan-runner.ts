'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { createArmSender } from '../azure/resource-sender';
import { apply, type Run } from '../provisioning/apply';
import { memoryStore } from './browser-store';
import { runStore, type StoredRun } from './run-store';
import { useArm } from './arm-context';
import { estateKeys, forgetWritten } from './estate';
import { notifications } from './notifications';

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
        notifications.notify(runNotice(next, run));
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

/** What the bell says when a run ends: which work, how far it got, and where to look. */
export function runNotice(stored: StoredRun, run: Run): Parameters<typeof notifications.notify>[0] {
  const o = stored.origin;
  const what =
    o.kind === 'fix'
      ? o.title
      : o.kind === 'reenable'
        ? `Re-replication of ${o.serverIds.length} ${o.serverIds.length === 1 ? 'server' : 'servers'}`
        : 'Disk encryption set setup';
  const href = o.kind === 'fix' ? undefined : o.kind === 'reenable' ? '/servers/re-replicate/' : '/disk-encryption-sets/create/';
  const steps = run.plan.steps.length;
  const done = Object.values(run.steps).filter((x) => x.status === 'done' || x.status === 'existing').length;
  if (run.status === 'succeeded') return { intent: 'success', title: `${what}: done`, body: `All ${steps} steps finished; the readiness is read again.`, href };
  const failed = run.plan.steps.find((x) => run.steps[x.id]?.status === 'failed');
  return {
    intent: 'error',
    title: `${what}: stopped`,
    body: `${done} of ${steps} steps finished${failed ? `; "${failed.title}" failed` : ''}. Resume continues where it stopped.`,
    href,
  };
}
