/**
 * The shapes Lockstep keeps in the browser's storage between page loads: a run of a plan (with what started it), the
 * wizard's draft and the grid's selection. Storage is outside input (another version of Lockstep, an edited value): each
 * is read through its schema, and one that lost its shape is dropped, never half-used.
 */
import * as z from 'zod/mini';
import type { Run } from './apply';
import { intentSchema, type Intent } from './intent';
import type { Plan } from './steps';

const obj = z.looseObject;
const request = obj({ method: z.enum(['GET', 'PUT', 'PATCH', 'DELETE', 'POST']), url: z.string(), body: z.optional(z.unknown()) });

export const planSchema = obj({
  kind: z.literal('lockstep.plan'),
  version: z.literal(1),
  steps: z.array(
    obj({
      id: z.string(),
      title: z.string(),
      status: z.enum(['pending', 'done']),
      request,
      dependsOn: z.array(z.string()),
      why: z.string(),
      bindings: z.array(obj({ placeholder: z.string(), step: z.string(), path: z.string() })),
      action: z.string(),
      scope: z.string(),
      expect: z.optional(
        z.array(obj({ path: z.string(), equals: z.optional(z.string()), contains: z.optional(z.record(z.string(), z.unknown())), message: z.string() })),
      ),
      poll: z.optional(obj({ everyMs: z.number(), forMs: z.number(), waiting: z.string() })),
    }),
  ),
  warnings: z.array(z.string()),
  requiredActions: z.array(z.string()),
});

const stepRun = obj({
  status: z.enum(['pending', 'running', 'done', 'existing', 'failed']),
  attempts: z.number(),
  sent: z.optional(request),
  result: z.optional(z.unknown()),
  error: z.optional(
    obj({
      title: z.string(),
      detail: z.string(),
      next: z.optional(z.string()),
      code: z.optional(z.string()),
      status: z.optional(z.number()),
      deniedAction: z.optional(z.string()),
      rolesThatGrant: z.optional(z.array(z.string())),
    }),
  ),
  note: z.optional(z.string()),
  startedAt: z.optional(z.string()),
  finishedAt: z.optional(z.string()),
});

export const runSchema = obj({
  kind: z.literal('lockstep.run'),
  id: z.string(),
  plan: planSchema,
  createdAt: z.string(),
  status: z.enum(['ready', 'running', 'failed', 'succeeded']),
  steps: z.record(z.string(), stepRun),
});

export interface StoredRun {
  run: Run;
  /** What started it: the wizard (with the servers it secures) or a fix-it. */
  origin:
    | { kind: 'wizard'; serverIds: string[]; verdictsBefore: Record<string, string> }
    | { kind: 'fix'; ruleId: string; resourceId: string; title: string }
    /** Re-replication of these servers under this disk encryption set. */
    | { kind: 'reenable'; serverIds: string[]; desId: string; verdictsBefore: Record<string, string> };
}

export const storedRunSchema = obj({
  run: runSchema,
  origin: z.union([
    obj({ kind: z.literal('wizard'), serverIds: z.array(z.string()), verdictsBefore: z.record(z.string(), z.string()) }),
    obj({ kind: z.literal('fix'), ruleId: z.string(), resourceId: z.string(), title: z.string() }),
    obj({ kind: z.literal('reenable'), serverIds: z.array(z.string()), desId: z.string(), verdictsBefore: z.record(z.string(), z.string()) }),
  ]),
});

export interface WizardDraft {
  intent: Intent;
  serverIds: string[];
  tab: string;
}

// Typed as the draft it reads: the intent inside is checked for shape, as an intent file is (the planner judges its values).
export const draftSchema = obj({ intent: intentSchema, serverIds: z.array(z.string()), tab: z.string() }) as unknown as z.ZodMiniType<WizardDraft>;

// The schemas describe the types the rest of Lockstep uses: what a schema accepts must be a value of its type, or this fails
// to compile. (A draft's intent is checked for shape only, as an intent file is: its names and key type are the planner's to judge.)
const fits: [(v: z.infer<typeof storedRunSchema>) => StoredRun, (v: z.infer<typeof planSchema>) => Plan] = [(v) => v, (v) => v];
void fits;
