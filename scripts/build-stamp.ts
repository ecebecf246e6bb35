/** Decides whether `out/` is current: a hash of the sources, the lockfile and the NEXT_PUBLIC_* values. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['app', 'components', 'config', 'lib', 'public', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isFile()) {
    if (!/\.test\.tsx?$/.test(path)) out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) walk(join(path, name), out);
}

export function buildStamp(root: string, env: NodeJS.ProcessEnv): string {
  const h = createHash('sha256');
  const files: string[] = [];
  for (const i of INPUTS) walk(join(root, i), files);
  for (const f of files) h.update(f).update(readFileSync(f));
  for (const k of Object.keys(env)
    .filter((k) => k.startsWith('NEXT_PUBLIC_'))
    .sort())
    h.update(`${k}=${env[k]}`);
  return h.digest('hex');
}

const STAMP_FILE = (root: string) => join(root, 'out', '.lockstep-build');

export function isBuildCurrent(root: string, stamp: string): boolean {
  return existsSync(join(root, 'out', 'index.html')) && existsSync(STAMP_FILE(root)) && readFileSync(STAMP_FILE(root), 'utf8') === stamp;
}

export function writeStamp(root: string, stamp: string): void {
  writeFileSync(STAMP_FILE(root), stamp);
}
