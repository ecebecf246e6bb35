'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Keeps the keyboard where it was when `when` changes what is drawn inside: a placeholder button swapped for the same
 * button inside a lazily loaded menu is a new element, and the browser would otherwise drop focus to the page.
 */
export function KeepFocus({ when, children }: { when: unknown; children: ReactNode }) {
  const box = useRef<HTMLSpanElement>(null);
  const hadFocus = useRef(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onIn = () => (hadFocus.current = true);
    const onOut = (e: FocusEvent) => {
      const to = e.relatedTarget as Node | null;
      if (to) {
        if (!el.contains(to)) hadFocus.current = false;
        return;
      }
      // Focus going nowhere: the user clicked the page, or the focused element was taken out (the swap). Only the first is a blur.
      const from = e.target as Node;
      queueMicrotask(() => {
        if (from.isConnected) hadFocus.current = false;
      });
    };
    el.addEventListener('focusin', onIn);
    el.addEventListener('focusout', onOut);
    return () => {
      el.removeEventListener('focusin', onIn);
      el.removeEventListener('focusout', onOut);
    };
  }, []);
  useEffect(() => {
    const el = box.current;
    if (hadFocus.current && el && !el.contains(document.activeElement)) el.querySelector<HTMLElement>('button, [tabindex]')?.focus();
  }, [when]);
  return (
    <span ref={box} style={{ display: 'contents' }}>
      {children}
    </span>
  );
}
