/**
 * Lockstep's configuration as the browser holds it: the NEXT_PUBLIC_* variables (inlined at build time, so each is named
 * literally), and the verdict of the schema (lib/auth/config.ts), which next.config.ts computes in Node and passes in
 * NEXT_PUBLIC_LOCKSTEP_CONFIG_PROBLEMS. A bad value is reported by variable name on the start-up error page; no schema
 * library is loaded on the signed-out page.
 */
import { PUBLIC_CLOUDS, localCloud, type CloudEndpoints, type CloudName } from './clouds';

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

/** The configuration from values the schema accepted (trimmed). */
export function configOf(v: RawConfig): LockstepConfig {
  const cloud = v.cloud === 'local' ? localCloud(v.emulatorUrl!) : PUBLIC_CLOUDS[v.cloud as Exclude<CloudName, 'local'>];
  return { cloud: cloud as CloudEndpoints, clientId: v.clientId!.trim(), tenant: v.tenant!.trim(), redirectUri: v.redirectUri!.trim() };
}

/** The browser's configuration: the schema's verdict from the build (or the dev server), then the values it accepted. */
export function configFromBuild(): ConfigResult {
  const problems = JSON.parse(process.env.NEXT_PUBLIC_LOCKSTEP_CONFIG_PROBLEMS || '[]') as ConfigProblem[];
  if (problems.length > 0) return { ok: false, problems };
  const raw = rawConfigFromEnv();
  return { ok: true, config: configOf({ ...raw, emulatorUrl: raw.emulatorUrl?.trim() }) };
}
