/**
 * `npm run rules [-- --format json|text]`: the rule catalog, for other tools and for an auditor. Each rule with its id,
 * name, title, severity, verdict effect, subject, the controls it evidences, whether Lockstep can fix it, and its docs.
 * The same objects feed the rule pages and the evidence bundle, so the three agree by construction.
 */
import * as z from 'zod/mini';
import { oneOf, parseCommandLine, UsageError } from './args';
import { RULES } from '../lib/readiness/catalog';

export function ruleCatalog() {
  return {
    kind: 'lockstep.rules',
    version: 1,
    rules: RULES.map((r) => ({
      id: r.id,
      name: r.name,
      title: r.title,
      severity: r.severity,
      ...(r.effect ? { effect: r.effect } : {}),
      subject: r.subject,
      controls: r.controls,
      fixable: !!r.fix,
      ...(r.fix ? { fix: r.fix } : {}),
      docs: r.docs,
    })),
  };
}

export function runRules(argv: string[]): { code: number; stdout: string; stderr: string } {
  let format: 'json' | 'text';
  try {
    ({ format } = parseCommandLine(argv, { format: { type: 'string' } }, z.object({ format: z._default(oneOf('--format', ['json', 'text']), 'text') })));
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `rules: ${e.message}` };
    throw e;
  }
  const catalog = ruleCatalog();
  if (format === 'json') return { code: 0, stdout: JSON.stringify(catalog, null, 2) + '\n', stderr: '' };
  const lines = catalog.rules.map(
    (r) => `${r.id.padEnd(11)} ${r.severity.padEnd(8)} ${r.fixable ? 'fix' : '   '} ${r.title}\n            controls: ${r.controls.join(', ')}`,
  );
  return { code: 0, stdout: lines.join('\n') + '\n', stderr: '' };
}

if (require.main === module) {
  const r = runRules(process.argv.slice(2));
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr + '\n');
  process.exit(r.code);
}
