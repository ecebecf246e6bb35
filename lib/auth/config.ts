/**
 * Lockstep's configuration schema (zod/mini) and its checks. It runs in Node — `next.config.ts` (so `next build` stops on
 * a bad variable and `next dev` hands the browser the verdict), `npm start`, `npm run dev`, the tests — and never in the
 * browser, whose signed-out page has a JavaScript budget: the browser reads the verdict (lib/auth/config-values.ts).
 */
import * as z from 'zod/mini';
import { CLOUD_NAMES } from './clouds';
import { configOf, ENV, type ConfigProblem, type ConfigResult, type RawConfig } from './config-values';

export { ENV, rawConfigFromEnv, type ConfigProblem, type ConfigResult, type LockstepConfig, type RawConfig } from './config-values';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

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
  return { ok: true, config: configOf(v) };
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
