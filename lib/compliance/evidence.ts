/**
 * The evidence bundle (`lockstep.evidence` v1): what a CISO hands an auditor, with the SHA-256 of
 * the estate file's exact bytes so anyone can recompute every figure from that file.
 */
import { isArmGap } from '../estate/ids';
import type { Estate } from '../estate/model';
import { findingsDocument } from '../readiness/report';
import type { Evaluation } from '../readiness/types';
import { controlResults, keyCustody, type ControlResult, type KeyCustody } from './summary';
import { sha256Hex } from './sha256';

export interface EvidenceBundle {
  kind: 'lockstep.evidence';
  version: 1;
  generatedAt: string;
  generatedBy: string;
  tool: { name: 'lockstep'; version: string };
  estateSha256: string;
  settings: Evaluation['settings'];
  summary: Evaluation['summary'];
  controls: (Pick<ControlResult, 'id' | 'title' | 'status'> & { failing: ControlResult['failing'] })[];
  keys: KeyCustody[];
  findings: ReturnType<typeof findingsDocument>['findings'];
}

export function evidenceBundle(input: {
  estate: Estate;
  evaluation: Evaluation;
  /** The estate file exactly as saved beside the bundle. */
  estateBytes: Uint8Array | string;
  generatedAt: string;
  generatedBy: string;
  toolVersion: string;
}): EvidenceBundle {
  const { estate, evaluation } = input;
  return {
    kind: 'lockstep.evidence',
    version: 1,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    tool: { name: 'lockstep', version: input.toolVersion },
    estateSha256: sha256Hex(input.estateBytes),
    settings: evaluation.settings,
    summary: evaluation.summary,
    controls: controlResults(evaluation, estate.gaps.filter(isArmGap).length).map((c) => ({ id: c.id, title: c.title, status: c.status, failing: c.failing })),
    keys: keyCustody(estate, evaluation),
    findings: findingsDocument(evaluation).findings,
  };
}

/**
 * The evidence as one archive (browsers ask before a page saves two files at once): `evidence.json`, the bundle,
 * and `estate.json`, the estate file whose SHA-256 the bundle names, byte for byte, plus a README for the auditor.
 */
export async function evidenceArchive(bundle: EvidenceBundle, estateText: string): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  const readme = [
    'Lockstep evidence',
    '',
    `Generated ${bundle.generatedAt} by ${bundle.generatedBy} with Lockstep ${bundle.tool.version}.`,
    '',
    'evidence.json  the controls, key custody and findings, judged from estate.json',
    'estate.json    the Azure estate as read from Azure Resource Manager',
    '',
    `SHA-256 of estate.json: ${bundle.estateSha256}`,
    'Check it with: sha256sum estate.json (Linux), shasum -a 256 estate.json (macOS), Get-FileHash estate.json (PowerShell).',
    'Recompute every figure with: npm run scan -- --estate estate.json',
    '',
  ].join('\n');
  const mtime = new Date(bundle.generatedAt);
  return zipSync(
    {
      'README.txt': [strToU8(readme), { mtime }],
      'evidence.json': [strToU8(JSON.stringify(bundle, null, 2) + '\n'), { mtime }],
      'estate.json': [strToU8(estateText), { mtime }],
    },
    { level: 6 },
  );
}
