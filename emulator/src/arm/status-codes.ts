/**
 * The status codes each write answers with, as the Azure REST API specs declare them per operation (and as
 * spec-checking clients, such as the Python SDKs inside the Azure CLI, insist on: a 201 where the spec declares
 * 200/202 fails the command). One table, so no handler picks a status code on its own.
 */
export interface WriteStatuses {
  /** PUT of a resource that did not exist. */
  created: number;
  /** PUT or PATCH of one that did. */
  updated: number;
  /** DELETE of one that exists, and of one that does not. */
  deleted: number;
  deletedMissing: number;
}

const TABLE: Record<string, WriteStatuses> = {
  // DiskEncryptionSets_CreateOrUpdate / _Update: 200, 202 (long-running); _Delete: 200, 202, 204.
  'microsoft.compute/diskencryptionsets': { created: 202, updated: 202, deleted: 202, deletedMissing: 204 },
  // Vaults_CreateOrUpdate: 200, 201; Vaults_Update: 200, 201; Vaults_Delete: 200, 204.
  'microsoft.keyvault/vaults': { created: 201, updated: 200, deleted: 200, deletedMissing: 204 },
  // Keys_CreateIfNotExist: 200.
  'microsoft.keyvault/vaults/keys': { created: 200, updated: 200, deleted: 405, deletedMissing: 405 },
  // DiagnosticSettings_CreateOrUpdate: 200; _Delete: 200, 204.
  'microsoft.insights/diagnosticsettings': { created: 200, updated: 200, deleted: 200, deletedMissing: 204 },
  // ManagementLocks_CreateOrUpdate*: 200, 201; _Delete*: 200, 204.
  'microsoft.authorization/locks': { created: 201, updated: 200, deleted: 200, deletedMissing: 204 },
  // RoleAssignments_Create: 200, 201; _Delete: 200, 204.
  'microsoft.authorization/roleassignments': { created: 201, updated: 200, deleted: 200, deletedMissing: 204 },
  // PolicyAssignments_Create declares only 201, for a new assignment and a replaced one alike.
  'microsoft.authorization/policyassignments': { created: 201, updated: 201, deleted: 200, deletedMissing: 204 },
  // ResourceGroups_CreateOrUpdate: 200, 201; _Delete: 200, 202.
  'microsoft.resources/resourcegroups': { created: 201, updated: 200, deleted: 202, deletedMissing: 404 },
  // UserAssignedIdentities_CreateOrUpdate: 200, 201; _Delete: 200, 204.
  'microsoft.managedidentity/userassignedidentities': { created: 201, updated: 200, deleted: 200, deletedMissing: 204 },
};

/** ARM's common pattern for a resource whose spec is not in the table: 201 on create, 200 on update. */
const DEFAULT: WriteStatuses = { created: 201, updated: 200, deleted: 200, deletedMissing: 204 };

export function writeStatuses(type: string): WriteStatuses {
  return TABLE[type.toLowerCase()] ?? DEFAULT;
}

/** The status for a PUT/PATCH (`existed`: whether the resource was there before). */
export function writeStatus(type: string, existed: boolean): number {
  const s = writeStatuses(type);
  return existed ? s.updated : s.created;
}
