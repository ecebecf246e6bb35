'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArmResource, EstateFile } from '../estate/file';
import type { Estate } from '../estate/model';
import { normalize } from '../estate/normalize';
import { normalizeId } from '../estate/ids';
import type { DetailCache, InventoryProgress } from '../azure/inventory';

export type { InventoryProgress };
import { evaluate } from '../readiness/evaluate';
import { pendingRows, serverRows, type ServerRow } from '../readiness/rows';
import { DEFAULT_SETTINGS, type Evaluation, type Settings } from '../readiness/types';
import { useEngagementSettings } from './settings';
import { useArmTarget } from './arm-context';
import { memoryStore } from './browser-store';

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

export interface Readiness {
  file: EstateFile;
  estate: Estate;
  evaluation: Evaluation;
  rows: ServerRow[];
}

/** Judges a captured or opened estate file as of `now` (seconds). */
export function readinessOf(file: EstateFile, now: number, settings: Settings = DEFAULT_SETTINGS): Readiness {
  const estate = normalize(file);
  const evaluation = evaluate(estate, { settings, now });
  return { file, estate, evaluation, rows: serverRows(estate, evaluation) };
}

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

/** The estate the pages show: an opened file when there is one, else the live estate of every subscription the user can see. */
export function useReadiness() {
  const opened = useOfflineEstate();
  const settings = useEngagementSettings();
  const live = useLiveReadiness(!opened, settings);
  // An offline capture is judged as of the moment it was captured.
  const offlineReadiness = useMemo(
    () => (opened ? sharedReadinessOf(opened.file, Math.floor(Date.parse(opened.file.capturedAt) / 1000), settings) : undefined),
    [opened, settings],
  );
  if (offlineReadiness) {
    return {
      ...live,
      readiness: offlineReadiness,
      isPending: false,
      isFetching: false,
      isError: false,
      error: null,
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
      const publish = () => {
        timer = undefined;
        partial.set(
          pendingRows(
            normalize({
              kind: 'lockstep.estate',
              version: 1,
              capturedAt: new Date().toISOString(),
              tenantId: '',
              subscriptions: [],
              resources: [...seen.values()],
            }),
          ),
        );
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
            if (relevant) timer ??= setTimeout(publish, 250);
          },
        });
      } finally {
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
 * each finding card read the same evaluation instead of normalising and evaluating the estate once each.
 */
const judged = new WeakMap<EstateFile, { key: string; readiness: Readiness }>();
function sharedReadinessOf(file: EstateFile, now: number, settings: Settings): Readiness {
  const key = `${now}|${JSON.stringify(settings)}`;
  const hit = judged.get(file);
  if (hit?.key === key) return hit.readiness;
  const readiness = readinessOf(file, now, settings);
  judged.set(file, { key, readiness });
  return readiness;
}

function useLiveReadiness(enabled: boolean, settings: Settings) {
  const query = useQuery({ ...liveEstateQuery(useArmTarget()), enabled });
  const live = progress.use();
  const partialRows = partial.use();
  const readiness = useMemo(
    () => (query.data ? sharedReadinessOf(query.data, Math.floor(query.dataUpdatedAt / 1000), settings) : undefined),
    [query.data, query.dataUpdatedAt, settings],
  );
  return { ...query, progress: live, readiness, partialRows };
}
