'use client';

import {
  Body1,
  Caption1,
  Dropdown,
  Field,
  Label,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  Subtitle1,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { saveEngagementSettings, useEngagementSettings } from '@/lib/queries/settings';
import type { Settings } from '@/lib/readiness/settings';
import { SettingsRegular } from '@fluentui/react-icons';
import { useLockstepConfig } from '../providers/config-context';
import { useTheme, type ThemeName } from '../providers/theme-provider';
import { Essentials } from '../overview/essentials';
import { PageHeader } from '../shell/page-header';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '960px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function SettingsPage() {
  const s = useStyles();
  const config = useLockstepConfig();
  const { theme, setTheme } = useTheme();
  const settings = useEngagementSettings();
  return (
    <>
      <PageHeader title="Settings" icon={SettingsRegular} description="Theme, engagement settings, and the cloud Lockstep talks to." />
      <section className={s.section} aria-labelledby="appearance">
        <Subtitle1 as="h2" id="appearance">
          Appearance
        </Subtitle1>
        <Label id="theme-label">Theme</Label>
        <RadioGroup aria-labelledby="theme-label" value={theme} onChange={(_, d) => setTheme(d.value as ThemeName)} layout="horizontal">
          <Radio value="light" label="Light" />
          <Radio value="dark" label="Dark" />
        </RadioGroup>
        <Caption1 className={s.muted}>Remembered in this browser.</Caption1>
      </section>
      <section className={s.section} aria-labelledby="engagement">
        <Subtitle1 as="h2" id="engagement">
          Engagement
        </Subtitle1>
        <Body1 className={s.muted}>
          Policy choices the readiness rules apply on every page, remembered in this browser. <code>npm run scan -- --settings FILE</code> takes the same
          values.
        </Body1>
        <Field label="Warn this many days before a key expires" hint="LS-KEY-004">
          <SpinButton
            value={settings.expiryWarningDays}
            min={0}
            max={365}
            onChange={(_, d) => {
              const v = d.value ?? Number(d.displayValue);
              if (Number.isInteger(v) && v >= 0 && v <= 365) saveEngagementSettings({ ...settings, expiryWarningDays: v });
            }}
          />
        </Field>
        <Field label="Minimum RSA key size" hint="LS-KEY-008">
          <Dropdown
            value={`${settings.minimumRsaKeySize} bits`}
            selectedOptions={[String(settings.minimumRsaKeySize)]}
            onOptionSelect={(_, d) => saveEngagementSettings({ ...settings, minimumRsaKeySize: Number(d.optionValue) as Settings['minimumRsaKeySize'] })}
          >
            {[2048, 3072, 4096].map((n) => (
              <Option key={n} value={String(n)}>{`${n} bits`}</Option>
            ))}
          </Dropdown>
        </Field>
        <Switch
          label="Require double encryption (platform and customer keys) — LS-DES-008"
          checked={settings.requireDoubleEncryption}
          onChange={(_, d) => saveEngagementSettings({ ...settings, requireDoubleEncryption: d.checked })}
        />
      </section>
      <section className={s.section} aria-labelledby="connection">
        <Subtitle1 as="h2" id="connection">
          Connection
        </Subtitle1>
        <Body1 className={s.muted}>Set at build time from the environment (see .env.example). Read-only here.</Body1>
        <Essentials
          label="Connection"
          items={[
            { key: 'Cloud', value: `${config.cloud.displayName} (${config.cloud.name})` },
            { key: 'Azure Resource Manager', value: config.cloud.armEndpoint },
            { key: 'Sign-in authority', value: `${config.cloud.authorityHost}/${config.tenant}` },
            { key: 'Application (client) ID', value: config.clientId },
            { key: 'Redirect URI', value: config.redirectUri },
            { key: 'Token scope', value: config.cloud.armScope },
            { key: 'Token storage', value: 'Session storage of this tab; cleared when the tab closes or you sign out' },
          ]}
        />
      </section>
    </>
  );
}
