'use client';

import { memoryStore } from './browser-store';

/** One notification, as the portal's bell lists them: what happened, in words, and when. */
export interface Notice {
  id: number;
  intent: 'success' | 'error' | 'warning' | 'info';
  title: string;
  body: string;
  at: number;
  /** Where to see the result (the run, the servers). */
  href?: string;
  read: boolean;
}

/** This tab's notifications (memory only: they describe work done in this session, and hold no secret). */
const store = memoryStore<Notice[]>([]);
let next = 1;

export const notifications = {
  use: store.use,
  get: store.get,
  subscribe: store.subscribe,
  /** Adds a notification; the shell shows it as a toast and keeps it under the bell. */
  notify(n: Omit<Notice, 'id' | 'at' | 'read'>): Notice {
    const notice = { ...n, id: next++, at: Date.now(), read: false };
    store.set([notice, ...store.get()].slice(0, 50));
    return notice;
  },
  markAllRead() {
    if (store.get().some((n) => !n.read)) store.set(store.get().map((n) => ({ ...n, read: true })));
  },
  dismiss(id: number) {
    store.set(store.get().filter((n) => n.id !== id));
  },
  clear() {
    store.set([]);
  },
};
