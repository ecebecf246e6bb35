/**
 * Deterministic large estates for benchmarks and scale tests:
 * `--generate servers=10000,subscriptions=20,vaults=40,des=60,keyvaults=30`.
 */
import type { ArmResource, EstateFile } from '../../lib/estate/file';
import {
  ROLE_IDS,
  diskEncryptionSet,
  guidFrom,
  isoAt,
  key,
  keyVault,
  migrationInfrastructure,
  migrationItem,
  principalOf,
  resourceGroup,
  roleAssignment,
  sub,
} from './builders';
import { DEMO_PASSWORD, DEMO_TENANT_ID, USERS, demoApplications } from './demo';

export interface GenerateSpec {
  servers: number;
  subscriptions: number;
  vaults: number;
  des: number;
  keyvaults: number;
  /** How many subscriptions hold the Recovery Services vaults (1: Azure Migrate's usual layout, all in the project's). */
  vaultsubscriptions?: number;
}

const REGIONS = ['westeurope', 'northeurope', 'swedencentral', 'germanywestcentral'];

export function parseGenerateSpec(text: string): GenerateSpec {
  const spec: GenerateSpec = { servers: 1000, subscriptions: 4, vaults: 4, des: 8, keyvaults: 8 };
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [k, v] = part.split('=');
    const n = Number(v);
    if (!k || !(k in spec || k === 'vaultsubscriptions'))
      throw new Error(`--generate: unknown key '${k}'. Known: ${[...Object.keys(spec), 'vaultsubscriptions'].join(', ')}.`);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new Error(`--generate: ${k} must be a whole number from 1 to 1000000, not '${v}'.`);
    spec[k as keyof GenerateSpec] = n;
  }
  return spec;
}

/** A generated estate as captured at `capturedAt` (default: now), dates relative to it. */
export function generateEstate(spec: GenerateSpec, capturedAt: Date | string = new Date()): EstateFile {
  const CAPTURED_AT = new Date(capturedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const t = DEMO_TENANT_ID;
  const subs = Array.from({ length: spec.subscriptions }, (_, i) => ({
    subscriptionId: guidFrom(`gen:sub:${i}`),
    displayName: `Generated subscription ${String(i + 1).padStart(3, '0')}`,
    tenantId: t,
    state: 'Enabled',
  }));
  const resources: ArmResource[] = [];
  const now = Math.floor(Date.parse(CAPTURED_AT) / 1000);
  for (const [i, s] of subs.entries()) {
    const region = REGIONS[i % REGIONS.length]!;
    resources.push(
      resourceGroup(s.subscriptionId, 'rg-keys', region),
      resourceGroup(s.subscriptionId, 'rg-workloads', region),
      resourceGroup(s.subscriptionId, 'rg-migrate', region),
    );
    for (const u of Object.values(USERS))
      resources.push(
        roleAssignment(
          sub(s.subscriptionId),
          u.objectId,
          u.jobTitle === 'Consultant' ? ROLE_IDS.owner : ROLE_IDS.reader,
          s.subscriptionId,
          'User',
          isoAt(now - 89 * 86400),
        ),
      );
  }
  const vaults = Array.from({ length: spec.keyvaults }, (_, i) => {
    const s = subs[i % subs.length]!;
    const region = REGIONS[(i % subs.length) % REGIONS.length]!;
    const v = keyVault({
      subId: s.subscriptionId,
      rg: 'rg-keys',
      name: `kv-gen-${String(i).padStart(5, '0')}`,
      location: region,
      tenantId: t,
      created: now - 400 * 86400,
      rbac: i % 3 !== 0,
      purgeProtection: i % 7 === 0 ? undefined : true,
    });
    const k = key({
      vault: v,
      name: 'des-key',
      keySize: 3072,
      created: now - (i % 400) * 86400,
      rotation: i % 4 === 0 ? undefined : { rotateAfter: 'P90D', expiryTime: 'P1Y' },
    });
    resources.push(v, k.key, ...k.versions);
    return { v, k, s, region };
  });
  const desList = Array.from({ length: spec.des }, (_, i) => {
    const kv = vaults[i % vaults.length]!;
    const d = diskEncryptionSet({
      subId: kv.s.subscriptionId,
      rg: 'rg-keys',
      name: `des-gen-${String(i).padStart(5, '0')}`,
      location: kv.region,
      tenantId: t,
      keyUrl: kv.k.latestUrlNoPort,
      sourceVaultId: kv.v.id,
      rotationToLatestKeyVersionEnabled: i % 2 === 0,
    });
    resources.push(d);
    if ((kv.v.properties as { enableRbacAuthorization?: boolean }).enableRbacAuthorization) {
      if (i % 11 !== 0)
        resources.push(
          roleAssignment(
            kv.v.id,
            principalOf(d)!,
            ROLE_IDS.keyVaultCryptoServiceEncryptionUser,
            kv.s.subscriptionId,
            'ServicePrincipal',
            isoAt(now - 300 * 86400),
          ),
        );
    } else {
      const props = kv.v.properties as { accessPolicies: unknown[] };
      props.accessPolicies.push({
        tenantId: t,
        objectId: principalOf(d),
        permissions: { keys: ['get', 'wrapKey', 'unwrapKey'], secrets: [], certificates: [] },
      });
    }
    return { d, kv };
  });
  const infra = Array.from({ length: spec.vaults }, (_, i) => {
    const si = i % Math.min(subs.length, spec.vaultsubscriptions ?? subs.length);
    const s = subs[si]!;
    const region = REGIONS[si % REGIONS.length]!;
    const m = migrationInfrastructure({
      hubSubId: s.subscriptionId,
      rg: 'rg-migrate',
      location: region,
      project: `mig-gen-${i}`,
      vault: `rsv-gen-${i}`,
      site: `site${i}`,
      targetLocation: region,
    });
    resources.push(...m.resources);
    return { m, s, region };
  });
  for (let i = 0; i < spec.servers; i++) {
    const site = infra[i % infra.length]!;
    const candidates = desList.filter((x) => x.kv.region === site.region && x.kv.s.subscriptionId === site.s.subscriptionId);
    const des = i % 9 === 0 ? undefined : candidates[i % Math.max(1, candidates.length)]?.d;
    resources.push(
      migrationItem(
        site.m,
        {
          machineName: `GEN-SRV-${String(i).padStart(6, '0')}`,
          os: i % 3 === 0 ? 'Linux' : 'Windows',
          osName: i % 3 === 0 ? 'Ubuntu Linux (64-bit)' : 'Microsoft Windows Server 2022 (64-bit)',
          disks: Array.from({ length: 1 + (i % 3) }, (_, d) => ({ sizeGiB: d === 0 ? 128 : 512, desId: des?.id })),
          targetSubId: site.s.subscriptionId,
          targetRg: 'rg-workloads',
          targetLocation: site.region,
          vmSize: 'Standard_D4s_v5',
          state: i % 53 === 0 ? 'InitialSeedingInProgress' : 'Replicating',
        },
        { now },
      ),
    );
  }
  return {
    kind: 'lockstep.estate',
    version: 1,
    capturedAt: CAPTURED_AT,
    tenantId: t,
    tenantDisplayName: 'Contoso Health (generated)',
    tenantDefaultDomain: 'contosohealth.onmicrosoft.com',
    subscriptions: subs,
    users: Object.values(USERS).map((u) => ({ ...u, password: DEMO_PASSWORD })),
    applications: demoApplications(),
    resources,
  };
}
