'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { normalizeId } from '@/lib/estate/ids';
import type { Problem } from '@/lib/estate/problem';
import { newRun } from '@/lib/provisioning/apply';
import { draftIntent, scopeOptions } from '@/lib/provisioning/draft';
import { validateIntentProblems, type Intent } from '@/lib/provisioning/intent';
import { plan as makePlan } from '@/lib/provisioning/plan';
import { draftStore, selectionStore, type StoredRun } from '@/lib/queries/run-store';
import type { Readiness } from '@/lib/queries/estate';
import { usePreflight } from '@/lib/queries/preflight';
import { useWriteAccess } from '@/lib/queries/write-access';

export type TabId = 'basics' | 'vault' | 'key' | 'encryption' | 'access' | 'review';
export const TABS: readonly { id: TabId; title: string }[] = [
  { id: 'basics', title: 'Basics' },
  { id: 'vault', title: 'Key vault' },
  { id: 'key', title: 'Key' },
  { id: 'encryption', title: 'Encryption' },
  { id: 'access', title: 'Access' },
  { id: 'review', title: 'Review + create' },
];

/** Which tab a problem belongs to: the intent field its path names decides. */
export function tabOf(problem: Problem): TabId {
  const top = problem.path.split('.')[0];
  if (top === 'subscriptionId' || top === 'resourceGroup' || top === 'location') return 'basics';
  if (top === 'keyVault') return 'vault';
  if (top === 'key') return 'key';
  if (top === 'policyGuard') return 'access';
  return 'encryption';
}

interface WizardState {
  intent: Intent;
  serverIds: string[];
  tab: TabId;
}

/**
 * The setup wizard's state and everything derived from it, apart from how it is drawn (the pattern of Fluent's
 * `useMessageBar` + `renderMessageBar`): where the draft starts (the grid's selection, this tab's stored draft or a
 * fresh one), its persistence, the plan and its problems, preflight on Review, tab navigation, and starting the run.
 * Each tab renders from what this returns; none of them keeps state of its own.
 */
export function useSetupWizard(readiness: Readiness, onStart: (s: StoredRun) => void) {
  const params = useSearchParams();
  const router = useRouter();
  const access = useWriteAccess();
  const estate = readiness.estate;
  const [state, setState] = useState<WizardState | undefined>();

  // Start from the servers picked in the grid, else the draft of this tab's session, else a fresh draft.
  useEffect(() => {
    if (state || access.isPending) return;
    const fromGrid = params.get('from') === 'servers' ? selectionStore.get() : [];
    const stored = fromGrid.length === 0 ? draftStore.get() : undefined;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- initialised once, when the estate and the user's write access are known
    setState(
      stored
        ? { ...stored, tab: stored.tab as TabId }
        : { intent: draftIntent(estate, fromGrid, { subscriptionId: access.writable[0] }).intent, serverIds: fromGrid, tab: 'basics' },
    );
    // The draft now holds the selection: a reload resumes the draft instead of starting over.
    if (fromGrid.length > 0) router.replace('/disk-encryption-sets/create/');
  }, [state, access.isPending, access.writable, estate, params, router]);
  useEffect(() => {
    if (state) draftStore.set(state);
  }, [state]);

  const [now] = useState(() => Math.floor(Date.now() / 1000));
  const result = useMemo(() => (state ? makePlan(state.intent, estate, { now }) : undefined), [state, estate, now]);
  const plan = result?.ok ? result.plan : undefined;
  const draft = useMemo(() => draftIntent(estate, state?.serverIds ?? []), [estate, state?.serverIds]);
  const preflight = usePreflight(state?.tab === 'review' ? plan : undefined, estate, draft.servers);

  const subName = (id: string) => estate.subscriptions.get(id.toLowerCase())?.displayName ?? id;
  const verdictOf = (id: string) => readiness.rows.find((r) => normalizeId(r.id) === normalizeId(id))?.verdict;
  const base = { estate, access, now, subName, verdictOf };
  if (!state) return { ...base, ready: false as const };

  const { intent } = state;
  const problems = result && !result.ok ? result.issues : validateIntentProblems(intent);
  const chosenVault = 'use' in intent.keyVault ? estate.keyVaults.get(normalizeId(intent.keyVault.use)) : undefined;
  const index = TABS.findIndex((t) => t.id === state.tab);
  const go = (tab: TabId) => setState({ ...state, tab });
  return {
    ...base,
    ready: true as const,
    intent,
    serverIds: state.serverIds,
    tab: state.tab,
    index,
    go,
    set: (patch: Partial<Intent>) => setState({ ...state, intent: { ...intent, ...patch } }),
    problems,
    problemsOn: (t: TabId) => problems.filter((p) => tabOf(p) === t),
    draft,
    plan,
    preflight,
    chosenVault,
    /** Whether the vault the key lives in grants by Azure RBAC (a new one always does). */
    rbac: 'create' in intent.keyVault || chosenVault?.enableRbacAuthorization === true,
    scope: scopeOptions(estate, intent),
    /** Starts the run of the reviewed plan, remembering each selected server's verdict for the done page. */
    create: () => {
      if (!plan) return;
      const verdictsBefore = Object.fromEntries(state.serverIds.map((id) => [id, verdictOf(id) ?? '']));
      onStart({ run: newRun(plan, crypto.randomUUID()), origin: { kind: 'wizard', serverIds: state.serverIds, verdictsBefore } });
    },
  };
}

type Hook = ReturnType<typeof useSetupWizard>;
/** The wizard once its draft is known: what every tab renders from. */
export type SetupWizard = Extract<Hook, { ready: true }>;
