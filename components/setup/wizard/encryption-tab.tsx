'use client';

import { Combobox, Field, Input, Option, Radio, RadioGroup, Switch } from '@fluentui/react-components';
import { parseResourceId } from '@/lib/estate/ids';
import { problemAt } from '@/lib/estate/problem';
import type { Intent } from '@/lib/provisioning/intent';
import { useWizardStyles } from './styles';
import type { SetupWizard } from './use-setup-wizard';

/** Encryption: the disk encryption set's name, encryption type, key rotation and identity. */
export function EncryptionTab({ w }: { w: SetupWizard }) {
  const s = useWizardStyles();
  const { intent, set, problems, estate } = w;
  return (
    <section className={s.card} aria-label="Encryption">
      <Field
        label="Disk encryption set name"
        required
        hint="1-80 letters, digits, underscores and hyphens."
        validationMessage={problemAt(problems, 'diskEncryptionSet.name')}
      >
        <Input value={intent.diskEncryptionSet.name} onChange={(_, d) => set({ diskEncryptionSet: { ...intent.diskEncryptionSet, name: d.value } })} />
      </Field>
      <Field label="Encryption type">
        <RadioGroup
          value={intent.diskEncryptionSet.encryptionType}
          onChange={(_, d) =>
            set({ diskEncryptionSet: { ...intent.diskEncryptionSet, encryptionType: d.value as Intent['diskEncryptionSet']['encryptionType'] } })
          }
        >
          <Radio value="EncryptionAtRestWithCustomerKey" label="Encryption at rest with a customer-managed key" />
          <Radio value="EncryptionAtRestWithPlatformAndCustomerKeys" label="Double encryption with platform-managed and customer-managed keys" />
        </RadioGroup>
      </Field>
      <Switch
        checked={intent.diskEncryptionSet.autoRotate}
        onChange={(_, d) => set({ diskEncryptionSet: { ...intent.diskEncryptionSet, autoRotate: d.checked } })}
        label="Follow new key versions automatically (auto key rotation)"
      />
      <Field label="Identity" hint="The identity Azure Disk Storage uses to reach the key.">
        <RadioGroup
          value={intent.diskEncryptionSet.identity === 'SystemAssigned' ? 'system' : 'user'}
          onChange={(_, d) =>
            set({ diskEncryptionSet: { ...intent.diskEncryptionSet, identity: d.value === 'system' ? 'SystemAssigned' : { userAssigned: '' } } })
          }
        >
          <Radio value="system" label="System-assigned (created with the disk encryption set)" />
          <Radio value="user" label="User-assigned managed identity" />
        </RadioGroup>
      </Field>
      {typeof intent.diskEncryptionSet.identity === 'object' && (
        <Field
          label="User-assigned managed identity"
          required
          hint="Pick one in this subscription, or paste another identity's resource id. It is granted access before the disk encryption set is created."
          validationMessage={problemAt(problems, 'diskEncryptionSet.identity')}
        >
          <Combobox
            freeform
            placeholder="/subscriptions/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/…"
            value={intent.diskEncryptionSet.identity.userAssigned}
            selectedOptions={[intent.diskEncryptionSet.identity.userAssigned]}
            onChange={(e) => set({ diskEncryptionSet: { ...intent.diskEncryptionSet, identity: { userAssigned: e.target.value } } })}
            onOptionSelect={(_, d) => d.optionValue && set({ diskEncryptionSet: { ...intent.diskEncryptionSet, identity: { userAssigned: d.optionValue } } })}
          >
            {[...estate.userAssignedIdentities.values()]
              .filter((u) => parseResourceId(u.id)?.subscriptionId?.toLowerCase() === intent.subscriptionId.toLowerCase())
              .map((u) => (
                <Option key={u.id} value={u.id} text={u.id}>
                  {`${u.name} · ${parseResourceId(u.id)?.resourceGroup ?? ''}`}
                </Option>
              ))}
          </Combobox>
        </Field>
      )}
    </section>
  );
}
