'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ArmResource, EstateFile } from '../estate/file';
import { normalizeId } from '../estate/ids';
import type { StepProgress } from '../estate/steps';
import type { DetailCache, InventoryProgress } from '../azure/inventory';
import type { Readiness } from '../readiness/judge';
import type { ServerRow } from '../readiness/rows';
import type { Settings } from '../readiness/types';
import { useEngagementSettings } from './settings';
import { useArmTarget } from './arm-context';
import { memoryStore } from './browser-store';

export type { InventoryProgress, Readiness, StepProgress };

export const estateKeys = {
  all: ['estate'] as const,
  live: () => [...estateKeys.all, 'live'] as const,
};

/** Replication items' disk details read in this tab: a refresh re-reads only the items whose list entry changed. */
const details: DetailCache = new Map();

/**
 * Forgets the cached details of the resources a plan wrote (by the URLs it sent): an item disabled and enabled again
 * keeps its id, and its list entry can read as before while its disks changed.
 */
export function forgetWritten(urls: string[]): void {
  for (const u of urls) {
    const path = normalizeId(u.split('?')[0]!);
    for (const key of [...details.keys()]) if (path === key || path.startsWith(`${key}/`)) details.delete(key);
  }
}

/** Inventory progress, shared by every component that shows it. */
const progress = memoryStore<InventoryProgress | undefined>(undefined);
/** Servers read so far, so the grid fills as vault pages arrive (DESIGN §2). */
const partial = memoryStore<ServerRow[] | undefined>(undefined);
const setProgress = progress.set;

/**
 * An estate file opened in the browser for offline review (no sign-in). Held in memory only: a
 * capture can be large and may hold customer data, so it is not written to storage.
 */
export interface OfflineEstate {
  fileName: string;
  file: EstateFile;
}

const offline = memoryStore<OfflineEstate | undefined>(undefined);

export function openOfflineEstate(fileName: string, file: EstateFile): OfflineEstate {
  offline.set({ fileName, file });
  return offline.get()!;
}

export function closeOfflineEstate(): void {
  offline.set(undefined);
}

export function useOfflineEstate(): OfflineEstate | undefined {
  return offline.use();
}

/**
 * The estate the pages show: an opened file when there is one, else the live estate of every subscription the user can
 * see. `readiness` is undefined until the estate is read and judged; `judging` says how far the judging is.
 */
export function useReadiness() {
  const opened = useOfflineEstate();
  const settings = useEngagementSettings();
  const live = useLiveReadiness(!opened, settings);
  // An offline capture is judged as of the moment it was captured.
  const offline = useJudgement(opened?.file, opened ? Math.floor(Date.parse(opened.file.capturedAt) / 1000) : 0, settings);
  if (opened) {
    return {
      ...live,
      readiness: offline.readiness,
      judging: offline.judging,
      isPending: !offline.readiness,
      isFetching: !!offline.judging,
      isError: !!offline.error,
      error: offline.error ?? null,
      progress: undefined,
      partialRows: undefined,
      refetch: live.refetch,
    };
  }
  return live;
}

/**
 * The live estate of every subscription the user can see, read through `target` (ARM, tokens, Graph). While it reads,
 * its progress and the servers read so far are published to the stores above; the result is the estate file.
 */
export function liveEstateQuery(target: ReturnType<typeof useArmTarget>) {
  return queryOptions({
    queryKey: estateKeys.live(),
    queryFn: async () => {
      setProgress({ subscriptionsTotal: 0, subscriptionsDone: 0, requests: 0, resources: 0, gaps: 0 });
      const seen = new Map<string, ArmResource>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let done = false;
      // The servers read so far are drawn in slices too: at 10,000 items, normalising them at once would be a long task.
      const publish = async () => {
        const [{ normalizeSteps }, { runSliced }, { pendingRows }] = await Promise.all([
          import('../estate/normalize'),
          import('../estate/steps'),
          import('../readiness/rows'),
        ]);
        const estate = await runSliced(
          normalizeSteps({
            kind: 'lockstep.estate',
            version: 1,
            capturedAt: new Date().toISOString(),
            tenantId: '',
            subscriptions: [],
            resources: [...seen.values()],
          }),
        );
        if (!done) partial.set(pendingRows(estate));
        timer = undefined;
      };
      try {
        // The inventory (and Graph's pipeline) loads with the first read, not with the page.
        const { captureEstate } = await import('../azure/inventory');
        return await captureEstate({
          cloud: target.cloud,
          tokens: target.tokens,
          graph: target.graph,
          details,
          onProgress: setProgress,
          onResources: (rs) => {
            let relevant = false;
            for (const r of rs)
              if (/replicationmigrationitems$|replicationprotecteditems$|migrateprojects$|recoveryservices\/vaults$/i.test(r.type)) {
                seen.set(r.id.toLowerCase(), r);
                relevant = true;
              }
            // Keys, vaults and role assignments arriving change no pending row: no new rows to draw.
            if (relevant) timer ??= setTimeout(() => void publish(), 250);
          },
        });
      } finally {
        done = true;
        if (timer) clearTimeout(timer);
        partial.set(undefined);
        setProgress(undefined);
      }
    },
    staleTime: 5 * 60_000,
  });
}

