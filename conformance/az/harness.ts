/**
 * The official Azure CLI against the local Azure, the way a person would point it there: the emulator over TLS with
 * its local CA trusted (REQUESTS_CA_BUNDLE), the cloud registered from its ARM URL, `az login` with the password grant,
 * each person in an isolated AZURE_CONFIG_DIR. Every other destination goes through a proxy that refuses it, so no test
 * can reach the network (and each attempt is recorded).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDemoEstate, DEMO_PASSWORD, USERS } from '../../emulator/src/demo';
import { startEmulator, type Emulator } from '../../emulator/src/server';
import { localTls } from '../../emulator/src/tls';

export type Person = keyof typeof USERS;

export interface AzResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * A child process, asynchronously on purpose: the emulator answers from this same process, so a blocking spawn would
 * deadlock it. Killed after `timeoutMs` (status -1).
 */
export function runProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<AzResult> {
  return new Promise<AzResult>((done) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status: status ?? -1, stdout, stderr });
    });
  });
}

/** A proxy that refuses everything: az's only way out of localhost. */
function refusingProxy(attempts: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

export async function startAzHarness() {
  const root = mkdtempSync(join(tmpdir(), 'lockstep-az-'));
  const tls = localTls(join(root, 'tls'));
  const estate = buildDemoEstate(new Date(Math.floor(Date.now() / 60_000) * 60_000));
  const emulator: Emulator = await startEmulator({ estate, port: 0, tls, lroMs: 1000 });
  const attempts: string[] = [];
  const proxy = await refusingProxy(attempts);
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const arm = `https://localhost:${emulator.port}`;
  const env = (who: Person): Record<string, string> => ({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    LANG: 'C.UTF-8',
    AZURE_CONFIG_DIR: join(root, `az-${who}`),
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    AZURE_CORE_NO_COLOR: 'true',
    AZURE_CORE_ONLY_SHOW_ERRORS: 'true',
    REQUESTS_CA_BUNDLE: tls.caFile,
    // Debian's az 2.45 needs two MSAL shims and one packaging shim (see the file); newer az needs none.
    PYTHONPATH: resolve(__dirname, 'shim'),
    HTTPS_PROXY: proxyUrl,
    HTTP_PROXY: proxyUrl,
    NO_PROXY: 'localhost,127.0.0.1',
  });
  const exec = (cmd: string, args: string[], who: Person, timeoutMs: number) => runProcess(cmd, args, env(who) as unknown as NodeJS.ProcessEnv, timeoutMs);
  const az = (who: Person, args: string[]) => exec('az', args, who, 120_000);
  /** `bash -c SCRIPT` with az signed in as `who`. */
  const bash = (who: Person, script: string) => exec('bash', ['-c', script], who, 300_000);
  const signIn = async (who: Person): Promise<AzResult[]> => [
    await az(who, ['cloud', 'register', '--name', 'LockstepLocal', '--endpoint-resource-manager', `${arm}/`, '--suffix-keyvault-dns', '.vault.azure.net']),
    // az 2.45 cannot take the Graph resource id from the command line; the cloud's Graph is this emulator.
    await az(who, ['cloud', 'update', '--name', 'LockstepLocal', '--cloud-config', JSON.stringify({ endpoints: { microsoftGraphResourceId: `${arm}/` } })]),
    await az(who, ['cloud', 'set', '--name', 'LockstepLocal']),
    await az(who, ['login', '--username', USERS[who].userPrincipalName, '--password', DEMO_PASSWORD, '--tenant', estate.tenantId, '--output', 'none']),
  ];
  const close = async () => {
    await emulator.close();
    await new Promise<void>((r) => proxy.close(() => r()));
  };
  return { estate, emulator, tls, arm, az, bash, signIn, attempts, close, env };
}

/** The Azure CLI on this machine, or why it cannot run. */
export function azAvailable(): string | undefined {
  const r = spawnSync('az', ['version', '--output', 'json'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: mkdtempSync(join(tmpdir(), 'lockstep-azv-')),
      AZURE_CORE_COLLECT_TELEMETRY: 'false',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
    } as unknown as NodeJS.ProcessEnv,
  });
  if (r.status !== 0) return undefined;
  try {
    return (JSON.parse(r.stdout) as Record<string, string>)['azure-cli'];
  } catch {
    return undefined;
  }
}
