/**
 * Lockstep's configuration, read from the environment once and validated. Only
 * NEXT_PUBLIC_* variables reach the browser; they are inlined at build time, so each is named
 * literally below. A bad value is reported by variable name on the start-up error page.
 */
import * as z from 'zod/mini';
import { CLOUD_NAMES, PUBLIC_CLOUDS, localCloud, type CloudEndpoints } from './clouds';

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

/** A required variable: present (not blank), then of its form; each says what it must be. */
const required = (missing: string, form: (v: string) => boolean, invalid: string) =>
  z.string(missing).check(
    z.refine((v) => v.length > 0, { error: missing, abort: true }),
    z.refine(form, invalid),
  );

/**
 * The configuration's schema: one entry per variable, each with what it must be, then the rules between them (the
 * emulator's URL for the local cloud, https off localhost for a public one). The browser, `npm start`, `npm run dev` and
 * `next build` (next.config.ts) all read the environment through it.
 */
export const configSchema = z
  .object({
    cloud: z.enum(CLOUD_NAMES, `must be one of ${CLOUD_NAMES.join(', ')}`),
    clientId: required(
      'is required: the application (client) id of your app registration',
      (v) => GUID.test(v),
      'must be a GUID: the application (client) id of your app registration',
    ),
    tenant: required(
      "is required: your directory (tenant) id, a verified domain, or 'organizations'",
      (v) => GUID.test(v) || v === 'organizations' || DOMAIN.test(v),
      "must be a tenant id (GUID), a verified domain, or 'organizations'",
    ),
    redirectUri: required(
      'is required: the URL Lockstep is served from, registered as a SPA redirect URI',
      (v) => isUrl(v, ['http:', 'https:']),
      'must be an absolute http(s) URL, registered as a single-page application redirect URI',
    ),
    emulatorUrl: z.optional(z.string()),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.cloud !== 'local' && isUrl(v.redirectUri, ['http:']) && !isLoopback(v.redirectUri))
        ctx.addIssue({ code: 'custom', path: ['redirectUri'], message: 'must use https (Entra ID accepts http only for localhost)', input: v.redirectUri });
      if (v.cloud === 'local' && (!v.emulatorUrl || !isUrl(v.emulatorUrl, ['http:', 'https:'])))
        ctx.addIssue({
          code: 'custom',
          path: ['emulatorUrl'],
          message: "is required when the cloud is 'local': the emulator's URL, e.g. http://localhost:3080",
          input: v.emulatorUrl,
        });
    }),
  );

/** Checks every variable and reports each bad one once, by its name, with what it must be. */
export function parseConfig(raw: RawConfig): ConfigResult {
  const v = Object.fromEntries(Object.entries(raw).map(([k, x]) => [k, x === undefined || x.trim() === '' ? undefined : x.trim()])) as RawConfig;
  const r = configSchema.safeParse(v);
  if (!r.success) {
    const problems: ConfigProblem[] = [];
    for (const issue of r.error.issues) {
      const key = issue.path[0] as keyof typeof ENV;
      if (!problems.some((p) => p.variable === ENV[key])) problems.push({ variable: ENV[key], message: issue.message, value: v[key] });
    }
    // In the order of ENV, as the start-up page and the build list them.
    const order = Object.values(ENV) as string[];
    return { ok: false, problems: problems.sort((a, b) => order.indexOf(a.variable) - order.indexOf(b.variable)) };
  }
  const c = r.data;
  const cloud = c.cloud === 'local' ? localCloud(c.emulatorUrl!) : PUBLIC_CLOUDS[c.cloud];
  return { ok: true, config: { cloud: cloud as CloudEndpoints, clientId: c.clientId, tenant: c.tenant, redirectUri: c.redirectUri } };
}

/** The problems as the build prints them: one line per variable, naming it. */
export function configProblemText(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.variable} ${p.message}${p.value !== undefined ? ` (it is '${p.value}')` : ''}`).join('\n');
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