/**
 * One judgement per captured file, moment and settings, shared by every component that asks: a page, its drawer and
 * each finding card read the same evaluation instead of normalising and evaluating the estate once each. It runs in
 * slices between frames (lib/readiness/judge), and loads with the first estate, not with the page.
 */
interface Judgement {
  key: string;
  readiness?: Readiness;
  judging?: StepProgress;
  error?: Error;
  controller: AbortController;
}
const judged = new WeakMap<EstateFile, Judgement>();
const judgedVersion = memoryStore(0);
const changed = () => judgedVersion.set(judgedVersion.get() + 1);
const keyOf = (now: number, settings: Settings) => `${now}|${JSON.stringify(settings)}`;
/** Where a judgement stands before its first slice has run. */
const starting = (file: EstateFile): StepProgress => ({ phase: 'Reading the estate', done: 0, total: file.resources.length });

function startJudging(file: EstateFile, now: number, settings: Settings): void {
  const key = keyOf(now, settings);
  const hit = judged.get(file);
  if (hit?.key === key) return;
  hit?.controller.abort();
  const j: Judgement = { key, controller: new AbortController(), judging: starting(file) };
  judged.set(file, j);
  changed();
  let shown = 0;
  void import('../readiness/judge')
    .then(({ judge }) =>
      judge(file, now, settings, {
        signal: j.controller.signal,
        // A progress bar needs a few updates a second, not one per slice: each update redraws every reader.
        onProgress: (p) => {
          if (performance.now() - shown < 100) return;
          shown = performance.now();
          j.judging = p;
          changed();
        },
      }),
    )
    .then(
      (readiness) => {
        j.readiness = readiness;
        j.judging = undefined;
        changed();
      },
      (e: unknown) => {
        if (j.controller.signal.aborted) return;
        j.error = e instanceof Error ? e : new Error(String(e));
        j.judging = undefined;
        changed();
      },
    );
}

/**
 * The judgement of `file` as of `now` under `settings`, started on first use. While a new one runs (a refresh, other
 * settings), the last one this component showed stays on screen, with `judging` saying how far the new one is.
 */
function useJudgement(file: EstateFile | undefined, now: number, settings: Settings): { readiness?: Readiness; judging?: StepProgress; error?: Error } {
  judgedVersion.use();
  useEffect(() => {
    if (file) startJudging(file, now, settings);
  }, [file, now, settings]);
  const [last, setLast] = useState<Readiness | undefined>(undefined);
  const hit = file ? judged.get(file) : undefined;
  const current = hit?.key === keyOf(now, settings) ? hit : undefined;
  // What was shown last, kept from render to render (React's "information from previous renders").
  const shown = file ? (current?.readiness ?? last) : undefined;
  if (shown !== last) setLast(shown);
  // Before the effect has started this file's judgement, it is as good as started.
  const judging = current ? current.judging : file ? starting(file) : undefined;
  return { readiness: shown, judging, error: current?.error };
}

function useLiveReadiness(enabled: boolean, settings: Settings) {
  const query = useQuery({ ...liveEstateQuery(useArmTarget()), enabled });
  const live = progress.use();
  const partialRows = partial.use();
  const j = useJudgement(query.data, Math.floor(query.dataUpdatedAt / 1000), settings);
  return {
    ...query,
    progress: live,
    readiness: j.readiness,
    judging: j.judging,
    // Read but not yet judged is still loading; a judgement that failed is an error like a read that failed.
    isPending: query.isPending || (!!query.data && !j.readiness),
    isFetching: query.isFetching || !!j.judging,
    isError: query.isError || !!j.error,
    error: query.error ?? j.error ?? null,
    partialRows,
  };
}
