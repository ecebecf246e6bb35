/** The live inventory against the emulator: it must capture what the estate file holds. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test-support/emulator-harness';
import { DEMO_CLI_CLIENT_ID, DEMO_PASSWORD, SUBS, USERS } from '../../emulator/src/demo';
import { PasswordTokenSource } from '../auth/password-token-source';
import { validateEstate } from '../estate/file';
import { normalize } from '../estate/normalize';
import { evaluate } from '../readiness/evaluate';
import { generateEstate } from '../../emulator/src/generate';
import { captureEstate, type DetailCache } from './inventory';

let t: Awaited<ReturnType<typeof startTestEmulator>>;

beforeAll(async () => {
  t = await startTestEmulator({ pageSize: 10 });
});
afterAll(async () => {
  await t.emulator.close();
});
beforeEach(async () => {
  await t.control('reset', { method: 'POST' });
});

const capture = (who: 'consultant' | 'engineer' | 'ciso', subscriptionIds?: string[], details?: DetailCache) =>
  captureEstate({
    cloud: { armEndpoint: t.base, allowInsecure: true },
    tokens: t.tokens(who),
    subscriptionIds,
    details,
    now: () => new Date(t.estate.capturedAt),
  });

const MIGRATION_ITEM = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationMigrationItems';
const PROTECTED_ITEM = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems';
const detailGets = (routes: Record<string, number>) => (routes[`GET instance ${MIGRATION_ITEM}`] ?? 0) + (routes[`GET instance ${PROTECTED_ITEM}`] ?? 0);
const verdicts = (file: Parameters<typeof normalize>[0], now: number) =>
  evaluate(normalize(file), { now })
    .servers.map((s) => [s.name, s.verdict, s.ruleIds.join(',')])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
/** Servers that are migrations: agentless items, and agent-based (InMageRcm) protected items; A2A is not one. */
const migrations = (file: Parameters<typeof normalize>[0]) =>
  file.resources.filter(
    (r) =>
      r.type === MIGRATION_ITEM ||
      (r.type === PROTECTED_ITEM &&
        (r.properties as { providerSpecificDetails?: { instanceType?: string } }).providerSpecificDetails?.instanceType === 'InMageRcm'),
  ).length;

