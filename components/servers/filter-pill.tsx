'use client';

import { makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';

/**
 * An active filter as a removable pill: Fluent's small circular brand tag, as one button that removes the filter.
 * (Fluent's TagGroup cost the servers page 5.5 kB gzip of first load for this one use.)
 */
const useStyles = makeStyles({
  pill: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    height: '24px',
    maxWidth: '360px',
    padding: `0 ${tokens.spacingHorizontalXS} 0 ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
    ':active': { backgroundColor: tokens.colorBrandBackground2Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', unicodeBidi: 'isolate' },
  icon: { fontSize: '12px', flexShrink: 0 },
});

export function FilterPill({ text, title, onRemove }: { text: string; title?: string; onRemove: () => void }) {
  const s = useStyles();
  return (
    <button type="button" className={s.pill} title={title} aria-label={`Remove the filter ${text}`} onClick={onRemove}>
      <span className={s.text}>{text}</span>
      <DismissRegular className={s.icon} aria-hidden="true" />
    </button>
  );
}
