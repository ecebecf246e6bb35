/**
 * `npm run plan -- --estate FILE --intent FILE [--format json|bicep|azcli] [--now ISO-8601]`
 * Plans the guided encryption setup offline and prints the plan (or its Bicep or Azure CLI
 * rendering) to stdout. An invalid intent or name exits 2 with one line per problem on stderr.
 *
 * `npm run plan -- --estate FILE --reenable SERVER [--reenable SERVER …] --des DES_ID [--format json|azcli|powershell]`
 * Plans re-replication under a customer key (SERVER: the machine name or the item id); a refused server exits 2 with
 * one line per refusal.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EstateFileError, parseEstateFile } from '../lib/estate/file';
import { normalize } from '../lib/estate/normalize';
import { parseIntent } from '../lib/provisioning/intent';
import { plan } from '../lib/provisioning/plan';
import { planReenable } from '../lib/provisioning/reenable';
import { renderArmJson, renderAzCli, renderBicep, renderPowerShell } from '../lib/provisioning/render';
import * as z from 'zod/mini';
import { isoTime, oneOf, parseCommandLine, UsageError } from './args';

const USAGE =
  'usage: npm run plan -- --estate FILE (--intent FILE [--format json|bicep|azcli] | --reenable SERVER [--reenable SERVER …] --des DES_ID [--format json|azcli|powershell]) [--now ISO-8601]';
const planArgsSchema = z
  .object({
    estate: z.string(USAGE),
    intent: z.optional(z.string()),
    reenable: z._default(z.array(z.string()), []),
    des: z.optional(z.string()),
    format: z._default(oneOf('--format', ['json', 'bicep', 'azcli', 'powershell']), 'json'),
    now: z.optional(isoTime),
  })
  .check(
    z.refine((a) => (a.intent ? a.reenable.length === 0 && !a.des : a.reenable.length > 0 && !!a.des), USAGE),
    z.refine(
      (a) => !(a.intent && a.format === 'powershell'),
      '--format powershell renders a re-replication (--reenable): use json, bicep or azcli for an intent',
    ),
    z.refine(
      (a) => !(a.reenable.length > 0 && a.format === 'bicep'),
      '--format bicep describes resources, not a disable and enable of replication: use json, azcli or powershell',
    ),
  );
export type PlanArgs = z.infer<typeof planArgsSchema>;

export function parsePlanArgs(argv: string[]): PlanArgs {
  const options = {
    estate: { type: 'string' },
    intent: { type: 'string' },
    reenable: { type: 'string', multiple: true },
    des: { type: 'string' },
    format: { type: 'string' },
    now: { type: 'string' },
  } as const;
  return parseCommandLine(argv, options, planArgsSchema);
}

/** Runs the command; returns the exit code and what to print. */
export function runPlan(
  argv: string[],
  read: (path: string) => string = (p) => readFileSync(resolve(p), 'utf8'),
): { code: number; stdout: string; stderr: string[] } {
  let args: PlanArgs;
  try {
    args = parsePlanArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: [e.message] };
    throw e;
  }
  let estateText: string;
  let intentText = '';
  try {
    estateText = read(args.estate);
    if (args.intent) intentText = read(args.intent);
  } catch (e) {
    return { code: 2, stdout: '', stderr: [(e as Error).message] };
  }
  let file;
  try {
    file = parseEstateFile(estateText, args.estate);
  } catch (e) {
    return { code: 2, stdout: '', stderr: [e instanceof EstateFileError ? e.message : String(e)] };
  }
  const now = args.now ? Date.parse(args.now) : Date.now();
  if (!args.intent) {
    // Re-replicate: one line per refused server, or the plan in the chosen format.
    const r = planReenable(normalize(file), args.reenable, args.des!, { now: Math.floor(now / 1000) });
    if (!r.ok) return { code: 2, stdout: '', stderr: r.problems.map((p) => p.message) };
    if (args.format === 'azcli') return { code: 0, stdout: renderAzCli(r.plan), stderr: [] };
    if (args.format === 'powershell') return { code: 0, stdout: renderPowerShell(r.plan), stderr: [] };
    return { code: 0, stdout: renderArmJson(r.plan), stderr: [] };
  }
  const intent = parseIntent(intentText);
  if (!intent.ok) return { code: 2, stdout: '', stderr: intent.problems };
  const r = plan(intent.intent, normalize(file), { now: Math.floor(now / 1000) });
  if (!r.ok) return { code: 2, stdout: '', stderr: r.problems };
  if (args.format === 'azcli') return { code: 0, stdout: renderAzCli(r.plan), stderr: [] };
  if (args.format === 'bicep') {
    const files = renderBicep(r.plan);
    return { code: 0, stdout: files.length === 1 ? files[0]!.text : files.map((f) => `// ===== ${f.name} =====\n${f.text}`).join('\n'), stderr: [] };
  }
  return { code: 0, stdout: renderArmJson(r.plan), stderr: [] };
}

if (process.argv[1] && /cli[\\/]plan\.ts$/.test(process.argv[1])) {
  const r = runPlan(process.argv.slice(2));
  if (r.stdout) process.stdout.write(r.stdout);
  for (const line of r.stderr) process.stderr.write(line + '\n');
  process.exit(r.code);
}
