/** Shared links for the rule catalog. (Each rule names its own controls: the one mapping, which compliance derives from.) */
export const DOCS = {
  migrateCmk: {
    title: 'Migrate VMware VMs with customer-managed keys (Azure Migrate)',
    url: 'https://learn.microsoft.com/azure/migrate/how-to-migrate-vmware-vms-with-cmk-disks',
  },
  diskEncryption: { title: 'Server-side encryption of Azure Disk Storage', url: 'https://learn.microsoft.com/azure/virtual-machines/disk-encryption' },
  cmkPortal: {
    title: 'Use customer-managed keys with managed disks (portal)',
    url: 'https://learn.microsoft.com/azure/virtual-machines/disks-enable-customer-managed-keys-portal',
  },
  cmkCli: {
    title: 'Use customer-managed keys with managed disks (Azure CLI)',
    url: 'https://learn.microsoft.com/azure/virtual-machines/linux/disks-enable-customer-managed-keys-cli',
  },
  softDelete: { title: 'Azure Key Vault soft-delete overview', url: 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview' },
  rbacGuide: { title: 'Provide access to Key Vault keys with Azure RBAC', url: 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide' },
  accessPolicy: { title: 'Assign a Key Vault access policy', url: 'https://learn.microsoft.com/azure/key-vault/general/assign-access-policy' },
  network: {
    title: 'Key Vault network security and trusted services',
    url: 'https://learn.microsoft.com/azure/key-vault/general/overview-vnet-service-endpoints',
  },
  rotation: {
    title: 'Configure cryptographic key auto-rotation in Azure Key Vault',
    url: 'https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation',
  },
  logging: { title: 'Azure Key Vault logging', url: 'https://learn.microsoft.com/azure/key-vault/general/logging' },
  locks: {
    title: 'Lock your resources to protect your infrastructure',
    url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources',
  },
  confidential: {
    title: 'Confidential VM options with customer-managed keys',
    url: 'https://learn.microsoft.com/azure/confidential-computing/confidential-vm-overview',
  },
  replication: {
    title: 'Troubleshoot replication in agentless VMware migration',
    url: 'https://learn.microsoft.com/azure/migrate/troubleshoot-changed-block-tracking-replication',
  },
  crossTenant: {
    title: 'Use customer-managed keys across tenants with managed disks',
    url: 'https://learn.microsoft.com/azure/virtual-machines/disks-cross-tenant-customer-managed-keys',
  },
  managedHsm: {
    title: 'Use Managed HSM keys for server-side encryption of managed disks',
    url: 'https://learn.microsoft.com/azure/key-vault/managed-hsm/overview',
  },
  desRestrictions: { title: 'Customer-managed keys: restrictions', url: 'https://learn.microsoft.com/azure/virtual-machines/disk-encryption#restrictions' },
};
