/**
 * Lockstep's configuration, read from the environment once and validated. Only
 * NEXT_PUBLIC_* variables reach the browser; they are inlined at build time, so each is named
 * literally below. A bad value is reported by variable name on the start-up error page.
 */
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

/**
 * Checks every variable and reports each bad one once, with what it must be. (Plain checks rather
 * than a schema library: this runs on the signed-out page, whose bundle has a budget.)
 */
export function parseConfig(raw: RawConfig): ConfigResult {
  const v = Object.fromEntries(Object.entries(raw).map(([k, x]) => [k, x === undefined || x.trim() === '' ? undefined : x.trim()])) as RawConfig;
  const problems: ConfigProblem[] = [];
  const bad = (key: keyof typeof ENV, message: string) => problems.push({ variable: ENV[key], message, value: v[key] });
  if (!v.cloud || !(CLOUD_NAMES as readonly string[]).includes(v.cloud)) bad('cloud', `must be one of ${CLOUD_NAMES.join(', ')}`);
  if (!v.clientId) bad('clientId', 'is required: the application (client) id of your app registration');
  else if (!GUID.test(v.clientId)) bad('clientId', 'must be a GUID: the application (client) id of your app registration');
  if (!v.tenant) bad('tenant', "is required: your directory (tenant) id, a verified domain, or 'organizations'");
  else if (!(GUID.test(v.tenant) || v.tenant === 'organizations' || DOMAIN.test(v.tenant)))
    bad('tenant', "must be a tenant id (GUID), a verified domain, or 'organizations'");
  if (!v.redirectUri) bad('redirectUri', 'is required: the URL Lockstep is served from, registered as a SPA redirect URI');
  else if (!isUrl(v.redirectUri, ['http:', 'https:']))
    bad('redirectUri', 'must be an absolute http(s) URL, registered as a single-page application redirect URI');
  else if (v.cloud && v.cloud !== 'local' && isUrl(v.redirectUri, ['http:']) && !isLoopback(v.redirectUri))
    bad('redirectUri', 'must use https (Entra ID accepts http only for localhost)');
  if (v.cloud === 'local' && (!v.emulatorUrl || !isUrl(v.emulatorUrl, ['http:', 'https:'])))
    bad('emulatorUrl', "is required when the cloud is 'local': the emulator's URL, e.g. http://localhost:3080");
  if (problems.length > 0) return { ok: false, problems };
  const cloud = v.cloud === 'local' ? localCloud(v.emulatorUrl!) : PUBLIC_CLOUDS[v.cloud as Exclude<CloudName, 'local'>];
  return { ok: true, config: { cloud: cloud as CloudEndpoints, clientId: v.clientId!, tenant: v.tenant!, redirectUri: v.redirectUri! } };
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
