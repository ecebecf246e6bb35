'use client';

import { Button, makeStyles, mergeClasses, tokens, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { reveal } from '@/lib/estate/display';

const useStyles = makeStyles({
  block: { position: 'relative' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    // Room for the Copy button, so it never covers the end of the first line.
    paddingRight: '40px',
    borderRadius: tokens.borderRadiusSmall,
    margin: 0,
    overflow: 'auto',
  },
  tall: { maxHeight: '420px' },
  copy: { position: 'absolute', top: tokens.spacingVerticalXXS, right: tokens.spacingHorizontalXXS },
});

/** Puts text on the clipboard: the Clipboard API, or a selected text area where the page is not allowed to use it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

/** A Copy button for a command, an id or an exported plan; says "Copied" (to the eye and to a screen reader) for two seconds. */
/** Copies `text`; `labelled` shows the word Copy beside the icon (a toolbar's button), else the icon alone (over a block). */
export function CopyButton({ text, what, className, labelled }: { text: string; what: string; className?: string; labelled?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(t);
  }, [state]);
  const label = state === 'copied' ? `Copied ${what}` : state === 'failed' ? `Could not copy ${what}: select it and press Ctrl+C` : `Copy ${what}`;
  return (
    <Tooltip content={label} relationship="label" withArrow>
      <Button
        className={className}
        size={labelled ? 'medium' : 'small'}
        appearance={labelled ? 'secondary' : 'subtle'}
        icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
        onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
        aria-live="polite"
      >
        {labelled ? (state === 'copied' ? 'Copied' : 'Copy') : undefined}
      </Button>
    </Tooltip>
  );
}

/** Code as text the user can select, scroll and copy; `label` names it for assistive technology and for the Copy button. */
export function CodeBlock({
  text: given,
  label,
  tall,
  focusable,
  copy = true,
}: {
  text: string;
  label: string;
  tall?: boolean;
  focusable?: boolean;
  /** False when the block's owner offers Copy itself (in its own command row, before the block in the focus order). */
  copy?: boolean;
}) {
  const s = useStyles();
  // Raw JSON and exports carry ARM text as it came: shown, and copied, with its invisible controls made visible.
  const text = reveal(given);
  return (
    <div className={s.block}>
      <pre className={mergeClasses(s.code, tall && s.tall)} aria-label={label} tabIndex={focusable ? 0 : undefined}>
        {text}
      </pre>
      {copy && <CopyButton text={text} what={label} className={s.copy} />}
    </div>
  );
}