describe('live inventory', () => {
  it('captures an estate file that judges every server exactly as the estate it was read from', async () => {
    const captured = validateEstate(JSON.parse(JSON.stringify(await capture('consultant'))), 'capture');
    expect(captured.gaps).toEqual([]);
    expect(captured.tenantDisplayName).toBe('Contoso Health');
    const count = (type: string, f = captured) => f.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase()).length;
    for (const type of [
      MIGRATION_ITEM,
      PROTECTED_ITEM,
      'Microsoft.KeyVault/managedHSMs',
      'Microsoft.Compute/diskEncryptionSets',
      'Microsoft.KeyVault/vaults',
      'Microsoft.Migrate/migrateProjects',
      'Microsoft.Insights/diagnosticSettings',
      'Microsoft.Authorization/locks',
      'Microsoft.ManagedIdentity/userAssignedIdentities',
    ]) {
      expect([type, count(type)]).toEqual([type, count(type, t.estate)]);
    }
    const now = Date.parse(t.estate.capturedAt) / 1000;
    const live = evaluate(normalize(captured), { now });
    const fromFile = evaluate(normalize(t.estate), { now });
    expect(live.summary).toEqual(fromFile.summary);
    const rows = (x: typeof live) => x.servers.map((s) => [s.name, s.verdict, s.ruleIds.join(',')]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows(live)).toEqual(rows(fromFile));
    // Keys in use were read one by one, so they carry what the list leaves out.
    const key = captured.resources.find((r) => r.id.endsWith('/keys/des-key-prod'))!;
    expect(key.properties).toMatchObject({ kty: 'RSA', keySize: 3072 });
  });

  it('reads the disks ARM lists leave out with one GET per server, and a refresh with nothing changed reads none', async () => {
    // The emulator lists items as ARM does: every entry with protectedDisks: [] and vmNics: [].
    const listed = (await t.factory('consultant').siteRecovery(SUBS.hub)).replicationMigrationItems.list('rsv-mig-chx-weu', 'rg-migrate-weu');
    for await (const item of listed) expect((item.properties?.providerSpecificDetails as { protectedDisks?: unknown[] }).protectedDisks).toEqual([]);

    await t.control('requests', { method: 'DELETE' });
    const cache: DetailCache = new Map();
    await capture('consultant', undefined, cache);
    let counted = (await t.control('requests')) as { total: number; routes: Record<string, number> };
    // One GET for each server whose entry lacks its disks: every agentless and agent-based server, no A2A item.
    expect(detailGets(counted.routes)).toBe(migrations(t.estate));
    const lists = Object.entries(counted.routes)
      .filter(([k]) => !k.includes(' entra ') && !k.startsWith('GET instance Microsoft.RecoveryServices/vaults/replicationFabrics'))
      .reduce((a, [, n]) => a + n, 0);
    // 4 subscriptions × 8 lists, 3 vaults × 4, 2 projects × 2, 7 key vaults × 2, 7 keys × 2, 2 tenant calls, plus extra pages of 10.
    expect(lists).toBeLessThanOrEqual(110);

    await t.control('requests', { method: 'DELETE' });
    const again = await capture('consultant', undefined, cache);
    counted = (await t.control('requests')) as { total: number; routes: Record<string, number> };
    expect(detailGets(counted.routes)).toBe(0);
    const now = Date.parse(t.estate.capturedAt) / 1000;
    expect(verdicts(again, now)).toEqual(verdicts(t.estate, now));
  });

  it.each([
    ['a 403', { status: 403, code: 'AuthorizationFailed', message: 'denied for the test' }, '403 AuthorizationFailed'],
    ['a 500 that outlasts the retries', { status: 500, code: 'InternalServerError', message: 'boom' }, '500 InternalServerError'],
    ['a dropped connection', { drop: true }, 'read replicating server details failed'],
  ])('a detail GET that fails with %s leaves that one server unknown with the reason, and judges the rest', async (_label, fault, reason) => {
    const item = t.estate.resources.find((r) => r.type === MIGRATION_ITEM && (r.properties as { machineName?: string }).machineName === 'EPD-APP-03')!;
    await t.control('faults', { method: 'POST', body: { method: 'GET', path: item.id, ...fault } });
    const captured = await captureEstate({
      cloud: { armEndpoint: t.base, allowInsecure: true },
      tokens: t.tokens('consultant'),
      now: () => new Date(t.estate.capturedAt),
      maxRetries: 1,
    });
    const e = evaluate(normalize(captured), { now: Date.parse(t.estate.capturedAt) / 1000 });
    const hit = e.servers.find((s) => s.name === 'EPD-APP-03')!;
    expect(hit.verdict).toBe('unknown');
    const message = hit.findings.find((f) => f.ruleId === 'LS-SRV-008')!.message;
    expect(message).toContain('its disk details could not be read (read replicating server details failed');
    expect(message).toContain(reason);
    expect(message).not.toContain('reports no disks');
    expect(e.servers.find((s) => s.name === 'EPD-APP-01')!.verdict).toBe('ready');
    expect(
      e.servers
        .filter((s) => s.verdict === 'unknown')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['EPD-APP-03', 'LAB-PARTNER-01', 'LAB-PARTNER-02', 'TELE-APP-01', 'TELE-APP-02']);
  });

  it('reads what a migrated server landed as, and a landed VM it may not read leaves that server unknown with the reason', async () => {
    const item = t.estate.resources.find(
      (r) => r.type === MIGRATION_ITEM && (r.properties as { migrationState?: string }).migrationState === 'MigrationSucceeded',
    )!;
    const name = (item.properties as { machineName: string }).machineName;
    const capture = () =>
      captureEstate({
        cloud: { armEndpoint: t.base, allowInsecure: true },
        tokens: t.tokens('consultant'),
        now: () => new Date(t.estate.capturedAt),
        maxRetries: 1,
      });
    const now = Date.parse(t.estate.capturedAt) / 1000;
    const landed = normalize(await capture()).servers.find((s) => s.machineName === name)!.landed!;
    expect(landed.found).toBe(true);
    expect(landed.disks.length).toBeGreaterThan(0);
    expect(landed.disks.every((d) => d.found && d.encryptionType === 'EncryptionAtRestWithCustomerKey')).toBe(true);

    await t.control('faults', {
      method: 'POST',
      body: { method: 'GET', path: landed.vmId, status: 403, code: 'AuthorizationFailed', message: 'denied for the test' },
    });
    const e = evaluate(normalize(await capture()), { now });
    const hit = e.servers.find((s) => s.name === name)!;
    expect(hit.verdict).toBe('unknown');
    expect(hit.findings.find((f) => f.ruleId === 'LS-SRV-008')!.message).toContain(
      `its landed VM ${landed.vmId.split('/').pop()} could not be read (read the landed VM failed: 403 AuthorizationFailed)`,
    );
  });

  it("reads a test-migrated server's job from its vault, and says in words that the job does not name the test VM", async () => {
    const item = t.estate.resources.find(
      (r) => r.type === MIGRATION_ITEM && (r.properties as { testMigrateState?: string }).testMigrateState === 'TestMigrationSucceeded',
    )!;
    const name = (item.properties as { machineName: string }).machineName;
    const file = await captureEstate({
      cloud: { armEndpoint: t.base, allowInsecure: true },
      tokens: t.tokens('consultant'),
      now: () => new Date(t.estate.capturedAt),
      maxRetries: 1,
    });
    const job = file.resources.find((r) => /replicationJobs$/i.test(r.type) && (r.properties as { scenarioName?: string }).scenarioName === 'TestMigrate')!;
    expect((job.properties as { targetObjectName?: string }).targetObjectName).toBe(name);
    const server = normalize(file).servers.find((s) => s.machineName === name)!;
    expect(server.testMigration).toEqual({ jobId: job.id, vm: undefined });
    const e = evaluate(normalize(file), { now: Date.parse(t.estate.capturedAt) / 1000 });
    const hit = e.servers.find((s) => s.name === name)!;
    expect(hit.findings.find((f) => f.ruleId === 'LS-LND-004')!.message).toMatch(
      /was test-migrated, but its test migration job \(.+\) does not name the test VM/,
    );
    // A low finding: the verdict stays what the replication chain says.
    expect(hit.verdict).toBe('ready');
  });

  it('turns a 403 on one subscription into a gap and reads the rest', async () => {
    await t.control('faults', {
      method: 'POST',
      body: {
        method: 'GET',
        path: `/subscriptions/${SUBS.research}/providers/Microsoft.Compute/diskEncryptionSets`,
        status: 403,
        code: 'AuthorizationFailed',
        message: 'denied for the test',
      },
    });
    const captured = await capture('consultant');
    expect(captured.gaps).toEqual([
      {
        scope: `/subscriptions/${SUBS.research}`,
        operation: 'list disk encryption sets',
        status: 403,
        code: 'AuthorizationFailed',
        message: 'denied for the test',
      },
    ]);
    const e = evaluate(normalize(captured), { now: Date.parse(t.estate.capturedAt) / 1000 });
    const genomics = e.servers.find((s) => s.name === 'GENOMICS-NODE-01')!;
    expect(genomics.verdict).toBe('unknown');
    expect(e.servers.find((s) => s.name === 'EPD-APP-01')!.verdict).toBe('ready');
  });

  it('captures only what the engineer may see and marks the rest unreadable', async () => {
    const captured = await capture('engineer');
    expect(captured.subscriptions.map((s) => s.subscriptionId).sort()).toEqual([SUBS.landing, SUBS.hub].sort());
    const e = evaluate(normalize(captured), { now: Date.parse(t.estate.capturedAt) / 1000 });
    // Amsterdam's agentless and agent-based servers land in the landing zone; the engineer reads both hub vaults.
    expect(e.servers).toHaveLength(migrations({ ...t.estate, resources: t.estate.resources.filter((r) => r.id.includes('rg-migrate-weu')) }));
    // The central vault lives in Shared Security, which the engineer cannot read.
    expect(e.servers.find((s) => s.name === 'RIS-APP-01')!.verdict).toBe('unknown');
  });

  it('judges a generated estate live exactly as the file it was read from, with trimmed lists', async () => {
    const gen = generateEstate({ servers: 300, subscriptions: 3, vaults: 4, des: 6, keyvaults: 4 }, '2026-11-29T08:00:00Z');
    const g = await startTestEmulator({ estate: gen, pageSize: 50 });
    try {
      const captured = await captureEstate({
        cloud: { armEndpoint: g.base, allowInsecure: true },
        tokens: g.tokens('consultant'),
        now: () => new Date(gen.capturedAt),
      });
      expect(captured.gaps).toEqual([]);
      const now = Date.parse(gen.capturedAt) / 1000;
      expect(verdicts(captured, now)).toEqual(verdicts(gen, now));
    } finally {
      await g.emulator.close();
    }
  });
});

