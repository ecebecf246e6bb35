/**
 * The intent file (`lockstep.intent` v1): what an engineer asks guided setup to build. One schema checks its shape
 * wherever it crosses a boundary (the CLI's --intent file, the wizard's draft in session storage); the planner's
 * `validateIntent` then checks names and combinations against Azure's rules.
 */
import * as z from 'zod/mini';
import type { Problem } from '../estate/problem';

export interface Intent {
  kind: 'lockstep.intent';
  version: 1;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  keyVault: { use: string } | { create: { name: string; sku: 'standard' | 'premium' } };
  key: { use: string } | { create: { name: string; kty: 'RSA' | 'RSA-HSM'; size: number; rotateEveryDays: number; expiresInDays: number } };
  diskEncryptionSet: {
    name: string;
    encryptionType: 'EncryptionAtRestWithCustomerKey' | 'EncryptionAtRestWithPlatformAndCustomerKeys';
    autoRotate: boolean;
    identity: 'SystemAssigned' | { userAssigned: string };
  };
  /** Optional: send the vault's audit log to this Log Analytics workspace (ISO/IEC 27001 8.15 evidence). */
  auditLogs?: { workspaceId: string };
  /** Optional: after securing, assign the built-in d461a302 (Deny) on these target resource groups with the DES as the allowed set. */
  policyGuard?: { resourceGroups: string[] };
}

const VAULT_NAME = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
const DES_NAME = /^[a-zA-Z0-9_-]{1,80}$/;
const KEY_NAME = /^[a-zA-Z0-9-]{1,127}$/;
const RG_NAME = /^[-\w._()]{1,90}$/;

/** Checks names and shapes before anything else, one clear message per problem, each at the field it is about. */
export function validateIntentProblems(i: Intent): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(i.subscriptionId))
    add('subscriptionId', `Subscription "${i.subscriptionId}" is not a subscription id.`);
  if (!RG_NAME.test(i.resourceGroup) || i.resourceGroup.endsWith('.'))
    add(
      'resourceGroup',
      `Resource group name "${i.resourceGroup}" is not valid: use 1-90 letters, digits, underscores, hyphens, periods or parentheses, not ending in a period.`,
    );
  if (!i.location) add('location', 'A location (Azure region) is required.');
  if ('create' in i.keyVault && !VAULT_NAME.test(i.keyVault.create.name)) {
    add(
      'keyVault.create.name',
      `Key vault name "${i.keyVault.create.name}" is not valid: use 3-24 letters, digits and hyphens, start with a letter, end with a letter or digit, and no double hyphen.`,
    );
  }
  if ('create' in i.key) {
    const k = i.key.create;
    if (!KEY_NAME.test(k.name)) add('key.create.name', `Key name "${k.name}" is not valid: use 1-127 letters, digits and hyphens.`);
    if (k.kty !== 'RSA' && k.kty !== 'RSA-HSM') add('key.create.kty', `Key type ${String(k.kty)} cannot encrypt managed disks: use RSA or RSA-HSM.`);
    if (![2048, 3072, 4096].includes(k.size)) add('key.create.size', `Key size ${k.size} is not supported for managed disks: use 2048, 3072 or 4096 bits.`);
    if ('create' in i.keyVault && k.kty === 'RSA-HSM' && i.keyVault.create.sku !== 'premium')
      add('key.create.kty', 'An RSA-HSM key needs a premium key vault.');
    if (!(k.rotateEveryDays >= 7) || !(k.expiresInDays > k.rotateEveryDays))
      add('key.create.rotateEveryDays', 'The key must rotate at least 7 days after creation and before it expires.');
  }
  const identity = i.diskEncryptionSet.identity;
  if (
    typeof identity === 'object' &&
    !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i.test(identity.userAssigned)
  ) {
    add(
      'diskEncryptionSet.identity',
      'The user-assigned identity must be a managed identity resource id (/subscriptions/…/resourceGroups/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/NAME).',
    );
  }
  (i.policyGuard?.resourceGroups ?? []).forEach((rg, n) => {
    const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(rg);
    if (!m) add(`policyGuard.resourceGroups.${n}`, `The policy guard's scope "${rg}" is not a resource group id (/subscriptions/…/resourceGroups/NAME).`);
    else if (m[1]!.toLowerCase() !== i.subscriptionId.toLowerCase())
      add(
        `policyGuard.resourceGroups.${n}`,
        `The policy guard's scope ${m[2]} is in subscription ${m[1]}; the disk encryption set is in ${i.subscriptionId}, and disks can only use a set in their own subscription.`,
      );
  });
  if (!DES_NAME.test(i.diskEncryptionSet.name))
    add('diskEncryptionSet.name', `Disk encryption set name "${i.diskEncryptionSet.name}" is not valid: use 1-80 letters, digits, underscores and hyphens.`);
  return problems;
}

