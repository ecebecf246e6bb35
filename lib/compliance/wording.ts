/**
 * How the compliance view and the printed report word a key's custody and a control's status: one wording, so the page
 * an auditor reads on screen and the one they file say the same thing.
 */
import { durationInWords, type ControlStatus, type KeyCustody } from './summary';

const HIDDEN = 'Not visible through ARM';

/** A day (UTC), or a dash when unknown. */
export const dayOf = (seconds: number | undefined) => (seconds === undefined ? '—' : new Date(seconds * 1000).toISOString().slice(0, 10));

export const custodyText = {
  key: (k: KeyCustody) => `${k.vault} / ${k.key}`,
  type: (k: KeyCustody) => (k.inManagedHsm ? HIDDEN : `${k.kty ?? ''} ${k.keySize ?? ''}`.trim() || '—'),
  hsm: (k: KeyCustody) => (k.inManagedHsm ? 'Managed HSM' : k.hsmBacked ? 'Yes' : 'No'),
  expires: (k: KeyCustody) => (k.inManagedHsm ? HIDDEN : k.expires === undefined ? 'No expiry' : dayOf(k.expires)),
  rotation: (k: KeyCustody) =>
    k.inManagedHsm ? HIDDEN : k.rotates ? (k.rotateAfter ? `Every ${durationInWords(k.rotateAfter)}` : 'Scheduled (interval not set)') : 'None',
  purgeProtection: (k: KeyCustody) => (k.purgeProtection ? 'On' : 'Off'),
  holders: (k: KeyCustody) => k.holders.map((h) => `${h.name}: ${h.how}`).join('; ') || 'Nobody in this capture',
  blast: (k: KeyCustody) => `${k.blast.servers} servers, ${(k.blast.capacityGiB / 1024).toFixed(1)} TiB`,
};

export const CONTROL_STATUS_LABEL: Record<ControlStatus, string> = { met: 'Met', 'not-met': 'Not met', 'cannot-tell': 'Cannot tell' };