describe('names from Microsoft Graph', () => {
  let g: Awaited<ReturnType<typeof startTestEmulator>>;
  beforeAll(async () => {
    g = await startTestEmulator();
  });
  afterAll(async () => {
    await g.emulator.close();
  });
  const graphTokens = (g0: typeof g, appScope = 'https://graph.microsoft.com/Directory.Read.All') =>
    new PasswordTokenSource({
      tokenEndpoint: `${g0.base}/${g0.estate.tenantId}/oauth2/v2.0/token`,
      clientId: DEMO_CLI_CLIENT_ID,
      username: USERS.ciso.userPrincipalName,
      password: DEMO_PASSWORD,
      scope: appScope,
    });

  it('resolves people, managed identities and service principals with Directory.Read.All, so custody reads as names', async () => {
    const captured = await captureEstate({
      cloud: { armEndpoint: g.base, allowInsecure: true },
      tokens: g.tokens('ciso'),
      now: () => new Date(g.estate.capturedAt),
      graph: { endpoint: g.base, tokens: graphTokens(g), allowInsecure: true },
    });
    expect(captured.gaps).toEqual([]);
    const names = normalize({ ...captured, users: [] }).principals;
    expect(names.get(USERS.engineer.objectId)).toBe('Sam Okafor (sam.okafor@contosohealth.onmicrosoft.com)');
    const des = captured.resources.find((r) => r.name === 'des-weu-prod-01')!;
    expect(names.get((des.identity as { principalId: string }).principalId.toLowerCase())).toBe('des-weu-prod-01 (managed identity)');
  });

  it('without consent for Graph, keeps ids, records why, and judges everything else the same', async () => {
    const noConsent = { ...g.estate, applications: g.estate.applications!.map((a) => ({ ...a, graphPermissions: ['User.Read'] })) };
    const h = await startTestEmulator({ estate: noConsent });
    try {
      const captured = await captureEstate({
        cloud: { armEndpoint: h.base, allowInsecure: true },
        tokens: h.tokens('ciso'),
        now: () => new Date(h.estate.capturedAt),
        graph: { endpoint: h.base, tokens: graphTokens(h), allowInsecure: true },
      });
      expect(captured.directoryObjects).toBeUndefined();
      expect(captured.gaps).toHaveLength(1);
      expect(captured.gaps![0]).toMatchObject({ scope: 'graph:/v1.0/directoryObjects/getByIds', operation: 'read names from Microsoft Graph' });
      expect(captured.gaps![0]!.message).toContain('AADSTS65001');
      expect(captured.gaps![0]!.message).toContain('Principals are shown by object id.');
      const now = Date.parse(h.estate.capturedAt) / 1000;
      expect(evaluate(normalize(captured), { now }).summary).toEqual(evaluate(normalize(h.estate), { now }).summary);
    } finally {
      await h.emulator.close();
    }
  });
});
