/**
 * Facts about a key vault that the rules judge and the planner repairs, said once so the two
 * cannot drift: does its firewall shut out trusted services, does it send audit logs.
 */
import { normalizeId } from '../estate/ids';
import type { Estate, KeyVault } from '../estate/model';

/** The firewall denies public traffic (or public access is off) and lets no trusted service through. */
export function blocksTrustedServices(v: KeyVault): boolean {
  const denies = v.networkDefaultAction?.toLowerCase() === 'deny' || v.publicNetworkAccess?.toLowerCase() === 'disabled';
  return denies && v.networkBypass?.toLowerCase() === 'none';
}

/** Some diagnostic setting on the vault sends its audit events (AuditEvent, or the audit / allLogs groups). */
export function sendsAuditLogs(estate: Pick<Estate, 'diagnosticSettings'>, vaultId: string): boolean {
  return estate.diagnosticSettings.some(
    (d) =>
      normalizeId(d.scope) === normalizeId(vaultId) &&
      d.logs.some(
        (l) => l.enabled !== false && (l.category?.toLowerCase() === 'auditevent' || ['audit', 'alllogs'].includes(l.categoryGroup?.toLowerCase() ?? '')),
      ),
  );
}
