const { version } = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, 'package.json'), 'utf8')); // eslint-disable-line @typescript-eslint/no-require-imports

// Lockstep builds to static files (DESIGN §7): the browser talks to Entra ID and ARM directly,
// so no Lockstep server ever holds a user's token. Any static host can serve `out/`.
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  typedRoutes: false,
  // The version the evidence bundle names as its tool.
  env: { NEXT_PUBLIC_LOCKSTEP_VERSION: version },
};

module.exports = nextConfig;
