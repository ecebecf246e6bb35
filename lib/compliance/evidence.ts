/**
 * The evidence bundle (`lockstep.evidence` v1): what a CISO hands an auditor, with the SHA-256 of
 * the estate file's exact bytes so anyone can recompute every figure from that file.
 */
import { isArmGap } from '../estate/normalize';
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
