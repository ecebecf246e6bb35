/**
 * Work that can pause. The pure core's long passes (normalise, evaluate, rows) are generators that yield between units
 * of work (a resource, a server) and return their result: the CLI and the tests run them to the end at once
 * (`runSync`), the browser runs them in slices between frames (`runSliced`) so no task holds the main thread for long
 * while 10,000 servers are judged. A yield carries the work done so far, for a progress bar.
 */
export interface StepProgress {
  /** What is being done, in words: "Reading the estate", "Judging servers". */
  phase: string;
  done: number;
  total: number;
}

export type Steps<T> = Generator<StepProgress | undefined, T, void>;

/** How often a pass reports its progress (and lets a sliced run look at the clock): every this many items. */
export const STRIDE = 64;

export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Lets the browser paint and handle input: `scheduler.yield()` where there is one, else a macrotask. */
function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Runs `steps` in slices of about `sliceMs` each, yielding to the browser between them; `onProgress` hears the latest
 * progress once per slice. Rejects with the signal's reason when `signal` aborts (a newer estate replaced this one).
 */
export async function runSliced<T>(
  steps: Steps<T>,
  options: { sliceMs?: number; signal?: AbortSignal; onProgress?: (p: StepProgress) => void } = {},
): Promise<T> {
  const sliceMs = options.sliceMs ?? 12;
  let deadline = performance.now() + sliceMs;
  let last: StepProgress | undefined;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (r.value) last = r.value;
    if (performance.now() < deadline) continue;
    if (last) options.onProgress?.(last);
    await yieldToMain();
    options.signal?.throwIfAborted();
    deadline = performance.now() + sliceMs;
  }
}
