/** `npm run dev`: the emulator plus `next dev` with hot reload, on the same ports as `npm start`. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { loadEnvConfig } from '@next/env';
import { parseConfig, rawConfigFromEnv } from '../lib/auth/config';
import { seedEstate } from '../emulator/src/main';
import { startEmulator } from '../emulator/src/server';

const root = resolve(__dirname, '..');

async function main() {
  loadEnvConfig(root, true);
  const parsed = parseConfig(rawConfigFromEnv());
  if (parsed.ok && parsed.config.cloud.name === 'local') {
    const url = new URL(parsed.config.cloud.armEndpoint);
    await startEmulator({
      estate: seedEstate({ estatePath: process.env.LOCKSTEP_ESTATE, generate: process.env.LOCKSTEP_GENERATE }),
      port: Number(url.port || 80),
    });
    console.log(`Local Azure emulator: ${url.origin}`);
  }
  const port = parsed.ok ? new URL(parsed.config.redirectUri).port || '3000' : '3000';
  const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'dev', '--port', port], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

void main();
