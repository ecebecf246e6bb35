/**
 * Serves the static export (`out/`) the way a static host would, with the security headers
 * Lockstep expects: a Content Security Policy that lets the page talk only to its own origin,
 * the configured sign-in authority and ARM.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, isAbsolute, join, normalize, relative, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function contentSecurityPolicy(origins: string[]): string {
  const extra = [...new Set(origins)].join(' ');
  return [
    "default-src 'self'",
    // Next.js's static export bootstraps with inline scripts.
    "script-src 'self' 'unsafe-inline'",
    // Fluent UI (Griffel) inserts style elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${extra}`,
    `frame-src ${extra}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Is `file` the root or below it? `startsWith(root)` is not enough: `/srv/out-x/secret` starts with `/srv/out`
 * (a request for `/..%2fout-x/secret` decodes to exactly that). `relative` says whether the path leaves the root.
 */
export function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function startStaticServer(opts: { dir: string; port: number; host?: string; connectOrigins: string[] }): Promise<Server> {
  const root = resolve(opts.dir);
  const csp = contentSecurityPolicy(opts.connectOrigins);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, path));
    if (!isInside(root, file)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    else if (!existsSync(file) && existsSync(file + '.html')) file += '.html';
    let status = 200;
    if (!existsSync(file)) {
      if (!path.endsWith('/') && !extname(path) && existsSync(join(root, path, 'index.html'))) {
        res.writeHead(308, { Location: path + '/' + url.search }).end();
        return;
      }
      status = 404;
      file = join(root, '404.html');
    }
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
      'Cache-Control': path.startsWith('/_next/static/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolvePromise(server));
  });
}
