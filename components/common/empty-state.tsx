import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1 },
  body: { maxWidth: '560px' },
});

/** Says what is missing and offers the next action. */
export function EmptyState({ icon, title, children, action }: { icon: ReactNode; title: string; children: ReactNode; action?: ReactNode }) {
  const s = useStyles();
  return (
    <section className={s.root} aria-label={title}>
      <span className={s.icon} aria-hidden="true">
        {icon}
      </span>
      <Subtitle1 as="h2">{title}</Subtitle1>
      <Body1 className={s.body}>{children}</Body1>
      {action}
    </section>
  );
}
