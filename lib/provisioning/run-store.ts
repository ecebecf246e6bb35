/**
 * The wizard's draft and the run of its plan, kept in session storage (this tab only, gone when it
 * closes) so a reload or an interrupted apply resumes where it stopped, without repeating
 * finished steps. Nothing secret is stored: plans hold resource ids and settings, never tokens.
 */
import type { Run } from './apply';
import { intentShape } from './intent';
import type { Intent } from './plan';

export interface StoredRun {
  run: Run;
  /** What started it: the wizard (with the servers it secures) or a fix-it. */
  origin: { kind: 'wizard'; serverIds: string[]; verdictsBefore: Record<string, string> } | { kind: 'fix'; ruleId: string; resourceId: string; title: string };
}

const RUN = 'lockstep.setup.run';
const DRAFT = 'lockstep.setup.draft';
const SERVERS = 'lockstep.setup.servers';

function read<T>(key: string, check: (v: unknown) => boolean): T | undefined {
  try {
    const text = window.sessionStorage.getItem(key);
    if (!text) return undefined;
    const v = JSON.parse(text) as unknown;
    return check(v) ? (v as T) : undefined;
  } catch {
    return undefined;
  }
}

export const runStore = {
  load: () => read<StoredRun>(RUN, (v) => (v as StoredRun)?.run?.kind === 'lockstep.run' && Array.isArray((v as StoredRun).run.plan?.steps)),
  save: (r: StoredRun) => window.sessionStorage.setItem(RUN, JSON.stringify(r)),
  clear: () => window.sessionStorage.removeItem(RUN),
};

export const draftStore = {
  load: () =>
    read<{ intent: Intent; serverIds: string[]; tab: string }>(
      DRAFT,
      // A draft whose intent no longer has the intent's shape (another version, edited storage) is dropped, not half-used.
      (v) =>
        !!intentShape((v as { intent?: unknown })?.intent) &&
        Array.isArray((v as { serverIds?: unknown }).serverIds) &&
        typeof (v as { tab?: unknown }).tab === 'string',
    ),
  save: (d: { intent: Intent; serverIds: string[]; tab: string }) => window.sessionStorage.setItem(DRAFT, JSON.stringify(d)),
  clear: () => window.sessionStorage.removeItem(DRAFT),
};

/** The servers picked in the grid, handed to the wizard (ids are too long for a URL). */
export const selectionStore = {
  load: (): string[] => read<string[]>(SERVERS, (x) => Array.isArray(x) && x.every((s) => typeof s === 'string')) ?? [],
  put: (ids: string[]) => window.sessionStorage.setItem(SERVERS, JSON.stringify(ids)),
};
