import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { browserStore, memoryStore, oneOf, someOf, stringList } from './browser-store';

/** A window with the two storage areas and storage events, enough for the store (Vitest runs in Node). */
function fakeWindow() {
  const area = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
  };
  const handlers = new Set<(e: { key: string | null }) => void>();
  return {
    localStorage: area(),
    sessionStorage: area(),
    addEventListener: (_: string, h: (e: { key: string | null }) => void) => void handlers.add(h),
    removeEventListener: (_: string, h: (e: { key: string | null }) => void) => void handlers.delete(h),
    /** What another tab writing `key` looks like to this one. */
    otherTabWrote: (key: string) => handlers.forEach((h) => h({ key })),
  };
}

let win: ReturnType<typeof fakeWindow>;
beforeEach(() => {
  win = fakeWindow();
  (globalThis as { window?: unknown }).window = win;
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

const counter = z.object({ n: z.number() });

describe('browserStore', () => {
  it('reads what it wrote, through its schema, and the fallback once cleared', () => {
    const store = browserStore('t.counter', counter, { storage: 'session', fallback: { n: 0 }, serverValue: { n: 0 } });
    expect(store.get()).toEqual({ n: 0 });
    store.set({ n: 3 });
    expect(win.sessionStorage.getItem('t.counter')).toBe('{"n":3}');
    expect(win.localStorage.getItem('t.counter')).toBeNull();
    expect(store.get()).toEqual({ n: 3 });
    store.clear();
    expect(store.get()).toEqual({ n: 0 });
  });

  it('reads a stored value that lost its shape, or is not JSON, as the fallback', () => {
    const store = browserStore('t.counter', counter, { storage: 'local', fallback: { n: 0 }, serverValue: { n: 0 } });
    win.localStorage.setItem('t.counter', '{"n":"three"}');
    expect(store.get()).toEqual({ n: 0 });
    win.localStorage.setItem('t.counter', '{n:3');
    expect(store.get()).toEqual({ n: 0 });
  });

  it('returns the same object until the stored text changes, so React does not re-render for nothing', () => {
    const store = browserStore('t.counter', counter, { storage: 'local', fallback: { n: 0 }, serverValue: { n: 0 } });
    store.set({ n: 1 });
    const first = store.get();
    expect(store.get()).toBe(first);
    store.set({ n: 2 });
    expect(store.get()).not.toBe(first);
  });

  it("tells its subscribers about this tab's writes and other tabs' writes to its key only", () => {
    const store = browserStore('t.counter', counter, { storage: 'local', fallback: { n: 0 }, serverValue: { n: 0 } });
    const heard: string[] = [];
    const stop = store.subscribe(() => heard.push('changed'));
    store.set({ n: 1 });
    win.otherTabWrote('t.counter');
    win.otherTabWrote('t.other');
    expect(heard).toEqual(['changed', 'changed']);
    stop();
    store.set({ n: 2 });
    expect(heard).toHaveLength(2);
  });

  it('writes and reads through a codec when the value is not stored as JSON', () => {
    const store = browserStore('t.theme', z.enum(['light', 'dark']), {
      storage: 'local',
      codec: { encode: (t) => t, decode: (text) => text },
      fallback: () => 'light' as const,
      serverValue: 'light',
    });
    store.set('dark');
    expect(win.localStorage.getItem('t.theme')).toBe('dark');
    win.localStorage.setItem('t.theme', 'sepia');
    expect(store.get()).toBe('light');
  });
});

describe('memoryStore', () => {
  it('holds a value in memory and tells subscribers when it changes', () => {
    const store = memoryStore<number | undefined>(undefined);
    let calls = 0;
    store.subscribe(() => calls++);
    store.set(5);
    expect(store.get()).toBe(5);
    expect(calls).toBe(1);
    expect(win.localStorage.getItem('5')).toBeNull();
  });
});

describe('the small schemas', () => {
  it('accept only what they name', () => {
    expect(stringList.safeParse(['a', 'b'])).toEqual({ success: true, data: ['a', 'b'] });
    expect(stringList.safeParse('a').success).toBe(false);
    expect(oneOf(['compact', 'comfortable']).safeParse('compact')).toEqual({ success: true, data: 'compact' });
    expect(oneOf(['compact', 'comfortable']).safeParse('huge').success).toBe(false);
    expect(someOf(['name', 'verdict']).safeParse(['verdict'])).toEqual({ success: true, data: ['verdict'] });
    expect(someOf(['name', 'verdict']).safeParse(['verdict', 'colour']).success).toBe(false);
    expect(someOf(['name', 'verdict']).safeParse({}).success).toBe(false);
  });
});
