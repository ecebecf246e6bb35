/**
 * A local certificate authority for `npm run emulator -- --https`: created once with openssl (Debian's, or any on
 * PATH) under the user's cache, reused after, and named at start so clients can trust it (REQUESTS_CA_BUNDLE for the
 * Azure CLI, NODE_EXTRA_CA_CERTS for Node). The server certificate covers localhost and 127.0.0.1 only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface LocalTls {
  dir: string;
  caFile: string;
  key: string;
  cert: string;
  ca: string;
}

export function defaultTlsDir(): string {
  return process.env.LOCKSTEP_TLS_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'lockstep', 'emulator-tls');
}

export function localTls(dir = defaultTlsDir()): LocalTls {
  const caFile = join(dir, 'ca.crt');
  const keyFile = join(dir, 'server.key');
  const certFile = join(dir, 'server.crt');
  if (!existsSync(caFile) || !existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      run(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '3650',
        '-subj',
        '/CN=Lockstep local Azure emulator CA',
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      );
      writeFileSync(
        join(dir, 'server.ext'),
        'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\n',
      );
      run('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr');
      run(
        'x509',
        '-req',
        '-in',
        'server.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '825',
        '-extfile',
        'server.ext',
        '-out',
        'server.crt',
      );
    } catch (e) {
      throw new Error(
        `Could not create the emulator's local CA in ${dir} with openssl (${(e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message}). Install openssl, or set LOCKSTEP_TLS_DIR to a folder holding ca.crt, server.key and server.crt.`,
      );
    }
  }
  return { dir, caFile, key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), ca: readFileSync(caFile, 'utf8') };
}
