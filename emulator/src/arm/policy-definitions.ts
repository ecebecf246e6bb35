/**
 * The built-in policy definitions the emulator serves, as Azure Policy publishes them (Azure/azure-policy,
 * built-in-policies/policyDefinitions/Compute): the two that guard customer-managed keys on managed disks.
 */
const effect = {
  type: 'string',
  defaultValue: 'Audit',
  allowedValues: ['Audit', 'Deny', 'Disabled'],
  metadata: { displayName: 'Effect', description: 'Enable or disable the execution of the policy' },
};

export const BUILTIN_POLICIES = [
  {
    id: '/providers/Microsoft.Authorization/policyDefinitions/d461a302-a187-421a-89ac-84acdb4edc04',
    name: 'd461a302-a187-421a-89ac-84acdb4edc04',
    type: 'Microsoft.Authorization/policyDefinitions',
    properties: {
      displayName: 'Managed disks should use a specific set of disk encryption sets for the customer-managed key encryption',
      policyType: 'BuiltIn',
      mode: 'Indexed',
      description:
        'Requiring a specific set of disk encryption sets to be used with managed disks give you control over the keys used for encryption at rest. You are able to select the allowed encrypted sets and all others are rejected when attached to a disk. Learn more at https://aka.ms/disks-cmk.',
      metadata: { category: 'Compute', version: '1.0.0' },
      parameters: {
        allowedEncryptionSets: {
          type: 'Array',
          metadata: {
            displayName: 'Allowed disk encryption set',
            description: 'The list of allowed disk encryption sets for managed disks.',
            strongType: 'Microsoft.Compute/diskEncryptionSets',
          },
        },
        effect,
      },
      policyRule: {
        if: {
          anyOf: [
            {
              allOf: [
                { field: 'type', equals: 'Microsoft.Compute/disks' },
                { field: 'Microsoft.Compute/disks/managedBy', exists: 'False' },
                { field: 'Microsoft.Compute/disks/encryption.diskEncryptionSetId', notIn: "[parameters('allowedEncryptionSets')]" },
              ],
            },
            {
              allOf: [
                { field: 'type', equals: 'Microsoft.Compute/virtualMachines' },
                {
                  field: 'Microsoft.Compute/virtualMachines/storageProfile.osDisk.managedDisk.diskEncryptionSet.id',
                  notIn: "[parameters('allowedEncryptionSets')]",
                },
              ],
            },
          ],
        },
        then: { effect: "[parameters('effect')]" },
      },
    },
  },
  {
    id: '/providers/Microsoft.Authorization/policyDefinitions/702dd420-7fcc-42c5-afe8-4026edd20fe0',
    name: '702dd420-7fcc-42c5-afe8-4026edd20fe0',
    type: 'Microsoft.Authorization/policyDefinitions',
    properties: {
      displayName: 'OS and data disks should be encrypted with a customer-managed key',
      policyType: 'BuiltIn',
      mode: 'Indexed',
      description:
        'Use customer-managed keys to manage the encryption at rest of the contents of your managed disks. By default, the data is encrypted at rest with platform-managed keys, but customer-managed keys are commonly required to meet regulatory compliance standards. Learn more at https://aka.ms/disks-cmk.',
      metadata: { category: 'Compute', version: '3.0.0' },
      parameters: { effect },
      policyRule: {
        if: {
          anyOf: [
            {
              allOf: [
                { field: 'type', equals: 'Microsoft.Compute/virtualMachines' },
                { field: 'Microsoft.Compute/virtualMachines/storageProfile.osDisk.managedDisk.diskEncryptionSet.id', exists: 'False' },
              ],
            },
            {
              allOf: [
                { field: 'type', equals: 'Microsoft.Compute/disks' },
                { field: 'Microsoft.Compute/disks/encryption.diskEncryptionSetId', exists: 'False' },
              ],
            },
          ],
        },
        then: { effect: "[parameters('effect')]" },
      },
    },
  },
];
