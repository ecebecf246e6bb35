/**
 * apply(run) runs a plan's steps in order through an ARM sender (the SDK clients, see lib/azure/resource-sender.ts)
 * and records each step's request, result or error in a `Run` that the caller keeps (session
 * storage in the browser) so that "Resume" continues from the failed step without repeating the
 * finished ones. Generic (DESIGN §6): it knows bindings and expectations, not resource types.
 */
import { explainArmError, toArmError } from '../azure/errors';
import type { ArmRequest, ArmSender } from '../azure/resource-sender';
import { rolesGranting } from '../estate/builtin-roles';
import type { Plan, PlanStep } from './steps';

export type StepStatus = 'pending' | 'running' | 'done' | 'existing' | 'failed';

export interface StepError {
  title: string;
  detail: string;
  next?: string;
  code?: string;
  status?: number;
  /** For a 403: the action that was refused and the built-in roles that grant it. */
  deniedAction?: string;
  rolesThatGrant?: string[];
}

export interface StepRun {
  status: StepStatus;
  attempts: number;
  /** The request as sent, bindings resolved. */
  sent?: ArmRequest;
  result?: unknown;
  error?: StepError;
  note?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface Run {
  kind: 'lockstep.run';
  id: string;
  plan: Plan;
  createdAt: string;
  status: 'ready' | 'running' | 'failed' | 'succeeded';
  steps: Record<string, StepRun>;
}

export interface ApplyOptions {
  /** Called after every change; the caller persists the run. */
  onChange?: (run: Run) => void;
  signal?: AbortSignal;
  /** Waits between attempts when a fresh identity has not replicated yet (ms). */
  principalBackoffMs?: number[];
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/** A plan that cannot run as written (a binding with no value), as opposed to an error from Azure. */
class PlanError extends Error {}

export const DEFAULT_PRINCIPAL_BACKOFF_MS = [5_000, 10_000, 20_000, 40_000, 60_000];

export function newRun(plan: Plan, id: string, now = new Date()): Run {
  const steps: Record<string, StepRun> = {};
  for (const s of plan.steps) steps[s.id] = { status: s.status === 'done' ? 'existing' : 'pending', attempts: 0 };
  return { kind: 'lockstep.run', id, plan, createdAt: now.toISOString(), status: 'ready', steps };
}

/** The value at a dotted path (`identity.principalId`). */
export function valueAt(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** Replaces each placeholder in every string inside `value`. */
export function substitute<T>(value: T, values: Map<string, string>): T {
  if (values.size === 0 || value === undefined) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let out = v;
      for (const [k, val] of values) out = out.split(k).join(val);
      return out;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k) as string, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

const sameText = (a: unknown, b: unknown) =>
  (typeof a === 'string' || typeof a === 'boolean' || typeof a === 'number') && String(a).toLowerCase() === String(b).toLowerCase();

function checkExpectations(step: PlanStep, result: unknown, values: Map<string, string>): string | undefined {
  for (const e of substitute(step.expect ?? [], values)) {
    const v = valueAt(result, e.path);
    if (e.equals !== undefined && !sameText(v, e.equals)) return `${e.message} (${e.path} is ${JSON.stringify(v) ?? 'missing'}, expected ${e.equals}).`;
    if (e.contains) {
      const list = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
      const match = list.some((item) => Object.entries(e.contains!).every(([k, want]) => sameText(item?.[k], want) || item?.[k] === want));
      if (!match) return e.message;
    }
  }
  return undefined;
}

function stepError(e: unknown, step: PlanStep): StepError {
  const err = toArmError(e, step.title.charAt(0).toLowerCase() + step.title.slice(1));
  const x = explainArmError(err);
  const out: StepError = { title: x.title, detail: x.detail, next: x.next, code: err.code, status: err.status };
  if (err.kind === 'forbidden') {
    out.deniedAction = err.details.deniedAction ?? step.action;
    out.rolesThatGrant = rolesGranting(out.deniedAction);
    out.detail = `${x.detail} Roles that include ${out.deniedAction}: ${out.rolesThatGrant.join(', ') || 'a custom role'}.`;
  }
  return out;
}

const isPrincipalNotReplicated = (e: unknown) => {
  const err = toArmError(e);
  return err.code === 'PrincipalNotFound' || /does not exist in the directory|Cannot find the Active Directory object/i.test(err.message);
};

/**
 * Runs the steps that are not finished yet, in plan order. Stops at the first failure: the run
 * keeps what was done, and calling apply again on it resumes at the failed step.
 */
export async function apply(run: Run, sender: ArmSender, opts: ApplyOptions = {}): Promise<Run> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? (() => new Date());
  const backoff = opts.principalBackoffMs ?? DEFAULT_PRINCIPAL_BACKOFF_MS;
  const changed = () => opts.onChange?.(structuredClone(run));
  run.status = 'running';
  changed();

  // A bound value comes from the earlier step's result; a step that already existed is read for it.
  const resolve = async (step: PlanStep): Promise<Map<string, string>> => {
    const values = new Map<string, string>();
    for (const b of step.bindings) {
      const source = run.plan.steps.find((s) => s.id === b.step);
      const state = run.steps[b.step];
      if (!source || !state) throw new PlanError(`Step ${step.id} takes ${b.placeholder} from unknown step ${b.step}.`);
      if (state.result === undefined) state.result = await sender.send({ method: 'GET', url: source.request.url }, opts.signal);
      const v = valueAt(state.result, b.path);
      if (typeof v !== 'string' || v === '') throw new PlanError(`${source.title} did not return ${b.path}, which ${step.title.toLowerCase()} needs.`);
      values.set(b.placeholder, v);
    }
    return values;
  };

  for (const step of run.plan.steps) {
    const state = run.steps[step.id]!;
    if (state.status === 'done' || state.status === 'existing') continue;
    state.status = 'running';
    state.startedAt = now().toISOString();
    state.error = undefined;
    changed();
    try {
      const values = await resolve(step);
      const request: ArmRequest = substitute({ method: step.request.method, url: step.request.url, body: step.request.body }, values);
      state.sent = request;
      let waited = false;
      for (let attempt = 0; ; attempt++) {
        state.attempts++;
        try {
          state.result = await sender.send(request, opts.signal);
          break;
        } catch (e) {
          // A fresh managed identity takes a while to reach every directory replica.
          if (isPrincipalNotReplicated(e) && attempt < backoff.length) {
            state.note = `The new identity is not visible to Azure RBAC yet; trying again in ${Math.round(backoff[attempt]! / 1000)} s (attempt ${attempt + 2} of ${backoff.length + 1}).`;
            waited = true;
            changed();
            await sleep(backoff[attempt]!);
            continue;
          }
          // The same grant under another name: what the step wanted is already there.
          if (toArmError(e).code === 'RoleAssignmentExists') {
            state.note = 'The role assignment already existed.';
            state.result = {};
            break;
          }
          throw e;
        }
      }
      let failed = checkExpectations(step, state.result, values);
      // A read that waits for Azure (a feature registering): ask again while time is left.
      for (let asked = 0; failed && step.poll && asked < Math.ceil(step.poll.forMs / step.poll.everyMs); asked++) {
        state.note = `${step.poll.waiting} Asking again in ${Math.round(step.poll.everyMs / 1000)} s.`;
        changed();
        await sleep(step.poll.everyMs);
        state.attempts++;
        state.result = await sender.send(request, opts.signal);
        failed = checkExpectations(step, state.result, values);
      }
      if (failed) {
        state.status = 'failed';
        state.error = { title: 'Verification failed', detail: failed, next: 'Open the resource in the Azure portal, correct it, then Resume.' };
      } else {
        state.status = 'done';
        if (waited) state.note = `Succeeded after ${state.attempts} attempts while the new identity replicated.`;
      }
    } catch (e) {
      state.status = 'failed';
      state.error = e instanceof PlanError ? { title: 'Step could not run', detail: e.message } : stepError(e, step);
    }
    state.finishedAt = now().toISOString();
    if (state.status === 'failed') {
      run.status = 'failed';
      changed();
      return run;
    }
    changed();
  }
  run.status = 'succeeded';
  changed();
  return run;
}
