'use client';

import { Body1, Caption1, Label, makeStyles, Radio, RadioGroup, Subtitle1, tokens } from '@fluentui/react-components';
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
  return (
    <>
      <PageHeader title="Settings" icon={SettingsRegular} description="Theme, the cloud Lockstep talks to, and engagement settings." />
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
