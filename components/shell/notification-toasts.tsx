'use client';

import { Toast, ToastBody, Toaster, ToastTitle, useId, useToastController } from '@fluentui/react-components';
import { useEffect } from 'react';
import { notifications } from '@/lib/queries/notifications';

/** Fluent's toaster, showing each notification not in `seen` once (loaded with the session's first notification). */
export function Toasts({ seen }: { seen: ReadonlySet<number> }) {
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  useEffect(() => {
    const shown = new Set(seen);
    const show = () => {
      for (const n of notifications.get()) {
        if (shown.has(n.id)) continue;
        shown.add(n.id);
        dispatchToast(
          <Toast>
            <ToastTitle>{n.title}</ToastTitle>
            <ToastBody>{n.body}</ToastBody>
          </Toast>,
          { intent: n.intent, timeout: 8000, politeness: n.intent === 'error' ? 'assertive' : 'polite' },
        );
      }
    };
    // The notification that loaded this module is already in the list: show it, then each one after it.
    show();
    const unsubscribe = notifications.subscribe(show);
    return () => {
      unsubscribe();
    };
  }, [dispatchToast, seen]);
  return <Toaster toasterId={toasterId} position="top-end" offset={{ vertical: 56 }} />;
}
