'use client';

import { createDOMRenderer, renderToStyleElements, RendererProvider, SSRProvider } from '@fluentui/react-components';
import { useServerInsertedHTML } from 'next/navigation';
import { useState, type ReactNode } from 'react';

/** Griffel styles rendered into the static HTML, so pages arrive styled (platform-notes: Fluent v9 under the App Router). */
export function FluentRenderer({ children }: { children: ReactNode }) {
  const [renderer] = useState(() => createDOMRenderer());
  const [inserted, setInserted] = useState(false);
  useServerInsertedHTML(() => {
    if (inserted) return null;
    setInserted(true);
    return <>{renderToStyleElements(renderer)}</>;
  });
  return (
    <RendererProvider renderer={renderer}>
      <SSRProvider>{children}</SSRProvider>
    </RendererProvider>
  );
}
