/** Rows for the Disk encryption sets and Key vaults pages (pure). */
import { isAtOrBelow, normalizeId } from '../estate/ids';
import type { Estate } from '../estate/model';
import { healthOf, type Health } from './rows';
import type { Evaluation, Finding } from './types';

export interface DesRow {
  id: string;
  name: string;
  resourceGroup: string;
  subscription: string;
  location: string;
  encryptionType: string;
  vaultName: string;
  keyName: string;
  keyVersion: string;
  identity: string;
  autoRotation: string;
  health: Health;
  servers: number;
  capacityGiB: number;
  findings: Finding[];
}

export interface KeyRow {
  id: string;
  name: string;
  kty: string;
  keySize?: number;
  enabled?: boolean;
  /** Days until expiry (negative when expired); undefined without an expiry date. */
  expiresInDays?: number;
  rotates: boolean;
  usedBy: string[];
}

export interface VaultRow {
  id: string;
  name: string;
  /** A key vault, or a Managed HSM (whose keys and local role assignments ARM does not show). */
  kind: 'Key vault' | 'Managed HSM';
  /** Security domain state of a Managed HSM (Active, NotActivated). */
  securityDomain?: string;
  resourceGroup: string;
  subscription: string;
  location: string;
  sku: string;
  permissionModel: string;
  softDelete: string;
  purgeProtection: string;
  network: string;
  keys: KeyRow[];
  nearestExpiryDays?: number;
  health: Health;
  desCount: number;
  findings: Finding[];
}

const TYPE: Record<string, string> = {
  EncryptionAtRestWithCustomerKey: 'Customer key',
  EncryptionAtRestWithPlatformAndCustomerKeys: 'Double encryption',
  ConfidentialVmEncryptedWithCustomerKey: 'Confidential VM',
};
const yesNo = (v: boolean | undefined) => (v === true ? 'On' : v === false ? 'Off' : 'Not set');

export function desRows(estate: Estate, e: Evaluation): DesRow[] {
  return [...estate.diskEncryptionSets.values()].map((des) => {
    const subject = e.des.get(normalizeId(des.id));
    const vault = subject?.vault.state === 'found' ? subject.vault.value : undefined;
    const keyPrefix = vault ? normalizeId(`${vault.id}/keys/`) : undefined;
    const findings = e.findings.filter((f) => {
      const r = normalizeId(f.resourceId);
      return (
        r === normalizeId(des.id) ||
        (vault && (r === normalizeId(vault.id) || (keyPrefix && r.startsWith(keyPrefix) && r.endsWith('/' + (des.key?.keyName ?? '').toLowerCase()))))
      );
    });
    let servers = 0;
    let bytes = 0;
    for (const s of estate.servers) {
      const disks = (s.disks ?? []).filter((d) => d.desId && normalizeId(d.desId) === normalizeId(des.id));
      if (disks.length > 0) servers++;
      bytes += disks.reduce((a, d) => a + (d.sizeBytes ?? 0), 0);
    }
    const sub = estate.subscriptions.get(des.subscriptionId.toLowerCase());
    return {
      id: des.id,
      name: des.name,
      resourceGroup: des.resourceGroup,
      subscription: sub?.displayName ?? des.subscriptionId,
      location: des.location ?? '',
      encryptionType: TYPE[des.encryptionType ?? ''] ?? des.encryptionType ?? 'Not set',
      vaultName: vault?.name ?? des.key?.vaultName ?? '—',
      keyName: des.key?.keyName ?? '—',
      keyVersion: des.key?.version ?? '—',
      identity:
        des.principalIds.length > 0 ? `${des.identityType ?? 'Managed'} (${des.principalIds[0]})` : `None${des.identityType ? ` (${des.identityType})` : ''}`,
      autoRotation: yesNo(des.rotationToLatestKeyVersionEnabled),
      // One health meaning everywhere: a DES's health is its own findings and its key's, as the grid's DES column shows it;
      // its vault's findings are listed with it but judged as the vault's health (the grid's and the key-vault page's column).
      health:
        subject?.vault.state === 'unreadable' ? 'unknown' : healthOf(findings.filter((f) => !vault || normalizeId(f.resourceId) !== normalizeId(vault.id))),
      servers,
      capacityGiB: Math.round(bytes / 1024 ** 3),
      findings,
    };
  });
}

export function vaultRows(estate: Estate, e: Evaluation, now: number): VaultRow[] {
  return [...estate.keyVaults.values()].map((v) => {
    const findings = e.findings.filter((f) => {
      const r = normalizeId(f.resourceId);
      return r === normalizeId(v.id) || r.startsWith(normalizeId(v.id) + '/keys/');
    });
    const deses = [...estate.diskEncryptionSets.values()].filter((d) => {
      const s = e.des.get(normalizeId(d.id));
      return s?.vault.state === 'found' && normalizeId(s.vault.value.id) === normalizeId(v.id);
    });
    const keys: KeyRow[] = [...estate.keys.values()]
      .filter((k) => normalizeId(k.vaultId) === normalizeId(v.id))
      .map((k) => ({
        id: k.id,
        name: k.name,
        kty: k.kty ?? '—',
        keySize: k.keySize,
        enabled: k.attributes.enabled,
        expiresInDays: k.attributes.exp !== undefined ? Math.ceil((k.attributes.exp - now) / 86400) : undefined,
        rotates: k.rotates === true,
        usedBy: deses.filter((d) => d.key?.keyName.toLowerCase() === k.name.toLowerCase()).map((d) => d.name),
      }));
    const expiries = keys.map((k) => k.expiresInDays).filter((d): d is number => d !== undefined);
    const sub = estate.subscriptions.get(v.subscriptionId.toLowerCase());
    const denies = v.networkDefaultAction?.toLowerCase() === 'deny' || v.publicNetworkAccess?.toLowerCase() === 'disabled';
    return {
      id: v.id,
      name: v.name,
      kind: v.kind === 'managedHsm' ? 'Managed HSM' : 'Key vault',
      ...(v.kind === 'managedHsm' ? { securityDomain: v.securityDomainStatus ?? 'Not reported' } : {}),
      resourceGroup: v.resourceGroup,
      subscription: sub?.displayName ?? v.subscriptionId,
      location: v.location ?? '',
      sku: v.sku ?? '—',
      permissionModel: v.kind === 'managedHsm' ? 'Local RBAC (Managed HSM)' : v.enableRbacAuthorization === true ? 'Azure RBAC' : 'Access policies',
      softDelete: `${yesNo(v.enableSoftDelete === undefined ? true : v.enableSoftDelete)}${v.softDeleteRetentionInDays ? ` · ${v.softDeleteRetentionInDays} days` : ''}`,
      purgeProtection: yesNo(v.enablePurgeProtection),
      network: denies ? `Firewall on · bypass ${v.networkBypass ?? 'AzureServices'}` : 'All networks',
      keys,
      nearestExpiryDays: expiries.length ? Math.min(...expiries) : undefined,
      health: healthOf(findings),
      desCount: deses.length,
      findings,
    };
  });
}

/** Locks that protect a vault, for the details. */
export function locksOn(estate: Estate, id: string): string[] {
  return estate.locks.filter((l) => isAtOrBelow(id, l.scope)).map((l) => `${l.level} on ${l.scope.split('/').pop()}`);
}
