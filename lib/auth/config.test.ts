import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoEstate } from '../../emulator/src/demo';
import { parseConfig } from './config';
import { configFromBuild } from './config-values';
import { msalConfiguration } from './msal-config';

const GOOD = {
  cloud: 'local',
  clientId: 'd5ecb3b5-24ec-5d65-9606-89868e766f8e',
  tenant: 'dae51f1f-16c8-5e9a-89c9-5ffaa14ba27c',
  redirectUri: 'http://localhost:3000/',
  emulatorUrl: 'http://localhost:3080',
};

function envFile(name: string): Record<string, string> {
  const text = readFileSync(resolve(__dirname, '..', '..', name), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('configuration', () => {
  it('accepts the local defaults and builds the emulator cloud', () => {
    const r = parseConfig(GOOD);
    expect(r.ok && r.config.cloud).toMatchObject({
      name: 'local',
      armEndpoint: 'http://localhost:3080',
      allowInsecure: true,
      armScope: 'https://management.azure.com/user_impersonation',
    });
  });

  it('names every bad variable, once, with what it must be', () => {
    const r = parseConfig({ cloud: 'Azure', clientId: 'abc', tenant: '', redirectUri: 'ftp://x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.variable)).toEqual([
      'NEXT_PUBLIC_LOCKSTEP_CLOUD',
      'NEXT_PUBLIC_LOCKSTEP_CLIENT_ID',
      'NEXT_PUBLIC_LOCKSTEP_TENANT',
      'NEXT_PUBLIC_LOCKSTEP_REDIRECT_URI',
    ]);
    expect(r.problems[0]!.message).toBe('must be one of local, AzureCloud, AzureUSGovernment, AzureChinaCloud');
    expect(r.problems[1]).toMatchObject({ value: 'abc' });
  });

  it('needs the emulator URL for the local cloud, and https for a public cloud off localhost', () => {
    const local = parseConfig({ ...GOOD, emulatorUrl: undefined });
    expect(!local.ok && local.problems.map((p) => p.variable)).toEqual(['NEXT_PUBLIC_LOCKSTEP_EMULATOR_URL']);
    const http = parseConfig({ ...GOOD, cloud: 'AzureCloud', redirectUri: 'http://lockstep.contoso.com/' });
    expect(!http.ok && http.problems[0]!.message).toContain('https');
    const pub = parseConfig({ ...GOOD, cloud: 'AzureUSGovernment', tenant: 'organizations', redirectUri: 'https://lockstep.contoso.us/' });
    expect(pub.ok && pub.config.cloud).toMatchObject({
      armEndpoint: 'https://management.usgovcloudapi.net',
      allowInsecure: false,
      armScope: 'https://management.usgovcloudapi.net/user_impersonation',
    });
  });

  it('commits no real tenant or client id: .env and .env.example carry the demo estate ids only', () => {
    const demo = buildDemoEstate();
    for (const file of ['.env', '.env.example']) {
      const env = envFile(file);
      expect(env.NEXT_PUBLIC_LOCKSTEP_CLOUD).toBe('local');
      expect(env.NEXT_PUBLIC_LOCKSTEP_CLIENT_ID).toBe(demo.applications![0]!.appId);
      expect(env.NEXT_PUBLIC_LOCKSTEP_TENANT).toBe(demo.tenantId);
      expect(demo.applications![0]!.redirectUris).toContain(env.NEXT_PUBLIC_LOCKSTEP_REDIRECT_URI);
    }
  });
});

describe('MSAL configuration', () => {
  it('points MSAL at the emulator with an https authority string and http endpoints', () => {
    const r = parseConfig(GOOD);
    if (!r.ok) throw new Error('config');
    const m = msalConfiguration(r.config);
    expect(m.auth.authority).toBe('https://localhost:3080/dae51f1f-16c8-5e9a-89c9-5ffaa14ba27c');
    expect(() => new URL(m.auth.authority!)).not.toThrow();
    expect(m.auth.knownAuthorities).toEqual(['localhost:3080']);
    expect(JSON.parse(m.auth.authorityMetadata!)).toMatchObject({
      token_endpoint: 'http://localhost:3080/dae51f1f-16c8-5e9a-89c9-5ffaa14ba27c/oauth2/v2.0/token',
    });
    expect(m.auth.redirectUri).toBe('http://localhost:3000/');
    expect(m.cache?.cacheLocation).toBe('sessionStorage');
  });

  it('uses the public authority unchanged for Azure', () => {
    const r = parseConfig({ ...GOOD, cloud: 'AzureCloud', redirectUri: 'https://lockstep.contoso.com/' });
    if (!r.ok) throw new Error('config');
    const m = msalConfiguration(r.config);
    expect(m.auth.authority).toBe('https://login.microsoftonline.com/dae51f1f-16c8-5e9a-89c9-5ffaa14ba27c');
    expect(m.auth.knownAuthorities).toEqual([]);
    expect(m.auth.authorityMetadata).toBeUndefined();
  });
});

describe('the build', () => {
  it('stops next build on a bad variable, naming it, and lets next dev show the start-up page instead', async () => {
    const { default: nextConfig } = await import('../../next.config');
    const saved = process.env.NEXT_PUBLIC_LOCKSTEP_CLIENT_ID;
    try {
      process.env.NEXT_PUBLIC_LOCKSTEP_CLIENT_ID = 'not-a-guid';
      expect(() => nextConfig('phase-production-build')).toThrow(
        "NEXT_PUBLIC_LOCKSTEP_CLIENT_ID must be a GUID: the application (client) id of your app registration (it is 'not-a-guid')",
      );
      // next dev goes on and hands the browser the schema's verdict, which its start-up page shows.
      const dev = nextConfig('phase-development-server');
      expect(dev.output).toBe('export');
      const problems = JSON.parse(dev.env!.NEXT_PUBLIC_LOCKSTEP_CONFIG_PROBLEMS!) as { variable: string }[];
      expect(problems.map((p) => p.variable)).toContain('NEXT_PUBLIC_LOCKSTEP_CLIENT_ID');
      process.env.NEXT_PUBLIC_LOCKSTEP_CONFIG_PROBLEMS = dev.env!.NEXT_PUBLIC_LOCKSTEP_CONFIG_PROBLEMS;
      const seen = configFromBuild();
      expect(!seen.ok && seen.problems.map((p) => p.variable)).toContain('NEXT_PUBLIC_LOCKSTEP_CLIENT_ID');
    } finally {
      process.env.NEXT_PUBLIC_LOCKSTEP_CLIENT_ID = saved;
      delete process.env.NEXT_PUBLIC_LOCKSTEP_CONFIG_PROBLEMS;
    }
  });
});
