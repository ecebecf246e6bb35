/**
 * The estate file (DESIGN §3): raw ARM resources exactly as ARM's GET returns them, plus the few
 * things ARM does not return as resources. One format seeds the emulator, is built by the live
 * inventory, is scanned by the CLI and is opened in the browser for offline review.
 */
import { z } from 'zod';
import { EstateFileError } from './file-error';
import { parseResourceId, sameType } from './ids';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = z.string().regex(GUID, 'expected a GUID');

export const estateSubscriptionSchema = z.looseObject({
  subscriptionId: guid,
  displayName: z.string().min(1),
  tenantId: guid,
  state: z.string().min(1),
});

export const estateUserSchema = z.looseObject({
  objectId: guid,
  userPrincipalName: z.string().min(3).includes('@', { message: 'expected user@domain' }),
  displayName: z.string().min(1),
  /** Shown on the emulator's sign-in page ("Consultant · Owner on …"). */
  jobTitle: z.string().optional(),
  /** Only for the emulator: enables the password grant (CLI, tests). Never in a live capture. */
  password: z.string().min(1).optional(),
});

export const estateApplicationSchema = z.looseObject({
  appId: guid,
  displayName: z.string().min(1),
  redirectUris: z.array(z.url({ message: 'expected an absolute URL' })),
  /** Only for the emulator: the delegated Microsoft Graph permissions consented for the app (default User.Read). */
  graphPermissions: z.array(z.string().min(1)).optional(),
});

/** A directory object a live capture resolved through Microsoft Graph, so ids read as names. */
export const estateDirectoryObjectSchema = z.looseObject({
  id: guid,
  objectType: z.string().min(1),
  displayName: z.string().nullable().optional(),
  userPrincipalName: z.string().nullable().optional(),
  appId: z.string().nullable().optional(),
  servicePrincipalType: z.string().nullable().optional(),
});

export const estateGapSchema = z.looseObject({
  scope: z.string().min(1),
  operation: z.string().min(1),
  status: z.number().int(),
  code: z.string(),
  message: z.string(),
});

export const estateResourceSchema = z
  .looseObject({
    id: z.string().startsWith('/', { message: 'expected an ARM resource id starting with /' }),
    name: z.string().min(1),
    type: z.string().includes('/', { message: 'expected a resource type such as Microsoft.Compute/diskEncryptionSets' }),
    location: z.string().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
    identity: z.record(z.string(), z.unknown()).nullable().optional(),
    tags: z.record(z.string(), z.string()).nullable().optional(),
  })
  .superRefine((r, ctx) => {
    const parsed = parseResourceId(r.id);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `"${r.id}" is not an ARM resource id` });
      return;
    }
    if (!sameType(parsed.type, r.type)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `type "${r.type}" does not match the id, which names a ${parsed.type}` });
    }
    if (parsed.name.toLowerCase() !== r.name.toLowerCase() && !r.name.toLowerCase().endsWith('/' + parsed.name.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: `name "${r.name}" does not match the id's last segment "${parsed.name}"` });
    }
  });

export const estateFileSchema = z.looseObject({
  kind: z.literal('lockstep.estate'),
  version: z.literal(1),
  capturedAt: z.iso.datetime({ offset: true }),
  tenantId: guid,
  /** The directory's name and default domain, as `GET /tenants` returns them. */
  tenantDisplayName: z.string().optional(),
  tenantDefaultDomain: z.string().optional(),
  subscriptions: z.array(estateSubscriptionSchema),
  users: z.array(estateUserSchema).optional(),
  applications: z.array(estateApplicationSchema).optional(),
  directoryObjects: z.array(estateDirectoryObjectSchema).optional(),
  resources: z.array(estateResourceSchema),
  gaps: z.array(estateGapSchema).optional(),
});

export type EstateFile = z.infer<typeof estateFileSchema>;
export type EstateUser = z.infer<typeof estateUserSchema>;
export type EstateGap = z.infer<typeof estateGapSchema>;
export type EstateDirectoryObject = z.infer<typeof estateDirectoryObjectSchema>;
/** A raw ARM resource: the fields every resource has, and whatever else ARM sent. */
export type ArmResource = z.infer<typeof estateResourceSchema>;

export { EstateFileError };

/** `['resources', 3, 'id']` → `$.resources[3].id` */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/**
 * Parses and validates an estate file. Throws an EstateFileError naming the source and the JSON
 * path of the first bad field.
 */
export function parseEstateFile(text: string, source: string): EstateFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EstateFileError(source, '$', `not valid JSON (${(e as Error).message})`);
  }
  return validateEstate(json, source);
}

export function validateEstate(json: unknown, source: string): EstateFile {
  const result = estateFileSchema.safeParse(json);
  if (!result.success) {
    const first = [...result.error.issues].sort((a, b) => comparePaths(a.path, b.path))[0]!;
    throw new EstateFileError(source, jsonPath(first.path), first.message);
  }
  const seen = new Map<string, number>();
  result.data.resources.forEach((r, i) => {
    const key = r.id.toLowerCase();
    const prior = seen.get(key);
    if (prior !== undefined) throw new EstateFileError(source, `$.resources[${i}].id`, `duplicates $.resources[${prior}].id (ids compare case-insensitively)`);
    seen.set(key, i);
  });
  return result.data;
}

/** Document order, so "first bad field" means the first one a reader would meet. */
function comparePaths(a: ReadonlyArray<PropertyKey>, b: ReadonlyArray<PropertyKey>): number {
  const order = ['kind', 'version', 'capturedAt', 'tenantId', 'subscriptions', 'users', 'applications', 'directoryObjects', 'resources', 'gaps'];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (i === 0) return order.indexOf(String(x)) - order.indexOf(String(y));
    return 0;
  }
  return a.length - b.length;
}
