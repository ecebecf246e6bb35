/** `npm run scan` arguments: what a scan reads, from where, and how it prints. Shared by the scan and the live capture. */

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

export class UsageError extends Error {}

export function parseScanArgs(argv: string[]): ScanArgs {
  const a: ScanArgs = { format: 'json', subscriptions: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--estate':
        a.estate = value();
        break;
      case '--now':
        a.now = value();
        break;
      case '--settings':
        a.settings = value();
        break;
      case '--format': {
        const f = value();
        if (f !== 'json' && f !== 'csv' && f !== 'evidence') throw new UsageError(`--format must be json, csv or evidence, not '${f}'`);
        a.format = f;
        break;
      }
      case '--cloud':
        a.cloud = value();
        break;
      case '--subscription':
        a.subscriptions.push(value());
        break;
      case '--user':
        a.user = value();
        break;
      case '--password':
        a.password = value();
        break;
      case '--client-id':
        a.clientId = value();
        break;
      case '--emulator':
        a.emulator = value();
        break;
      case '--tenant':
        a.tenant = value();
        break;
      case '--save-estate':
        a.saveEstate = value();
        break;
      case '--author':
        a.author = value();
        break;
      default:
        throw new UsageError(`unknown option '${flag}' (use --estate FILE, or --cloud NAME for a live scan)`);
    }
  }
  if (!a.estate && !a.cloud) throw new UsageError('give --estate FILE to scan a capture, or --cloud NAME to scan live');
  if (a.estate && a.cloud) throw new UsageError('use either --estate or --cloud, not both');
  if (a.format === 'evidence' && a.cloud && !a.saveEstate)
    throw new UsageError('--format evidence on a live scan needs --save-estate FILE: the bundle names the estate file it was computed from');
  return a;
}
