import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateFile } from '../estate/file';
import { normalize } from '../estate/normalize';
import { evaluate } from '../readiness/evaluate';
import { healthy, run, NOW, DAY, PRINCIPAL } from '../readiness/fixtures';
import { CONTROLS } from './controls';
import { unzipSync } from 'fflate';
import { evidenceArchive, evidenceBundle } from './evidence';
import { sha256Hex } from './sha256';
import { controlResults, durationDays, keyCustody, upcoming } from './summary';
import { RULES } from '../readiness/catalog';

const bytes = readFileSync(resolve(__dirname, '../../emulator/estates/contoso-health.json'));
const file = parseEstateFile(bytes.toString('utf8'), 'demo');
const estate = normalize(file);
const e = evaluate(estate, { now: Date.parse(file.capturedAt) / 1000 });

describe('SHA-256', () => {
  it('matches node:crypto over exact bytes, including the empty input and multi-block data', () => {
    for (const data of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(1000)]) {
      expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
    }
    expect(sha256Hex(new Uint8Array(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('controls', () => {
  it('map only to rules that exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const c of CONTROLS) expect(c.rules.filter((r) => !ids.has(r))).toEqual([]);
  });

  it('are met on a healthy chain, not met when a mapped rule fails, and cannot be told when part is unreadable', () => {
    const ok = controlResults(run(healthy()), 0);
    expect(ok.map((c) => c.status)).toEqual(CONTROLS.map(() => 'met'));
    const f = healthy();
    f.vault.properties.enablePurgeProtection = false;
    const broken = controlResults(run(f), 0).find((c) => c.id === 'GDPR/Art.32(1)(a)')!;
    expect(broken).toMatchObject({ status: 'not-met', failing: { rules: ['LS-KV-002'], resources: 1, servers: 1 } });
    const g = healthy();
    g.file.gaps = [{ scope: '/subscriptions/x', operation: 'list key vaults', status: 403, code: 'AuthorizationFailed', message: 'x' }];
    expect(controlResults(run(g), 1).map((c) => c.status)).toEqual(CONTROLS.map(() => 'cannot-tell'));
    // A low finding alone does not fail a control.
    const h = healthy();
    h.vault.properties.enableRbacAuthorization = false;
    h.vault.properties.accessPolicies = [{ objectId: PRINCIPAL, permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } }];
    expect(controlResults(run(h), 0).find((c) => c.id === 'PCI-DSS:4.0.1/3.6-3.7')!.status).toBe('met');
  });

  it('report the demo estate as not met with the failing counts', () => {
    const iso = controlResults(e, estate.gaps.length).find((c) => c.id === 'ISO27001:2022/A.8.24')!;
    expect(iso.status).toBe('not-met');
    expect(iso.failing.rules).toContain('LS-DES-003');
    // 29 blocked (CTRL-APP-01/02 because an EHR policy assignment in Deny will refuse their platform-key disks) + 8
    // unprotected + the 4 lab servers whose key expires soon + AD-DC-01, which landed without encryption at host (LS-LND-003); EPD-BATCH-02's only finding is replication health (LS-SRV-007), which is not a
    // cryptography control.
    expect(iso.failing.servers).toBe(29 + 8 + 4 + 1);
  });
});

describe('key custody and blast radius', () => {
  it('lists who can delete or re-permission each key and what stops with it', () => {
    const custody = keyCustody(estate, e);
    const legacy = custody.find((k) => k.key === 'legacy-key')!;
    expect(legacy).toMatchObject({ vault: 'kv-chx-legacy-weu', kty: 'RSA', keySize: 2048, hsmBacked: false, purgeProtection: false, rotates: false });
    expect(legacy.blast).toEqual({ servers: 5, capacityGiB: 4 * (128 + 2048) + (64 + 4095 + 4095), des: ['des-weu-legacy-01'] });
    expect(legacy.holders.map((h) => h.how).sort()).toEqual([
      'Contributor on subscription Contoso Health – Landing Zone',
      'Owner on subscription Contoso Health – Landing Zone',
      'access policy: all',
    ]);
    expect(legacy.holders.some((h) => h.name.startsWith('Ruth Bakker'))).toBe(false);
    // A Managed HSM key is in custody too: its HSM, its local administrators, and the servers behind it.
    const hsm = custody.find((k) => k.key === 'des-hsm-key')!;
    expect(hsm).toMatchObject({ vault: 'hsm-chx-weu', inManagedHsm: true, hsmBacked: true, purgeProtection: true });
    expect(hsm.blast).toEqual({ servers: 3, capacityGiB: 2 * (128 + 512) + (128 + 1024), des: ['des-weu-hsm-01'] });
    expect(hsm.holders.map((h) => [h.name, h.how])).toContainEqual([
      'Ruth Bakker (ruth.bakker@contosohealth.onmicrosoft.com)',
      'Managed HSM administrator (local RBAC, at creation; later local assignments are not visible through ARM)',
    ]);
    const central = custody.find((k) => k.key === 'central-des-key')!;
    expect(central.hsmBacked).toBe(true);
    expect(central.holders.map((h) => h.name)).toEqual([]);
    // Largest blast radius first.
    expect(custody[0]!.blast.capacityGiB).toBeGreaterThanOrEqual(custody[custody.length - 1]!.blast.capacityGiB);
  });

  it('sums servers and capacity per key across its disk encryption sets', () => {
    const prod = keyCustody(estate, e).find((k) => k.key === 'des-key-prod')!;
    expect(prod.blast.des.sort()).toEqual(['des-weu-noid-01', 'des-weu-prod-01']);
    expect(prod.blast.servers).toBe(
      estate.servers.filter((s) => s.disks?.some((d) => d.desId?.includes('des-weu-prod-01') || d.desId?.includes('des-weu-noid-01'))).length,
    );
  });

  it('lists expiries and scheduled rotations in the next 90 days', () => {
    const f = healthy();
    f.keyVersion.properties.attributes.exp = NOW + 40 * DAY;
    const ev = run(f);
    const custody = keyCustody(normalize(f.file), ev);
    const soon = upcoming(custody, NOW);
    expect(soon.map((u) => [u.kind, Math.round((u.at - NOW) / DAY)])).toEqual([
      ['expiry', 40],
      ['rotation', 60],
    ]);
    expect(durationDays('P1Y6M')).toBe(545);
    expect(durationDays('nonsense')).toBeUndefined();
  });
});

describe('evidence bundle', () => {
  it('carries the digest of the exact estate bytes, controls, custody and findings', () => {
    const b = evidenceBundle({
      estate,
      evaluation: e,
      estateBytes: new Uint8Array(bytes),
      generatedAt: '2026-11-29T09:00:00Z',
      generatedBy: 'ruth.bakker@contosohealth.onmicrosoft.com',
      toolVersion: '0.1.0',
    });
    expect(b).toMatchObject({
      kind: 'lockstep.evidence',
      version: 1,
      generatedBy: 'ruth.bakker@contosohealth.onmicrosoft.com',
      tool: { name: 'lockstep', version: '0.1.0' },
    });
    expect(b.estateSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(b.controls).toHaveLength(CONTROLS.length);
    expect(b.summary.servers).toBe(71);
    expect(b.findings.length).toBe(e.findings.length);
  });

  it('is one archive holding the bundle and the estate whose SHA-256 it names, byte for byte', async () => {
    const text = bytes.toString('utf8');
    const b = evidenceBundle({ estate, evaluation: e, estateBytes: text, generatedAt: '2026-11-29T09:00:00Z', generatedBy: 'x', toolVersion: '0.1.0' });
    const files = unzipSync(await evidenceArchive(b, text));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'estate.json', 'evidence.json']);
    expect(createHash('sha256').update(files['estate.json']!).digest('hex')).toBe(b.estateSha256);
    expect(Buffer.from(files['estate.json']!).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(JSON.parse(Buffer.from(files['evidence.json']!).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(b)));
  });
});
