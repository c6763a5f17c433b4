// The small model of one edition that the model-based lifecycle test (edition-lifecycle.e2e-spec.ts)
// runs the real app against: what each principal may do in each stage, and what the results must be.
import { CRITERIA, CriteriaValues, EDITION_STAGES, EditionStage, MIN_JURORS, weightedScore } from '@app/domain';

/**
 * "No conflict of interest declared after scoringDueAt or outside juryScoring" (issue 13, fixed on
 * branch jury-rules, merged here). Set to false only to run this test on code from before that fix,
 * where conflicts were also taken in reportsOpen and after the deadline.
 */
export const CONFLICTS_ONLY_WHILE_SCORING_OPEN = true;

export const PRINCIPALS = ['coordinator', 'expertA', 'expertB', 'jurorA', 'juror2', 'juror3', 'officialA', 'anonymous'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];
export const JURORS = ['jurorA', 'juror2', 'juror3'] as const satisfies readonly PrincipalName[];
export type CityKey = 'A' | 'B';

/** The city each principal is tied to (a juror's conflict of interest, an expert's report). */
export const TIED_CITY: Partial<Record<PrincipalName, CityKey>> = { expertA: 'A', expertB: 'B', jurorA: 'A', officialA: 'A' };
export const EXPERT_OF: Partial<Record<PrincipalName, CityKey>> = { expertA: 'A', expertB: 'B' };

export type PracticeStatus = 'draft' | 'submitted' | 'eligible' | 'ineligible' | 'distinguished' | 'notDistinguished';
export const JURY_STATUSES: readonly PracticeStatus[] = ['eligible', 'distinguished', 'notDistinguished'];

export interface ModelPractice {
  id: string;
  city: CityKey;
  status: PracticeStatus;
}

export interface EditionModel {
  stage: EditionStage;
  /** scoringDueAt: none, in the future or passed. */
  deadline: 'none' | 'future' | 'past';
  reports: Partial<Record<CityKey, { id: string; status: 'draft' | 'submitted' }>>;
  practices: ModelPractice[];
  /** `${juror}|${practiceId}` → the accepted score. */
  scores: Map<string, CriteriaValues>;
  conflicts: Set<string>;
  awards: { city: CityKey; practiceId: string }[];
  /** Successful moves to decided (finalising). */
  finalised: number;
  jurors: number;
}

export function initialModel(): EditionModel {
  return { stage: 'draft', deadline: 'none', reports: {}, practices: [], scores: new Map(), conflicts: new Set(), awards: [], finalised: 0, jurors: JURORS.length };
}

export const nextStage = (stage: EditionStage): EditionStage | null => EDITION_STAGES[EDITION_STAGES.indexOf(stage) + 1] ?? null;
export const isJuror = (who: PrincipalName): who is (typeof JURORS)[number] => (JURORS as readonly string[]).includes(who);
export const key = (juror: string, practiceId: string) => `${juror}|${practiceId}`;

/** Whether the coordinator's move to `to` must succeed. */
export function moveAllowed(model: EditionModel, to: EditionStage): boolean {
  if (nextStage(model.stage) !== to) return false;
  if (to === 'juryScoring') {
    const unchecked = model.practices.some((p) => p.status === 'submitted');
    const eligible = model.practices.some((p) => p.status === 'eligible');
    return !unchecked && eligible && model.jurors >= MIN_JURORS && model.deadline !== 'past';
  }
  if (to === 'decided') return model.awards.length > 0;
  return true;
}

export function applyMove(model: EditionModel, to: EditionStage): void {
  model.stage = to;
  if (to === 'decided') {
    model.finalised += 1;
    const awarded = new Set(model.awards.map((a) => a.practiceId));
    for (const practice of model.practices) {
      if (practice.status === 'eligible') practice.status = awarded.has(practice.id) ? 'distinguished' : 'notDistinguished';
    }
  }
}

/** Whether a score by `who` on `practice` must be accepted. */
export function scoreAllowed(model: EditionModel, who: PrincipalName, practice: ModelPractice): boolean {
  return (
    isJuror(who) && model.stage === 'juryScoring' && model.deadline !== 'past' && practice.status === 'eligible' &&
    TIED_CITY[who] !== practice.city && !model.conflicts.has(key(who, practice.id))
  );
}

/** The rule every accepted conflict declaration must have met. */
export function conflictMayBeAccepted(model: EditionModel): boolean {
  if (CONFLICTS_ONLY_WHILE_SCORING_OPEN) return model.stage === 'juryScoring' && model.deadline !== 'past';
  return model.stage === 'reportsOpen' || model.stage === 'juryScoring';
}

export interface ExpectedResult {
  score: number | null;
  n: number;
}

const EQUAL_WEIGHTS: CriteriaValues = Object.fromEntries(CRITERIA.map((c) => [c, 1])) as CriteriaValues;

/** Results by mean and median as the model computes them from the accepted scores. */
export function expectedResults(model: EditionModel, method: 'mean' | 'median'): Map<string, ExpectedResult> {
  const results = new Map<string, ExpectedResult>();
  for (const practice of model.practices) {
    if (!JURY_STATUSES.includes(practice.status)) continue;
    const values = JURORS.filter((juror) => TIED_CITY[juror] !== practice.city && !model.conflicts.has(key(juror, practice.id)))
      .map((juror) => model.scores.get(key(juror, practice.id)))
      .filter((score): score is CriteriaValues => score !== undefined)
      .map((score) => weightedScore(score, EQUAL_WEIGHTS)!)
      .sort((a, b) => a - b);
    let score: number | null = null;
    if (values.length > 0 && method === 'mean') score = values.reduce((a, b) => a + b, 0) / values.length;
    if (values.length > 0 && method === 'median') {
      const middle = Math.floor(values.length / 2);
      score = values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
    results.set(practice.id, { score, n: values.length });
  }
  return results;
}
