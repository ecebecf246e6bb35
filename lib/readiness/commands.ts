import { normalizeId, parseResourceId } from '../estate/ids';
import type { DiskEncryptionSet, Estate, Key, KeyVault } from '../estate/model';
import type { DesSubject, Evaluation, Finding } from './types';

/**
 * A rule's remediation command with the names and ids Lockstep knows filled in for one finding: `<vault>`, `<rg>`,
 * `<des-principal-id>` become the finding's own vault, resource group and DES identity. A placeholder stays where
 * Lockstep does not know the value, or where the value is not a plain ARM name or id: names come from ARM and are
 * untrusted, and this text is pasted into a shell, so only `[A-Za-z0-9._:/-]` is ever substituted.
 */
export function filledCommand(template: string, finding: Pick<Finding, 'resourceId'>, evaluation: Pick<Evaluation, 'des'>, estate: Estate): string {
  const ctx = contextOf(finding.resourceId, evaluation, estate);
  return template
    .split('\n')
    .map((line) => fillLine(line, ctx))
    .join('\n');
}

/** What a finding is about: the DES, vault and key on its chain, as far as the estate shows them. */
interface Context {
  des?: DiskEncryptionSet;
  vault?: KeyVault;
  key?: Key;
  subject?: DesSubject;
  /** The resource group of the finding's own resource, when no name on the line says whose group is meant. */
  resourceGroup?: string;
}

function contextOf(resourceId: string, evaluation: Pick<Evaluation, 'des'>, estate: Estate): Context {
  const id = normalizeId(resourceId);
  const subjects = [...evaluation.des.values()];
  const vaultOf = (s: DesSubject) => (s.vault.state === 'found' ? s.vault.value : undefined);
  const keyOf = (s: DesSubject) => (s.key?.state === 'found' ? s.key.value : undefined);
  const same = (other: string | undefined) => other !== undefined && normalizeId(other) === id;
  const subject =
    evaluation.des.get(id) ?? subjects.find((s) => same(keyOf(s)?.id)) ?? subjects.find((s) => same(vaultOf(s)?.id)) ?? serverSubject(id, estate, evaluation);
  const vault = estate.keyVaults.get(id) ?? (subject && vaultOf(subject));
  const key = estate.keys.get(id) ?? (subject && keyOf(subject));
  return { subject, des: subject?.des, vault, key, resourceGroup: parseResourceId(resourceId)?.resourceGroup };
}

/** A server's findings are about its chain: the one DES its disks name, when they name exactly one. */
function serverSubject(id: string, estate: Estate, evaluation: Pick<Evaluation, 'des'>): DesSubject | undefined {
  const server = estate.servers.find((s) => normalizeId(s.id) === id);
  if (!server) return undefined;
  const deses = new Set(
    (server.disks ?? [])
      .map((d) => d.desId)
      .filter((d): d is string => !!d)
      .map(normalizeId),
  );
  return deses.size === 1 ? evaluation.des.get([...deses][0]!) : undefined;
}

/** ARM names, ids and key URLs: nothing a shell would read as anything but one word. */
const SAFE = /^[A-Za-z0-9._:/-]+$/;

function fillLine(line: string, ctx: Context): string {
  const { des, vault, key, subject } = ctx;
  const versioned = (version: string | undefined) => (des?.key && version ? `https://${des.key.host}/keys/${des.key.keyName}/${version}` : undefined);
  const values: Record<string, string | undefined> = {
    des: des?.name,
    vault: vault?.kind === 'vault' ? vault.name : des?.key?.vaultName,
    hsm: vault?.kind === 'managedHsm' ? vault.name : undefined,
    'vault-id': vault?.id ?? des?.sourceVaultId,
    key: key?.name ?? des?.key?.keyName,
    'des-principal-id': des?.principalIds[0],
    region: vault?.location ?? des?.location,
    'des-region': des?.location,
    'versioned-key-url': versioned(key?.currentVersion ?? des?.key?.version),
    'current-versioned-key-url': versioned(key?.currentVersion),
    'application-id': subject?.crossTenant?.applicationId ?? des?.federatedClientId,
  };
  // `<rg>` is the group of the resource the command names before it on the line (a DES's or a vault's), else the finding's own.
  let owner: 'des' | 'vault' | undefined;
  return line.replace(/<([a-z-]+)>/g, (whole, name: string) => {
    if (name === 'des' || name === 'vault' || name === 'hsm') owner = name === 'des' ? 'des' : 'vault';
    const value = name === 'rg' ? (owner === 'des' ? des?.resourceGroup : owner === 'vault' ? vault?.resourceGroup : ctx.resourceGroup) : values[name];
    return value && SAFE.test(value) ? value : whole;
  });
}
