'use client';

import { Label, makeStyles, tokens, typographyStyles, useId } from '@fluentui/react-components';
import { cloneElement, type ReactElement } from 'react';

/**
 * A control under its label, laid out as Fluent's vertical Field (label, control, then a muted message), for the
 * controls that need no validation: Field's machinery was 2.7 kB gzip of the servers page's first load.
 * The control is named by the label (aria-labelledby) and described by the message.
 */
const useStyles = makeStyles({
  root: { display: 'grid' },
  label: { maxWidth: 'max-content', paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalXXS },
  message: { marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, ...typographyStyles.caption1 },
});

export function Labelled({ label, message, children }: { label: string; message?: string; children: ReactElement<Record<string, unknown>> }) {
  const s = useStyles();
  const id = useId('labelled');
  return (
    <div className={s.root}>
      <Label id={`${id}-label`} className={s.label}>
        {label}
      </Label>
      {cloneElement(children, { 'aria-labelledby': `${id}-label`, ...(message ? { 'aria-describedby': `${id}-message` } : {}) })}
      {message && (
        <div id={`${id}-message`} className={s.message}>
          {message}
        </div>
      )}
    </div>
  );
}
