/**
 * An estate file judged: normalised, evaluated against the rules, and drawn as the servers grid's rows. The browser
 * runs it in slices between frames (`judge`), so judging 10,000 servers never freezes the page; the CLIs and tests run
 * it at once (`readinessOf`). Both run exactly the same steps.
 */
import type { EstateFile } from '../estate/file';
import type { Estate } from '../estate/model';
import { normalizeSteps } from '../estate/normalize';
import { runSliced, runSync, type StepProgress, type Steps } from '../estate/steps';
import { evaluateSteps } from './evaluate';
import { serverRowsSteps, type ServerRow } from './rows';
import { DEFAULT_SETTINGS } from './settings';
import type { Evaluation, Settings } from './types';

export interface Readiness {
  file: EstateFile;
  estate: Estate;
  evaluation: Evaluation;
  rows: ServerRow[];
}

function* judgeSteps(file: EstateFile, now: number, settings: Settings): Steps<Readiness> {
  const estate = yield* normalizeSteps(file);
  const evaluation = yield* evaluateSteps(estate, { settings, now });
  const rows = yield* serverRowsSteps(estate, evaluation);
  return { file, estate, evaluation, rows };
}

/** Judges a captured or opened estate file as of `now` (seconds), at once. */
export function readinessOf(file: EstateFile, now: number, settings: Settings = DEFAULT_SETTINGS): Readiness {
  return runSync(judgeSteps(file, now, settings));
}

/** The same judgement in slices of a few milliseconds, yielding to the browser between them. */
export function judge(
  file: EstateFile,
  now: number,
  settings: Settings,
  options: { signal?: AbortSignal; onProgress?: (p: StepProgress) => void } = {},
): Promise<Readiness> {
  return runSliced(judgeSteps(file, now, settings), options);
}
