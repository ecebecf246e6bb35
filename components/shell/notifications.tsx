'use client';

import {
  Body1,
  Button,
  Caption1,
  CounterBadge,
  Link,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Subtitle2,
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  tokens,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { AlertRegular, CheckmarkCircleRegular, DismissCircleRegular, DismissRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { notifications, type Notice } from '@/lib/queries/notifications';

const useStyles = makeStyles({
  bell: { position: 'relative' },
  count: { position: 'absolute', top: '2px', right: '2px', pointerEvents: 'none' },
  surface: { width: '380px', maxHeight: '480px', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  item: {
    display: 'grid',
    gridTemplateColumns: '20px 1fr auto',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  success: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
});

const ICON = { success: CheckmarkCircleRegular, error: DismissCircleRegular, warning: WarningRegular, info: InfoRegular };

/** The toaster: each new notification appears once, at the top right, as the portal's do. */
export function NotificationToasts() {
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  const shown = useRef(new Set<number>(notifications.get().map((n) => n.id)));
  useEffect(() => {
    const unsubscribe = notifications.subscribe(() => {
      for (const n of notifications.get()) {
        if (shown.current.has(n.id)) continue;
        shown.current.add(n.id);
        dispatchToast(
          <Toast>
            <ToastTitle>{n.title}</ToastTitle>
            <ToastBody>{n.body}</ToastBody>
          </Toast>,
          { intent: n.intent, timeout: 8000, politeness: n.intent === 'error' ? 'assertive' : 'polite' },
        );
      }
    });
    return () => {
      unsubscribe();
    };
  }, [dispatchToast]);
  return <Toaster toasterId={toasterId} position="top-end" offset={{ vertical: 56 }} />;
}

/** The bell: this session's notifications, newest first, with how many are unread. */
export function NotificationBell({ className }: { className?: string }) {
  const s = useStyles();
  const list = notifications.use();
  const unread = list.filter((n) => !n.read).length;
  return (
    <span className={s.bell}>
      <Popover positioning="below-end" onOpenChange={(_, d) => d.open && notifications.markAllRead()} withArrow>
        <PopoverTrigger disableButtonEnhancement>
          <Button appearance="subtle" className={className} icon={<AlertRegular />} aria-label={unread ? `Notifications: ${unread} unread` : 'Notifications'} />
        </PopoverTrigger>
        <PopoverSurface className={s.surface} aria-label="Notifications">
          <div className={s.head}>
            <Subtitle2 as="h2">Notifications</Subtitle2>
            {list.length > 0 && (
              <Button size="small" appearance="subtle" onClick={notifications.clear}>
                Dismiss all
              </Button>
            )}
          </div>
          {list.length === 0 ? (
            <Body1 className={s.muted}>Nothing yet. When a setup, a fix or a re-replication ends, it is reported here.</Body1>
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS }}>
              {list.map((n) => (
                <NoticeItem key={n.id} n={n} />
              ))}
            </ul>
          )}
        </PopoverSurface>
      </Popover>
      {unread > 0 && <CounterBadge className={s.count} count={unread} size="small" color="danger" aria-hidden="true" />}
    </span>
  );
}

function NoticeItem({ n }: { n: Notice }) {
  const s = useStyles();
  const router = useRouter();
  const Icon = ICON[n.intent];
  return (
    <li className={s.item} aria-label={n.title}>
      <Icon className={s[n.intent]} aria-hidden="true" />
      <div>
        <Body1 block>
          <strong>{n.title}</strong>
        </Body1>
        <Body1 block>{n.body}</Body1>
        <Caption1 className={s.muted}>
          {new Date(n.at).toLocaleTimeString()}
          {n.href && (
            <>
              {' · '}
              <Link
                href={n.href}
                onClick={(e) => {
                  e.preventDefault();
                  router.push(n.href!);
                }}
              >
                Open
              </Link>
            </>
          )}
        </Caption1>
      </div>
      <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={`Dismiss ${n.title}`} onClick={() => notifications.dismiss(n.id)} />
    </li>
  );
}
