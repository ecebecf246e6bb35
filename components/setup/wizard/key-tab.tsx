'use client';

import { Caption1, Dropdown, Field, Input, Option, Radio, RadioGroup, Subtitle2 } from '@fluentui/react-components';
import { normalizeId } from '@/lib/estate/ids';
import { problemAt } from '@/lib/estate/problem';
import { keyChoices, newKey } from '@/lib/provisioning/draft';
import { useWizardStyles } from './styles';
import type { SetupWizard } from './use-setup-wizard';

/** Key: create a rotating RSA key, or pick a usable one in the chosen vault. */
export function KeyTab({ w }: { w: SetupWizard }) {
  const s = useWizardStyles();
  const { estate, intent, set, now } = w;
  const problems = w.problemsOn('key');
  const vaultId = 'use' in intent.keyVault ? intent.keyVault.use : undefined;
  const choices = vaultId ? keyChoices(estate, vaultId, now) : [];
  const usable = choices.filter((c) => c.problems.length === 0);
  const premium =
    'create' in intent.keyVault ? intent.keyVault.create.sku === 'premium' : estate.keyVaults.get(normalizeId(vaultId ?? ''))?.sku?.toLowerCase() === 'premium';
  const k = 'create' in intent.key ? intent.key.create : undefined;
  const setKey = (patch: Partial<NonNullable<typeof k>>) => k && set({ key: { create: { ...k, ...patch } } });
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  return (
    <section className={s.card} aria-label="Key">
      {vaultId && (
        <RadioGroup
          value={k ? 'create' : 'use'}
          aria-label="Key"
          onChange={(_, d) => set({ key: d.value === 'create' ? newKey(intent.diskEncryptionSet.name) : { use: usable[0]?.value.id ?? '' } })}
        >
          <Radio value="create" label="Create a new key" />
          <Radio value="use" label={`Use an existing key (${usable.length} usable)`} disabled={usable.length === 0} />
        </RadioGroup>
      )}
      {k ? (
        <>
          <div className={s.two}>
            <Field label="Key name" required hint="1-127 letters, digits and hyphens." validationMessage={problemAt(problems, 'key.create.name')}>
              <Input value={k.name} onChange={(_, d) => setKey({ name: d.value })} />
            </Field>
            <Field label="Key type" validationMessage={problemAt(problems, 'key.create.kty')}>
              <Dropdown value={k.kty} selectedOptions={[k.kty]} onOptionSelect={(_, d) => setKey({ kty: d.optionValue as 'RSA' | 'RSA-HSM' })}>
                <Option value="RSA">RSA</Option>
                <Option value="RSA-HSM" disabled={!premium}>
                  {premium ? 'RSA-HSM' : 'RSA-HSM (needs a premium vault)'}
                </Option>
              </Dropdown>
            </Field>
            <Field label="Key size (bits)">
              <Dropdown value={String(k.size)} selectedOptions={[String(k.size)]} onOptionSelect={(_, d) => setKey({ size: Number(d.optionValue) })}>
                {[2048, 3072, 4096].map((n) => (
                  <Option key={n} value={String(n)}>
                    {String(n)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Rotate every (days)" validationMessage={problemAt(problems, 'key.create.rotateEveryDays')}>
              <Input
                type="number"
                min={7}
                value={Number.isFinite(k.rotateEveryDays) ? String(k.rotateEveryDays) : ''}
                onChange={(_, d) => setKey({ rotateEveryDays: num(d.value) })}
              />
            </Field>
            <Field label="Expires after (days)">
              <Input
                type="number"
                min={8}
                value={Number.isFinite(k.expiresInDays) ? String(k.expiresInDays) : ''}
                onChange={(_, d) => setKey({ expiresInDays: num(d.value) })}
              />
            </Field>
          </div>
          <Caption1 className={s.muted}>
            The rotation policy creates a new version every {k.rotateEveryDays} days and notifies 30 days before expiry; with auto key rotation the disk
            encryption set follows each version.
          </Caption1>
        </>
      ) : (
        <Field label="Usable keys" validationMessage={problems[0]?.message}>
          <RadioGroup value={'use' in intent.key ? intent.key.use : ''} onChange={(_, d) => set({ key: { use: d.value } })}>
            {usable.map((c) => (
              <Radio
                key={c.value.id}
                value={c.value.id}
                label={`${c.value.name} · ${c.value.kty ?? ''} ${c.value.keySize ?? ''}${c.repairs.length ? ` · ${c.repairs.join(' ')}` : ''}`}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
      {choices.filter((c) => c.problems.length > 0).length > 0 && (
        <>
          <Subtitle2 as="h2" style={{ margin: 0 }}>
            Not usable
          </Subtitle2>
          <ul className={s.list} aria-label="Keys that cannot be used">
            {choices
              .filter((c) => c.problems.length > 0)
              .map((c) => (
                <li key={c.value.id}>
                  <strong>{c.value.name}</strong>: {c.problems.join(' ')}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
