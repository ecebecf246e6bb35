/** `npm run scan` arguments: what a scan reads, from where, and how it prints. Shared by the scan and the live capture. */
import * as z from 'zod/mini';
import { isoTime, oneOf, parseCommandLine, UsageError } from './args';

export { UsageError };

export interface ScanArgs {
  estate?: string;
  now?: string;
  settings?: string;
  format: 'json' | 'csv' | 'evidence';
  /** Live scans: where to write the captured estate (evidence needs it beside the bundle). */
  saveEstate?: string;
  /** Who generates the evidence (defaults to the signed-in or OS user). */
  author?: string;
  cloud?: string;
  subscriptions: string[];
  user?: string;
  password?: string;
  clientId?: string;
  emulator?: string;
  tenant?: string;
}

const str = z.optional(z.string());
const options = {
  estate: { type: 'string' },
  now: { type: 'string' },
  settings: { type: 'string' },
  format: { type: 'string' },
  'save-estate': { type: 'string' },
  author: { type: 'string' },
  cloud: { type: 'string' },
  subscription: { type: 'string', multiple: true },
  user: { type: 'string' },
  password: { type: 'string' },
  'client-id': { type: 'string' },
  emulator: { type: 'string' },
  tenant: { type: 'string' },
} as const;

const scanArgsSchema = z.object({
  estate: str,
  now: z.optional(isoTime),
  settings: str,
  format: z._default(oneOf('--format', ['json', 'csv', 'evidence']), 'json'),
  'save-estate': str,
  author: str,
  cloud: str,
  subscription: z._default(z.array(z.string()), []),
  user: str,
  password: str,
  'client-id': str,
  emulator: str,
  tenant: str,
});

export function parseScanArgs(argv: string[]): ScanArgs {
  const {
    'save-estate': saveEstate,
    'client-id': clientId,
    subscription,
    ...rest
  } = parseCommandLine(argv, options, scanArgsSchema, 'use --estate FILE, or --cloud NAME for a live scan');
  const a: ScanArgs = { ...rest, saveEstate, clientId, subscriptions: subscription };
  if (!a.estate && !a.cloud) throw new UsageError('give --estate FILE to scan a capture, or --cloud NAME to scan live');
  if (a.estate && a.cloud) throw new UsageError('use either --estate or --cloud, not both');
  if (a.format === 'evidence' && a.cloud && !a.saveEstate)
    throw new UsageError('--format evidence on a live scan needs --save-estate FILE: the bundle names the estate file it was computed from');
  return a;
}
