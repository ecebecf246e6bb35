'use client';

import { Button, CounterBadge, makeStyles } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ComponentType } from 'react';
import { notifications } from '@/lib/queries/notifications';
import { KeepFocus } from '../common/keep-focus';
import { useIdleImport } from '../common/use-idle-import';

const useStyles = makeStyles({
  bell: { position: 'relative' },
  count: { position: 'absolute', top: '2px', right: '2px', pointerEvents: 'none' },
});

/**
 * The toaster: each new notification appears once, at the top right, as the portal's do. Fluent's toaster loads with
 * the first notification of the session, not with every page (notification-toasts.tsx).
 */
export function NotificationToasts() {
  // What was there before this page: shown already, or from before a reload of the shell.
  const [seen] = useState<ReadonlySet<number>>(() => new Set(notifications.get().map((n) => n.id)));
  const [Toasts, setToasts] = useState<ComponentType<{ seen: ReadonlySet<number> }>>();
  useEffect(() => {
    let cancelled = false;
    const load = () => {
      if (!notifications.get().some((n) => !seen.has(n.id))) return;
      unsubscribe();
      void import('./notification-toasts').then((m) => {
        if (!cancelled) setToasts(() => m.Toasts);
      });
    };
    const unsubscribe = notifications.subscribe(load);
    load();
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [seen]);
  return Toasts ? <Toasts seen={seen} /> : null;
}

/**
 * The bell: how many notifications are unread, and the list of this session's (header-overlays.tsx, loaded when the
 * page is idle or at the first click).
 */
export function NotificationBell({ className }: { className?: string }) {
  const s = useStyles();
  const list = notifications.use();
  const unread = list.filter((n) => !n.read).length;
  const [overlays, load] = useIdleImport(() => import('./header-overlays'));
  const [open, setOpen] = useState(false);
  const button = (
    <Button
      appearance="subtle"
      className={className}
      icon={<AlertRegular />}
      aria-label={unread ? `Notifications: ${unread} unread` : 'Notifications'}
      onClick={overlays ? undefined : () => void load().then(() => setOpen(true))}
    />
  );
  return (
    <span className={s.bell}>
      <KeepFocus when={overlays}>{overlays ? <overlays.NotificationsPopover trigger={button} open={open} onOpenChange={setOpen} /> : button}</KeepFocus>
      {unread > 0 && <CounterBadge className={s.count} count={unread} size="small" color="danger" aria-hidden="true" />}
    </span>
  );
}
