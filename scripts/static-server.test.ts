import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, startStaticServer } from './static-server';

describe('the static server', () => {
  const base = mkdtempSync(join(tmpdir(), 'lockstep-static-'));
  let url = '';
  let close = () => {};
  beforeAll(async () => {
    mkdirSync(join(base, 'out'));
    mkdirSync(join(base, 'out-x'));
    writeFileSync(join(base, 'out', 'index.html'), '<p>app</p>');
    writeFileSync(join(base, 'out', '404.html'), '<p>not found</p>');
    writeFileSync(join(base, 'out-x', 'secret.txt'), 'sibling secret');
    const server = await startStaticServer({ dir: join(base, 'out'), port: 0, connectOrigins: [] });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('never serves a sibling folder whose name starts like the root', async () => {
    // `%2f` survives URL parsing, so the decoded path climbs out of the root: refused.
    const climb = await fetch(`${url}/..%2fout-x/secret.txt`);
    expect(climb.status).toBe(403);
    expect(await climb.text()).not.toContain('sibling secret');
    for (const path of ['/%2e%2e/out-x/secret.txt', '/..%2f..%2fetc%2fpasswd']) {
      const r = await fetch(`${url}${path}`);
      expect(r.status, path).not.toBe(200);
      expect(await r.text()).not.toContain('sibling secret');
    }
    expect(isInside('/srv/out', '/srv/out-x/secret.txt')).toBe(false);
    expect(isInside('/srv/out', '/srv/out/a/b.js')).toBe(true);
    expect(isInside('/srv/out', '/srv/out')).toBe(true);
  });

  it('serves the app', async () => {
    const r = await fetch(`${url}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('app');
  });
});
