/**
 * The wizard's draft and the run of its plan, kept in session storage (this tab only, gone when it closes) so a reload
 * or an interrupted apply resumes where it stopped, without repeating finished steps. Nothing secret is stored: plans
 * hold resource ids and settings, never tokens. Each is read through its schema (lib/provisioning/stored.ts).
 */
import { draftSchema, storedRunSchema, type StoredRun, type WizardDraft } from '../provisioning/stored';
import { browserStore } from './browser-store';

export type { StoredRun, WizardDraft };

const session = <T>(fallback: T) => ({ storage: 'session' as const, fallback, serverValue: fallback });

export const runStore = browserStore<StoredRun | undefined>('lockstep.setup.run', storedRunSchema, session(undefined));
export const draftStore = browserStore<WizardDraft | undefined>('lockstep.setup.draft', draftSchema, session(undefined));
export { selectionStore } from './selection-store';
