/**
 * Lockstep's configuration, read from the environment once and validated with a schema. Only
 * NEXT_PUBLIC_* variables reach the browser; they are inlined at build time, so each is named
 * literally below. A bad value is reported by variable name on the start-up error page.
 */
// zod/mini: the same schemas at a fraction of the bundle cost, since this runs on the signed-out page.
import * as z from 'zod/mini';
import { CLOUD_NAMES, PUBLIC_CLOUDS, localCloud, type CloudEndpoints, type CloudName } from './clouds';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export const ENV = {
  cloud: 'NEXT_PUBLIC_LOCKSTEP_CLOUD',
  clientId: 'NEXT_PUBLIC_LOCKSTEP_CLIENT_ID',
  tenant: 'NEXT_PUBLIC_LOCKSTEP_TENANT',
  redirectUri: 'NEXT_PUBLIC_LOCKSTEP_REDIRECT_URI',
  emulatorUrl: 'NEXT_PUBLIC_LOCKSTEP_EMULATOR_URL',
} as const;

export type RawConfig = Partial<Record<keyof typeof ENV, string | undefined>>;

/** The browser's view of the environment. Each access is literal so Next.js can inline it. */
export function rawConfigFromEnv(): RawConfig {
  return {
    cloud: process.env.NEXT_PUBLIC_LOCKSTEP_CLOUD,
    clientId: process.env.NEXT_PUBLIC_LOCKSTEP_CLIENT_ID,
    tenant: process.env.NEXT_PUBLIC_LOCKSTEP_TENANT,
    redirectUri: process.env.NEXT_PUBLIC_LOCKSTEP_REDIRECT_URI,
    emulatorUrl: process.env.NEXT_PUBLIC_LOCKSTEP_EMULATOR_URL,
  };
}

const schema = z
  .object({
    cloud: z.enum(CLOUD_NAMES as [CloudName, ...CloudName[]], { error: `must be one of ${CLOUD_NAMES.join(', ')}` }),
    clientId: z.string({ error: 'is required: the application (client) id of your app registration' }).check(z.regex(GUID, 'must be a GUID: the application (client) id of your app registration')),
    tenant: z
      .string({ error: "is required: your directory (tenant) id, a verified domain, or 'organizations'" })
      .check(z.refine((t) => GUID.test(t) || t === 'organizations' || DOMAIN.test(t), "must be a tenant id (GUID), a verified domain, or 'organizations'")),
    redirectUri: z
      .string({ error: 'is required: the URL Lockstep is served from, registered as a SPA redirect URI' })
      .check(z.refine((u) => isUrl(u, ['http:', 'https:']), 'must be an absolute http(s) URL, registered as a single-page application redirect URI')),
    emulatorUrl: z.optional(z.string()),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.cloud === 'local') {
        if (!c.emulatorUrl || !isUrl(c.emulatorUrl, ['http:', 'https:'])) {
          ctx.addIssue({ code: 'custom', path: ['emulatorUrl'], message: "is required when the cloud is 'local': the emulator's URL, e.g. http://localhost:3080" });
        }
      } else if (c.redirectUri && isUrl(c.redirectUri, ['http:']) && !isLoopback(c.redirectUri)) {
        ctx.addIssue({ code: 'custom', path: ['redirectUri'], message: 'must use https (Entra ID accepts http only for localhost)' });
      }
    }),
  );

export interface LockstepConfig {
  cloud: CloudEndpoints;
  clientId: string;
  tenant: string;
  redirectUri: string;
}

export interface ConfigProblem {
  variable: string;
  message: string;
  value?: string;
}

export type ConfigResult = { ok: true; config: LockstepConfig } | { ok: false; problems: ConfigProblem[] };

export function parseConfig(raw: RawConfig): ConfigResult {
  const trimmed = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === undefined || v.trim() === '' ? undefined : v.trim()]));
  const r = schema.safeParse(trimmed);
  if (!r.success) {
    const seen = new Set<string>();
    const problems: ConfigProblem[] = [];
    for (const issue of r.error.issues) {
      const key = String(issue.path[0]) as keyof typeof ENV;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ variable: ENV[key], message: issue.message, value: trimmed[key] });
    }
    return { ok: false, problems };
  }
  const c = r.data;
  const cloud = c.cloud === 'local' ? localCloud(c.emulatorUrl!) : PUBLIC_CLOUDS[c.cloud];
  return { ok: true, config: { cloud, clientId: c.clientId, tenant: c.tenant, redirectUri: c.redirectUri } };
}

function isUrl(u: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(u).protocol);
  } catch {
    return false;
  }
}

function isLoopback(u: string): boolean {
  const h = new URL(u).hostname;
  return h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
}
