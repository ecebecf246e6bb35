'use client';

import { Caption1, Dropdown, Field, Input, Option, Radio, RadioGroup, Subtitle2, Switch } from '@fluentui/react-components';
import { auditWorkspace, newKey, newVault, vaultChoices } from '@/lib/provisioning/draft';
import { useWizardStyles } from './styles';
import type { SetupWizard } from './use-setup-wizard';

/** Key vault: create one with the settings a disk encryption set needs, or pick a compatible one (with what will be repaired). */
export function VaultTab({ w }: { w: SetupWizard }) {
  const s = useWizardStyles();
  const { estate, intent, set, subName } = w;
  const problems = w.problemsOn('vault');
  const choices = vaultChoices(estate, intent.location);
  const usable = choices.filter((c) => c.problems.length === 0);
  const unusable = choices.filter((c) => c.problems.length > 0);
  const mode = 'create' in intent.keyVault ? 'create' : 'use';
  return (
    <section className={s.card} aria-label="Key vault">
      <RadioGroup
        value={mode}
        aria-label="Key vault"
        onChange={(_, d) =>
          set({
            keyVault: d.value === 'create' ? newVault(estate, intent.diskEncryptionSet.name) : { use: usable[0]?.value.id ?? '' },
            key: d.value === 'create' && 'use' in intent.key ? newKey(intent.diskEncryptionSet.name) : intent.key,
          })
        }
      >
        <Radio value="create" label="Create a new key vault" />
        <Radio value="use" label={`Use an existing key vault in ${intent.location} (${usable.length} compatible)`} disabled={usable.length === 0} />
      </RadioGroup>
      {'create' in intent.keyVault ? (
        <>
          <div className={s.two}>
            <Field label="Key vault name" required hint="3-24 letters, digits and hyphens; globally unique." validationMessage={problems[0]?.message}>
              <Input
                value={intent.keyVault.create.name}
                onChange={(_, d) =>
                  set({ keyVault: { create: { ...(intent.keyVault as { create: { name: string; sku: 'standard' | 'premium' } }).create, name: d.value } } })
                }
              />
            </Field>
            <Field label="Pricing tier" hint="Premium keeps keys in HSMs (RSA-HSM).">
              <Dropdown
                value={intent.keyVault.create.sku === 'premium' ? 'Premium' : 'Standard'}
                selectedOptions={[intent.keyVault.create.sku]}
                onOptionSelect={(_, d) =>
                  set({
                    keyVault: {
                      create: {
                        ...(intent.keyVault as { create: { name: string; sku: 'standard' | 'premium' } }).create,
                        sku: d.optionValue as 'standard' | 'premium',
                      },
                    },
                  })
                }
              >
                <Option value="standard">Standard</Option>
                <Option value="premium">Premium</Option>
              </Dropdown>
            </Field>
          </div>
          <Caption1 className={s.muted}>
            Created with soft delete (90 days), purge protection (irreversible), Azure RBAC, and a firewall that denies by default and lets trusted Azure
            services such as Azure Disk Storage through.
          </Caption1>
        </>
      ) : (
        <Field label="Compatible key vaults" validationMessage={problems[0]?.message}>
          <RadioGroup
            value={intent.keyVault.use}
            onChange={(_, d) => set({ keyVault: { use: d.value }, key: 'use' in intent.key ? newKey(intent.diskEncryptionSet.name) : intent.key })}
          >
            {usable.map((c) => (
              <Radio
                key={c.value.id}
                value={c.value.id}
                label={`${c.value.name} · ${c.value.resourceGroup} · ${subName(c.value.subscriptionId)} · ${c.value.enableRbacAuthorization ? 'Azure RBAC' : 'access policies'}${c.repairs.length ? ` · will repair: ${c.repairs.join(' ')}` : ''}`}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
      {unusable.length > 0 && (
        <>
          <Subtitle2 as="h2" style={{ margin: 0 }}>
            Not compatible
          </Subtitle2>
          <ul className={s.list} aria-label="Key vaults that cannot be used">
            {unusable.map((c) => (
              <li key={c.value.id}>
                <strong>{c.value.name}</strong>: {c.problems.join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <Switch
        checked={!!intent.auditLogs}
        onChange={(_, d) => set({ auditLogs: d.checked ? { workspaceId: auditWorkspace(estate) ?? '' } : undefined })}
        label="Send the vault's audit log to Log Analytics (who used, changed or deleted the key)"
      />
      {intent.auditLogs && (
        <Field label="Log Analytics workspace resource id" required>
          <Input value={intent.auditLogs.workspaceId} onChange={(_, d) => set({ auditLogs: { workspaceId: d.value } })} />
        </Field>
      )}
    </section>
  );
}
