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
};

module.exports = nextConfig;