/** The same checks, as messages (the CLI prints one line per problem). */
export function validateIntent(i: Intent): string[] {
  return validateIntentProblems(i).map((p) => p.message);
}

const obj = z.looseObject;
const KEY_VAULT = 'keyVault must be { "use": "<vault id>" } or { "create": { "name": "…", "sku": "standard|premium" } }.';
const KEY = 'key must be { "use": "<key id>" } or { "create": { "name", "kty", "size", "rotateEveryDays", "expiresInDays" } }.';
const TYPES = ['EncryptionAtRestWithCustomerKey', 'EncryptionAtRestWithPlatformAndCustomerKeys'] as const;
const required = (f: string) => z.string(`${f} is required (a string).`);

export const intentSchema = obj({
  kind: z.literal('lockstep.intent', 'kind must be "lockstep.intent".'),
  version: z.literal(1, 'version must be 1.'),
  subscriptionId: required('subscriptionId'),
  resourceGroup: required('resourceGroup'),
  location: required('location'),
  keyVault: z.union([obj({ use: z.string() }), obj({ create: obj({ name: z.string(), sku: z.enum(['standard', 'premium']) }) })], KEY_VAULT),
  key: z.union(
    [
      obj({ use: z.string() }),
      obj({ create: obj({ name: z.string(), kty: z.string(), size: z.number(), rotateEveryDays: z.number(), expiresInDays: z.number() }) }),
    ],
    KEY,
  ),
  diskEncryptionSet: obj(
    {
      name: z.string('diskEncryptionSet.name is required.'),
      encryptionType: z.enum(TYPES, `diskEncryptionSet.encryptionType must be ${TYPES.join(' or ')}.`),
      autoRotate: z.boolean('diskEncryptionSet.autoRotate must be true or false.'),
      identity: z.union(
        [z.literal('SystemAssigned'), obj({ userAssigned: z.string() })],
        'diskEncryptionSet.identity must be "SystemAssigned" or { "userAssigned": "<identity id>" }.',
      ),
    },
    'diskEncryptionSet.name is required.',
  ),
  auditLogs: z.optional(obj({ workspaceId: z.string() }, 'auditLogs must be { "workspaceId": "<Log Analytics workspace id>" }.')),
  policyGuard: z.optional(obj({ resourceGroups: z.array(z.string()) }, 'policyGuard must be { "resourceGroups": ["<resource group id>", …] }.')),
});

/** The shape only, for stored drafts: an intent, or undefined. */
export function intentShape(v: unknown): Intent | undefined {
  const r = intentSchema.safeParse(v);
  return r.success ? (r.data as unknown as Intent) : undefined;
}

/** An intent file's text: its shape, then its names and combinations; one message per problem. */
export function parseIntent(text: string): { ok: true; intent: Intent } | { ok: false; problems: string[] } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`The intent is not JSON: ${(e as Error).message}`] };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, problems: ['The intent must be a JSON object.'] };
  const r = intentSchema.safeParse(v);
  if (!r.success) {
    const messages = r.error.issues.map((i) =>
      i.message === 'Invalid input' && i.path[0] === 'auditLogs'
        ? 'auditLogs must be { "workspaceId": "<Log Analytics workspace id>" }.'
        : i.message === 'Invalid input' && i.path[0] === 'policyGuard'
          ? 'policyGuard must be { "resourceGroups": ["<resource group id>", …] }.'
          : i.message,
    );
    return { ok: false, problems: [...new Set(messages)] };
  }
  const intent = v as Intent;
  const named = validateIntent(intent);
  return named.length > 0 ? { ok: false, problems: named } : { ok: true, intent };
}
