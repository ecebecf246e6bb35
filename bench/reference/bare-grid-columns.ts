/** The columns both bench reference pages draw: Lockstep's grid's, in its order and widths, with its row height. */
import type { ServerRow } from '../../lib/readiness/rows';

export const ROW = 34;
export const COLUMNS: { title: string; width: number; text: (r: ServerRow) => string }[] = [
  { title: 'Server', width: 170, text: (r) => r.name },
  { title: 'Verdict', width: 130, text: (r) => r.verdict },
  { title: 'Top finding', width: 340, text: (r) => (r.topFinding ? `${r.topFinding.ruleId}: ${r.topFinding.message}` : 'No findings') },
  { title: 'Method', width: 110, text: (r) => r.method },
  { title: 'Project', width: 150, text: (r) => r.project },
  { title: 'Subscription', width: 200, text: (r) => r.subscription },
  { title: 'Target region', width: 120, text: (r) => r.targetRegion },
  { title: 'Replication', width: 160, text: (r) => r.state },
  { title: 'Disks', width: 110, text: (r) => `${r.disks} · ${r.capacityGiB} GiB` },
  { title: 'Encryption', width: 110, text: (r) => r.encryption },
  { title: 'Disk encryption set', width: 190, text: (r) => r.desName },
  { title: 'Key vault', width: 170, text: (r) => r.vaultName },
];
