/**
 * `npm start`: builds if needed, starts the local Azure emulator (for the `local` cloud) and
 * serves the production build; prints the URL and the demo users.
 * Flags: --no-build (serve what is built), --quiet.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadEnvConfig } from '@next/env';
import { parseConfig, rawConfigFromEnv } from '../lib/auth/config';
import { seedEstate } from '../emulator/src/main';
import { startEmulator } from '../emulator/src/server';
import { buildStamp, isBuildCurrent, writeStamp } from './build-stamp';
import { startStaticServer } from './static-server';

const root = resolve(__dirname, '..');
const args = new Set(process.argv.slice(2));

async function main() {
  loadEnvConfig(root, false, { info: () => undefined, error: console.error });
  const parsed = parseConfig(rawConfigFromEnv());
  if (!parsed.ok) {
    console.error('Lockstep is not configured correctly:');
    for (const p of parsed.problems) console.error(`  ${p.variable} ${p.message}${p.value ? ` (now "${p.value}")` : ''}`);
    console.error('Set them in .env.local or the environment (see .env.example).');
    process.exit(2);
  }
  const config = parsed.config;

  if (!args.has('--no-build')) {
    const stamp = buildStamp(root, process.env);
    if (isBuildCurrent(root, stamp)) {
      console.log('Production build is current.');
    } else {
      console.log('Building Lockstep (next build)…');
      const r = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
      if (r.status !== 0) process.exit(r.status ?? 1);
      writeStamp(root, stamp);
    }
  }

  const appUrl = new URL(config.redirectUri);
  const origins = [config.cloud.armEndpoint, config.cloud.authorityHost, config.cloud.graphEndpoint];
  if (config.cloud.name === 'local') {
    const emulatorUrl = new URL(config.cloud.armEndpoint);
    // LOCKSTEP_ESTATE=FILE serves a capture; LOCKSTEP_GENERATE=servers=10000,... a generated estate (benchmarks).
    const estate = seedEstate({ estatePath: process.env.LOCKSTEP_ESTATE, generate: process.env.LOCKSTEP_GENERATE });
    const emulator = await startEmulator({ estate, port: Number(emulatorUrl.port || 80), lroMs: Number(process.env.LOCKSTEP_LRO_MS ?? 3000) }).catch(
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE') {
          console.error(`Port ${emulatorUrl.port} is in use: is Lockstep already running? Stop it, or set NEXT_PUBLIC_LOCKSTEP_EMULATOR_URL to another port.`);
          process.exit(2);
        }
        throw e;
      },
    );
    console.log(`Local Azure emulator: ${emulatorUrl.origin} (${estate.tenantDisplayName ?? estate.tenantId}, ${estate.subscriptions.length} subscriptions)`);
    process.on('exit', () => void emulator.close());
    if (!args.has('--quiet')) {
      console.log("Demo users (pick one on the emulator's sign-in page; the CLI password is in emulator/README.md):");
      for (const u of estate.users ?? []) console.log(`  ${u.displayName.padEnd(14)} ${(u.jobTitle ?? '').padEnd(15)} ${u.userPrincipalName}`);
    }
  }
  await startStaticServer({ dir: resolve(root, 'out'), port: Number(appUrl.port || 80), connectOrigins: origins }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') {
      console.error(`Port ${appUrl.port} is in use: is Lockstep already running? Stop it, or change NEXT_PUBLIC_LOCKSTEP_REDIRECT_URI.`);
      process.exit(2);
    }
    throw e;
  });
  console.log(`\nLockstep is ready: ${appUrl.origin}/  (Ctrl+C to stop)`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
