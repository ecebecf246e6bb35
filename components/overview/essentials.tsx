import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { CopyButton } from '../common/code-block';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(400px, 1fr))',
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    margin: 0,
  },
  row: { display: 'grid', gridTemplateColumns: '170px 1fr', gap: tokens.spacingHorizontalM, alignItems: 'baseline' },
  key: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', unicodeBidi: 'isolate', display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalXS },
});

/** The portal's Essentials panel: key/value pairs in two columns; an item with `copy` (an id, a URL) has a Copy button. */
export function Essentials({ items, label }: { items: { key: string; value: ReactNode; copy?: string }[]; label: string }) {
  const s = useStyles();
  return (
    <dl className={s.grid} aria-label={label}>
      {items.map((i) => (
        <div key={i.key} className={s.row}>
          <dt>
            <Caption1 className={s.key}>{i.key}</Caption1>
          </dt>
          <dd className={s.value}>
            <Body1>{i.value}</Body1>
            {i.copy && <CopyButton text={i.copy} what={i.key} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}
