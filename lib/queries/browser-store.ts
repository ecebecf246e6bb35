'use client';

import { useSyncExternalStore } from 'react';

/** What a store checks what it reads with: a zod (or zod/mini) schema, or one of the small ones below. */
export interface Schema<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false };
}

/**
 * Schemas for the simple values pages remember (a list of ids, a choice, a set of choices). Pages that load on every
 * visit use these rather than a schema library, which would add 24 kB gzip to their first load.
 */
const accept = <T>(ok: boolean, v: unknown): { success: true; data: T } | { success: false } => (ok ? { success: true, data: v as T } : { success: false });
export const stringList: Schema<string[]> = { safeParse: (v) => accept(Array.isArray(v) && v.every((x) => typeof x === 'string'), v) };
export function oneOf<T extends string>(values: readonly T[]): Schema<T> {
  return { safeParse: (v) => accept(typeof v === 'string' && (values as readonly string[]).includes(v), v) };
}
export function someOf<T extends string>(values: readonly T[]): Schema<T[]> {
  return { safeParse: (v) => accept(Array.isArray(v) && v.every((x) => typeof x === 'string' && (values as readonly string[]).includes(x)), v) };
}

export interface BrowserStore<T> {
  /** The stored value as the schema reads it, or the fallback when there is none or it lost its shape. */
  get(): T;
  set(value: T): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
  /** The value as React state: re-renders on this tab's changes and on other tabs' (storage events). */
  use(): T;
}

interface Options<T> {
  storage: 'local' | 'session';
  /** Used when nothing valid is stored; a function is asked each time (the system's colour scheme can change). */
  fallback: T | (() => T);
  /** What server rendering shows before the browser's storage is known. */
  serverValue: T;
  /** How the value is written as text; JSON unless said. */
  codec?: { encode(value: T): string; decode(text: string): unknown };
  /** Other things that change the value (the system's colour scheme). */
  alsoSubscribe?: (onChange: () => void) => () => void;
}

const JSON_CODEC = { encode: (v: unknown) => JSON.stringify(v), decode: (text: string) => JSON.parse(text) as unknown };

/**
 * One value in the browser's local or session storage, read through its schema. Storage is outside input: an edited
 * value or one written by another version of Lockstep is checked like any other, and one that lost its shape reads as
 * the fallback. The parsed value is kept per stored text, so React sees the same object until the text changes.
 */
export function browserStore<T>(key: string, schema: Schema<T>, options: Options<T>): BrowserStore<T> {
  const codec = options.codec ?? (JSON_CODEC as NonNullable<Options<T>['codec']>);
  const listeners = new Set<() => void>();
  const fallback = () => (typeof options.fallback === 'function' ? (options.fallback as () => T)() : options.fallback);
  const area = () => (options.storage === 'local' ? window.localStorage : window.sessionStorage);
  let cachedText: string | null | undefined;
  let cached: T | undefined;
  let valid = false;
  const emit = () => {
    for (const l of listeners) l();
  };
  const get = (): T => {
    let text: string | null;
    try {
      text = area().getItem(key);
    } catch {
      return fallback();
    }
    if (text !== cachedText) {
      cachedText = text;
      valid = false;
      if (text !== null) {
        try {
          const r = schema.safeParse(codec.decode(text));
          if (r.success) {
            cached = r.data;
            valid = true;
          }
        } catch {
          // Not the codec's text: treated as nothing stored.
        }
      }
    }
    return valid ? (cached as T) : fallback();
  };
  const subscribe = (l: () => void) => {
    listeners.add(l);
    const onStorage = (e: StorageEvent) => {
      if (e.key === key || e.key === null) l();
    };
    window.addEventListener('storage', onStorage);
    const unsubscribeOther = options.alsoSubscribe?.(l);
    return () => {
      listeners.delete(l);
      window.removeEventListener('storage', onStorage);
      unsubscribeOther?.();
    };
  };
  return {
    get,
    set(value) {
      area().setItem(key, codec.encode(value));
      emit();
    },
    clear() {
      area().removeItem(key);
      emit();
    },
    subscribe,
    use: () => useSyncExternalStore(subscribe, get, () => options.serverValue),
  };
}

/** A value kept only in this tab's memory (never written to storage), shared by every component that reads it. */
export function memoryStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const l of listeners) l();
    },
    subscribe,
    use: () =>
      useSyncExternalStore(
        subscribe,
        () => value,
        () => initial,
      ),
  };
}
