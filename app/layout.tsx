import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/providers/app-providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Lockstep', template: '%s · Lockstep' },
  description: 'Customer-managed-key readiness for servers replicated by Azure Migrate.',
  referrer: 'no-referrer',
};

export const viewport: Viewport = { colorScheme: 'light dark' };

// Sets the stored theme before the first paint, so a dark-theme user never sees a white flash.
const THEME_BOOT = `try{var t=localStorage.getItem('lockstep.theme');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t;document.documentElement.style.colorScheme=t}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT }} />
      </head>
      <body>
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
