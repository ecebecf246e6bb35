'use client';

import { Body1, Caption1, Card, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Title2, tokens } from '@fluentui/react-components';
import type { ConfigProblem } from '@/lib/auth/config-values';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'grid', placeItems: 'center', padding: tokens.spacingHorizontalXXL, backgroundColor: tokens.colorNeutralBackground2 },
  card: { maxWidth: '760px', width: '100%', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  code: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

/** Start-up refused: names every bad variable and what it must be. */
export function ConfigErrorPage({ problems }: { problems: ConfigProblem[] }) {
  const s = useStyles();
  return (
    <main className={s.root}>
      <Card className={s.card}>
        <Title2 as="h1">Lockstep is not configured correctly</Title2>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{problems.length === 1 ? '1 setting needs attention' : `${problems.length} settings need attention`}</MessageBarTitle>
            Nothing was sent to Microsoft Entra ID or Azure.
          </MessageBarBody>
        </MessageBar>
        <ul className={s.list} aria-label="Configuration problems">
          {problems.map((p) => (
            <li key={p.variable}>
              <Body1>
                <span className={s.code}>{p.variable}</span> {p.message}.
              </Body1>
              {p.value !== undefined && <Caption1 block>Current value: “{p.value}”</Caption1>}
            </li>
          ))}
        </ul>
        <Body1>
          Set these in <span className={s.code}>.env.local</span> (see <span className={s.code}>.env.example</span>) or in the environment, then build again.
          The README section “Use with your Azure tenant” explains each one.
        </Body1>
      </Card>
    </main>
  );
}
