/**
 * What the disk-encryption built-ins do to a disk, read from their policy rules (Azure/azure-policy,
 * built-in-policies/policyDefinitions/Compute/): d461a302 refuses a disk whose `encryption.diskEncryptionSetId`
 * is not in `allowedEncryptionSets` (a platform-key disk included); 702dd420 refuses a disk without a customer-managed
 * key. One place, so the rules, re-replication, the wizard's preflight and the guard step judge alike.
 */
import { isAtOrBelow, normalizeId } from './ids';
import { DISK_POLICIES, type DiskPolicyAssignment } from './model';

/** The assignments that act on a disk created in this resource group: at or above it, not excluded, with this effect. */
export function assignmentsOver(assignments: DiskPolicyAssignment[], resourceGroupId: string, effect?: DiskPolicyAssignment['effect']) {
  return assignments.filter(
    (a) => (!effect || a.effect === effect) && isAtOrBelow(resourceGroupId, a.scope) && !a.notScopes.some((n) => isAtOrBelow(resourceGroupId, n)),
  );
}

/** Whether the assignment's rule matches (refuses, when Deny) a disk under this DES (undefined: a platform key). */
export function refusesDisk(a: DiskPolicyAssignment, desId: string | undefined): boolean {
  return a.policy === 'cmkRequired' ? !desId : !a.allowedEncryptionSets.includes(normalizeId(desId ?? ''));
}

/** The Deny assignments that would refuse a disk under `desId` in the resource group. */
export function denyingDisksUnder(assignments: DiskPolicyAssignment[], resourceGroupId: string, desId: string | undefined) {
  return assignmentsOver(assignments, resourceGroupId, 'Deny').filter((a) => refusesDisk(a, desId));
}

export const ALLOWED_DES_DEFINITION_ID = `/providers/Microsoft.Authorization/policyDefinitions/${DISK_POLICIES.allowedDes}`;

export const assignmentLabel = (a: DiskPolicyAssignment) => `'${a.displayName ?? a.name}'`;
