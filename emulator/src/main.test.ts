import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoEstate } from './demo';

const root = resolve(__dirname, '..', '..');

function runEmulator(args: string[]) {
  return spawnSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'emulator/src/main.ts'), ...args], {
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('emulator command line', () => {
  it('stops on an invalid estate file, naming the file and the JSON path of the first bad field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-'));
    const file = join(dir, 'broken.json');
    const estate = buildDemoEstate();
    (estate.resources[5] as { type: string }).type = 'Microsoft.Compute/disks';
    writeFileSync(file, JSON.stringify(estate));
    const r = runEmulator(['--estate', file, '--port', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`invalid estate file ${file}: $.resources[5].type:`);
  });

  it('refuses unknown options and bad numbers with a usage hint', () => {
    expect(runEmulator(['--bogus']).stderr).toContain("unknown option '--bogus'");
    expect(runEmulator(['--page-size', 'zero']).stderr).toContain('--page-size must be a whole number');
    expect(runEmulator(['--generate', 'servers=abc']).stderr).toContain('servers must be a whole number');
  });
});
