import { Body1, makeStyles, Title2, Toolbar, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { FluentIcon } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  titleRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1, flex: 'none', marginTop: '4px' },
  description: { color: tokens.colorNeutralForeground2 },
  commands: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: 0,
  },
});

/** A resource or list page's head: icon and title, one line of description, then the command bar. */
export function PageHeader({ title, icon: Icon, description, commands }: { title: string; icon: FluentIcon; description?: string; commands?: ReactNode }) {
  const s = useStyles();
  return (
    <div className={s.root}>
      <div className={s.titleRow}>
        <Icon className={s.icon} aria-hidden="true" />
        <div>
          <Title2 as="h1">{title}</Title2>
          {description && (
            <Body1 as="p" block className={s.description}>
              {description}
            </Body1>
          )}
        </div>
      </div>
      {commands && (
        <Toolbar aria-label="Commands" size="small" className={s.commands}>
          {commands}
        </Toolbar>
      )}
    </div>
  );
}
