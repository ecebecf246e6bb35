import type { DiskPolicyAssignment, DiskEncryptionSet, Estate, Key, KeyAttributes, KeyVault, Lookup, ReplicatingServer } from '../estate/model';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Verdict = 'blocked' | 'unprotected' | 'unknown' | 'attention' | 'ready';
export type Subject = 'server' | 'des' | 'key' | 'keyVault';

export { DEFAULT_SETTINGS, type Settings } from './settings';
import type { Settings } from './settings';

export interface EvalContext {
  estate: Estate;
  settings: Settings;
  /** Unix seconds: rules never read the clock. */
  now: number;
}

export interface RuleDoc {
  title: string;
  synopsis: string;
  rationale: string;
  remediation: { summary: string; portal: string[]; cli: string; powershell: string; bicep: string };
  docs: { title: string; url: string }[];
  /** Clause-level control ids this rule evidences; the compliance controls are derived from these. */
  controls: string[];
  /**
   * What Lockstep's fix-it does, when it offers one for this rule's findings (shown before it runs). The repair itself is
   * built in lib/provisioning/fixits.ts, which offers a fix for exactly the rules that say so here.
   */
  fix?: string;
}

/**
 * What a finding does to a server's verdict beyond its severity: a disk left on platform keys (`unprotected`), a chain
 * that could not be read (`unknown`), or a fact ARM cannot show (`unverifiable`: it keeps the server at attention and
 * makes a control "cannot tell", never "not met").
 */
export type RuleEffect = 'unprotected' | 'unknown' | 'unverifiable';

export interface Rule<S> extends RuleDoc {
  id: string;
  name: string;
  subject: Subject;
  severity: Severity;
  effect?: RuleEffect;
  /** Full-sentence messages, one per failure; empty when the subject passes. */
  evaluate(subject: S, ctx: EvalContext): string[];
  /** What the finding is about (migration item, DES, key, vault). */
  resourceOf(subject: S): string;
}

/** The key version a DES uses, with what is known about it. */
export interface KeyUse {
  des: DiskEncryptionSet;
  vault: KeyVault;
  key: Key;
  version?: string;
  /** Attributes of that version: its version resource, or the key's when it is the current one. */
  attributes: KeyAttributes;
  kty?: string;
  keySize?: number;
}

export type AccessState =
  | { state: 'granted' }
  | { state: 'missing'; detail: string }
  | { state: 'unreadable'; reason: string }
  /** ARM cannot show it (a Managed HSM's local RBAC, a vault in another tenant): the command that checks it where it can be seen. */
  | { state: 'unverifiable'; reason: string; command: string }
  | { state: 'not-evaluated' };

/** A DES whose key is in another tenant's vault, reached through a multi-tenant application. */
export interface CrossTenantKey {
  applicationId: string;
  host: string;
  vaultName: string;
  keyName?: string;
}

export interface DesSubject {
  des: DiskEncryptionSet;
  /** Where the key lives: a key vault, or a Managed HSM (whose keys and local RBAC ARM cannot show). */
  keyStore: 'vault' | 'managedHsm';
  vault: Lookup<KeyVault>;
  crossTenant?: CrossTenantKey;
  /** Present when the vault was found. */
  key?: Lookup<Key>;
  /** Whether the version in the DES key URL exists (current or captured). */
  versionExists?: boolean;
  keyUse?: KeyUse;
  access: AccessState;
}

export interface ServerSubject {
  server: ReplicatingServer;
  /** Each distinct DES id the server's disks name, with its lookup. */
  deses: { id: string; lookup: Lookup<DiskEncryptionSet> }[];
  /** Why part of the chain cannot be read (empty when all of it can). */
  unreadable: string[];
  /** The disk-encryption policy assignments in the estate (the rules pick those that apply where the server lands). */
  policies: DiskPolicyAssignment[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  resourceId: string;
  message: string;
  serverIds: string[];
}

export interface ServerResult {
  id: string;
  name: string;
  verdict: Verdict;
  /** Every rule that fails anywhere on this server's chain. */
  ruleIds: string[];
  findings: Finding[];
}

export interface Evaluation {
  evaluatedAt: string;
  settings: Settings;
  servers: ServerResult[];
  findings: Finding[];
  summary: Record<Verdict, number> & { servers: number };
  /** DES and vault subjects, for the lists and the chain picture. */
  des: Map<string, DesSubject>;
}
