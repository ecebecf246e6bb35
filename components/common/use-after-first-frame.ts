'use client';

import { startTransition, useEffect, useState } from 'react';

/**
 * False for the first frame after mounting, then true: what a component draws behind it mounts a frame later, as a
 * transition React draws in slices, so a large mount is two short tasks instead of one long one (bench: grid, longest
 * task while loading).
 */
export function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setAfter(true)));
    return () => cancelAnimationFrame(frame);
  }, []);
  return after;
}
