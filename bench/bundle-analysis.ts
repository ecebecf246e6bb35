/**
 * What a route's first-load JavaScript is made of, by package or source file, in gzip kB: the scripts its exported
 * page names, attributed through the build's source maps. Build with maps first:
 *
 *   LOCKSTEP_ANALYZE=1 npx next build
 *   npx tsx bench/bundle-analysis.ts servers            # the servers page
 *   npx tsx bench/bundle-analysis.ts servers rules      # what the servers page adds to the rules page
 *   npx tsx bench/bundle-analysis.ts servers --files    # by file, not by package
 *
 * A chunk's gzip size is shared out over its sources in proportion to the minified bytes each maps to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

const out = join(__dirname, '..', 'out');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const byFile = process.argv.includes('--files');
const page = (route: string | undefined) => join(out, route && route !== '/' ? `${route.replace(/^\/|\/$/g, '')}/index.html` : 'index.html');

function scriptsOf(route: string | undefined): string[] {
  const html = readFileSync(page(route), 'utf8');
  const srcs = [...html.matchAll(/<script([^>]+)>/g)].filter((m) => !/\snoModule/i.test(m[1]!)).map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1]);
  return [...new Set(srcs.filter((s): s is string => !!s))];
}

function group(source: string): string {
  const s = source.replace(/^turbopack:\/\/\/\[project\]\//, '').replace(/^\.\.\//, '');
  const nm = s.lastIndexOf('node_modules/');
  if (nm < 0) return s;
  const rest = s.slice(nm + 'node_modules/'.length);
  if (byFile) return rest;
  const parts = rest.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function main() {
  const [route, base] = args;
  if (!existsSync(page(route))) {
    console.error(`bundle-analysis: no ${page(route)}; build first (LOCKSTEP_ANALYZE=1 npx next build)`);
    process.exit(2);
  }
  const shared = new Set(base ? scriptsOf(base) : []);
  const scripts = scriptsOf(route).filter((s) => !shared.has(s));
  const parts = new Map<string, number>();
  let total = 0;
  let unmapped = 0;
  for (const src of scripts) {
    const file = join(out, src.split('?')[0]!);
    const code = readFileSync(file, 'utf8');
    const gz = gzipSync(code).length;
    total += gz;
    const ref = /sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    const mapFile = ref ? join(file, '..', ref) : '';
    if (!mapFile || !existsSync(mapFile)) {
      unmapped += gz;
      parts.set(`(no source map) ${src}`, gz);
      continue;
    }
    const map = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')) as RawSourceMap);
    const lines = code.split('\n');
    const segments: { line: number; column: number; source: string | null }[] = [];
    map.eachMapping((m) => segments.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }));
    segments.sort((a, b) => a.line - b.line || a.column - b.column);
    const bytes = new Map<string, number>();
    segments.forEach((m, i) => {
      const next = segments[i + 1];
      const length = next && next.line === m.line ? next.column - m.column : (lines[m.line - 1]?.length ?? 0) - m.column;
      const key = m.source ? group(m.source) : '(unattributed)';
      bytes.set(key, (bytes.get(key) ?? 0) + length);
    });
    for (const [k, v] of bytes) parts.set(k, (parts.get(k) ?? 0) + (v / code.length) * gz);
  }
  const kB = (n: number) => (n / 1000).toFixed(1).padStart(7);
  console.log(
    `${route ?? '/'}${base ? ` over ${base}` : ''}: ${scripts.length} scripts, ${kB(total).trim()} kB gzip${unmapped ? ` (${kB(unmapped).trim()} kB without maps)` : ''}`,
  );
  for (const [k, v] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${kB(v)}  ${k}`);
}

main();
