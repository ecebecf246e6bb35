/** The findings document (`lockstep.findings` v1) and its CSV form: what `npm run scan` prints and "Export findings" writes. */
import { reveal } from '../estate/display';
import type { Evaluation } from './types';

export interface FindingsDocument {
  kind: 'lockstep.findings';
  version: 1;
  evaluatedAt: string;
  settings: Evaluation['settings'];
  summary: Evaluation['summary'];
  servers: { id: string; name: string; verdict: string; ruleIds: string[] }[];
  findings: { ruleId: string; severity: string; resourceId: string; message: string; serverIds: string[] }[];
}

export function findingsDocument(e: Evaluation): FindingsDocument {
  return {
    kind: 'lockstep.findings',
    version: 1,
    evaluatedAt: e.evaluatedAt,
    settings: e.settings,
    summary: e.summary,
    servers: e.servers.map((s) => ({ id: s.id, name: s.name, verdict: s.verdict, ruleIds: s.ruleIds })),
    findings: e.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, resourceId: f.resourceId, message: f.message, serverIds: [...f.serverIds] })),
  };
}

function cell(v: string): string {
  // Quote every field; neutralise spreadsheet formulas in text that came from ARM.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row per server and finding on its chain (a server with no findings gets one row). */
export function findingsCsv(e: Evaluation): string {
  const rows = [['server', 'serverId', 'verdict', 'ruleId', 'severity', 'resourceId', 'message']];
  for (const s of e.servers) {
    if (s.findings.length === 0) rows.push([s.name, s.id, s.verdict, '', '', '', '']);
    for (const f of s.findings) rows.push([s.name, s.id, s.verdict, f.ruleId, f.severity, f.resourceId, f.message]);
  }
  // A spreadsheet is read by people: ids too show their invisible controls (the JSON export keeps ids exact).
  return rows.map((r) => r.map((x) => cell(reveal(x))).join(',')).join('\r\n') + '\r\n';
}
