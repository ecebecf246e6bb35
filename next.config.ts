import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { configProblemText, parseConfig, rawConfigFromEnv } from './lib/auth/config';

const { version } = JSON.parse(readFileSync(join(__dirname, 'package.json'), 'utf8')) as { version: string };

// Lockstep builds to static files (DESIGN §7): the browser talks to Entra ID and ARM directly,
// so no Lockstep server ever holds a user's token. Any static host can serve `out/`.
const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  productionBrowserSourceMaps: process.env.LOCKSTEP_ANALYZE === '1',
  images: { unoptimized: true },
  typedRoutes: false,
  // Fluent's context selector imports the standalone `scheduler` package; React DOM in Next.js runs on Next's own copy.
  // One scheduler, not two in every page's first load.
  turbopack: { resolveAlias: { scheduler: 'next/dist/compiled/scheduler' } },
  // The version the evidence bundle names as its tool.
  env: { NEXT_PUBLIC_LOCKSTEP_VERSION: version },
};

/**
 * The configuration is inlined into the static build: a bad .env stops `next build`, naming each variable, rather than
 * ship a dashboard that can only show its start-up error page. (Next.js has loaded .env and .env.local by now.) `next dev`
 * goes on and shows that page instead, so a typo can be fixed with the server running.
 */
export default function config(phase: string): NextConfig {
  const checked = parseConfig(rawConfigFromEnv());
  if (!checked.ok && phase === PHASE_PRODUCTION_BUILD)
    throw new Error(`Lockstep's configuration is not valid (see .env.example):\n${configProblemText(checked.problems)}`);
  // The schema's verdict, for the browser's start-up page (it loads no schema library of its own).
  return { ...nextConfig, env: { ...nextConfig.env, NEXT_PUBLIC_LOCKSTEP_CONFIG_PROBLEMS: JSON.stringify(checked.ok ? [] : checked.problems) } };
}
