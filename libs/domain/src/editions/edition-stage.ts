// The edition's stage machine as data: the stages, the allowed moves, and a pure check.
// The error module alone (not the @app/core barrel): pure code loads only what it uses.
import { ConflictError } from '@app/core/errors/domain-errors';

export const EDITION_STAGES = ['draft', 'reportsOpen', 'juryScoring', 'deliberation', 'decided', 'published'] as const;
export type EditionStage = (typeof EDITION_STAGES)[number];

export const STAGE_TRANSITIONS: Readonly<Record<EditionStage, readonly EditionStage[]>> = {
  draft: ['reportsOpen'],
  reportsOpen: ['juryScoring'],
  juryScoring: ['deliberation'],
  deliberation: ['decided'],
  decided: ['published'],
  published: [],
};

export function allowedTargets(from: EditionStage): readonly EditionStage[] {
  return STAGE_TRANSITIONS[from];
}

export function assertTransition(from: EditionStage, to: EditionStage): void {
  if (!STAGE_TRANSITIONS[from].includes(to)) {
    const allowed = STAGE_TRANSITIONS[from];
    throw new ConflictError(
      'invalid_transition',
      `An edition in stage ${from} cannot move to ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
      { from, to, allowed: [...allowed] },
    );
  }
}

/**
 * The corrections' way back: one stage, and only where nothing irreversible happened yet (the
 * guard names what would be lost). Once decided, the distinctions are final: no way back.
 */
export const STAGE_STEP_BACKS: Readonly<Partial<Record<EditionStage, { to: EditionStage; blockedBy: 'scores' | 'awards' }>>> = {
  juryScoring: { to: 'reportsOpen', blockedBy: 'scores' },
  deliberation: { to: 'juryScoring', blockedBy: 'awards' },
};

/** Stages from which there is never a way back. */
export const IRREVERSIBLE_STAGES: readonly EditionStage[] = ['decided', 'published'];

/** The step back from `from` to `to`, or a 409 saying why there is none. */
export function assertStepBack(from: EditionStage, to: EditionStage): { to: EditionStage; blockedBy: 'scores' | 'awards' } {
  if (IRREVERSIBLE_STAGES.includes(from)) {
    throw new ConflictError('irreversible_stage', `An edition in stage ${from} cannot move back: its decisions are final`, { from, to });
  }
  const step = STAGE_STEP_BACKS[from];
  if (!step || step.to !== to) {
    throw new ConflictError('invalid_step_back', `An edition in stage ${from} cannot step back to ${to}; allowed: ${step ? step.to : 'none'}`, { from, to, allowed: step ? [step.to] : [] });
  }
  return step;
}

/** Why a move is not possible yet, as a stable code (clients translate it) next to an English message. */
export const TRANSITION_BLOCKER_CODES = [
  'no_category',
  'no_expert',
  'reports_due_passed',
  'unchecked_practices',
  'no_eligible_practice',
  'too_few_jurors',
  'scoring_due_passed',
  'no_award',
] as const;
export type TransitionBlockerCode = (typeof TRANSITION_BLOCKER_CODES)[number];

/** The numbers a blocker's message mentions. */
export interface TransitionBlockerParams {
  /** unchecked_practices: submitted practices still without an eligibility decision. */
  count?: number;
  /** too_few_jurors: jurors assigned now. */
  now?: number;
  /** too_few_jurors: jurors the jury needs at least. */
  required?: number;
}

export interface TransitionBlocker {
  code: TransitionBlockerCode;
  message: string;
  params?: TransitionBlockerParams;
}

/** Jurors a jury needs at least before scoring opens. */
export const MIN_JURORS = 3;

/** The facts the guards look at. */
export interface TransitionFacts {
  categories: number;
  experts: number;
  jurors: number;
  unchecked: number;
  eligible: number;
  awards: number;
  reportsDueAt: Date | null;
  scoringDueAt: Date | null;
}

/** The guards of the move to `to`, in the order the coordinator should deal with them. */
export function transitionBlockers(to: EditionStage, facts: TransitionFacts, now = Date.now()): TransitionBlocker[] {
  const blockers: TransitionBlocker[] = [];
  if (to === 'reportsOpen') {
    if (facts.categories < 1) blockers.push({ code: 'no_category', message: 'add at least one category' });
    if (facts.experts < 1) blockers.push({ code: 'no_expert', message: 'assign at least one expert' });
    if (facts.reportsDueAt && facts.reportsDueAt.getTime() <= now) blockers.push({ code: 'reports_due_passed', message: 'reportsDueAt is in the past' });
  }
  if (to === 'juryScoring') {
    if (facts.unchecked > 0) {
      blockers.push({ code: 'unchecked_practices', message: `${facts.unchecked} submitted practice(s) still need an eligibility decision`, params: { count: facts.unchecked } });
    }
    if (facts.eligible < 1) blockers.push({ code: 'no_eligible_practice', message: 'no practice is eligible yet' });
    if (facts.jurors < MIN_JURORS) {
      blockers.push({ code: 'too_few_jurors', message: `assign at least ${MIN_JURORS} jurors (now ${facts.jurors})`, params: { now: facts.jurors, required: MIN_JURORS } });
    }
    if (facts.scoringDueAt && facts.scoringDueAt.getTime() <= now) blockers.push({ code: 'scoring_due_passed', message: 'scoringDueAt is in the past' });
  }
  if (to === 'decided' && facts.awards < 1) blockers.push({ code: 'no_award', message: 'record at least one award' });
  return blockers;
}

/**
 * What the coordinator should know before a move that does not stop it: stable codes (clients
 * translate them) with the names and numbers concerned. Warnings never block a move.
 */
export const TRANSITION_WARNING_CODES = [
  'reports_not_started',
  'reports_not_submitted',
  'reports_deadline_ahead',
  'scoring_deadline_ahead',
  'ballots_incomplete',
  'translations_missing',
] as const;
export type TransitionWarningCode = (typeof TRANSITION_WARNING_CODES)[number];

/** One juror's ballot: practices scored of those on it. */
export interface JurorBallotCount {
  name: string;
  scored: number;
  total: number;
}

/** A language of the jurors' accounts and the practices before the jury not readable in it. */
export interface LanguageGap {
  language: string;
  /** Practices before the jury with no version in the language, of `total`. */
  missing: number;
  total: number;
  /** Their reports' summaries without a version in it, of summariesTotal. */
  summariesMissing?: number;
  summariesTotal?: number;
  /** The edition's categories whose name or description has no version in it, of categoriesTotal. */
  categoriesMissing?: number;
  categoriesTotal?: number;
}

export interface TransitionWarningParams {
  /** How many cities or jurors the warning names (for plural forms). */
  count?: number;
  /** reports_not_started, reports_not_submitted: the cities' names. */
  cities?: string[];
  /** reports_deadline_ahead, scoring_deadline_ahead: the deadline not yet passed (ISO 8601). */
  dueAt?: string;
  /** ballots_incomplete: the jurors with practices left to score. */
  jurors?: JurorBallotCount[];
  /** translations_missing: the jurors' languages not covered, with the practices untranslated. */
  languages?: LanguageGap[];
}

export interface TransitionWarning {
  code: TransitionWarningCode;
  message: string;
  params: TransitionWarningParams;
}

/** The facts the warnings look at. */
export interface WarningFacts {
  /** Cities with an expert in the edition and no report yet. */
  citiesNotStarted: string[];
  /** Cities whose report is still a draft. */
  citiesNotSubmitted: string[];
  /** Every juror of the edition with their ballot count. */
  ballots: JurorBallotCount[];
  /** Languages of the jurors' accounts in which some practice before the jury has no version. */
  languageGaps: LanguageGap[];
  reportsDueAt: Date | null;
  scoringDueAt: Date | null;
}

/** The moves that have warnings: the others need not gather their facts. */
export const WARNED_TARGETS: readonly EditionStage[] = ['juryScoring', 'deliberation'];

/** The warnings of the move to `to`, in the order the coordinator should read them. */
export function transitionWarnings(to: EditionStage, facts: WarningFacts, now = Date.now()): TransitionWarning[] {
  const warnings: TransitionWarning[] = [];
  const ahead = (due: Date | null) => due !== null && due.getTime() > now;
  if (to === 'juryScoring') {
    const { citiesNotStarted: notStarted, citiesNotSubmitted: notSubmitted, reportsDueAt } = facts;
    if (notStarted.length > 0) {
      warnings.push({ code: 'reports_not_started', message: `no report started for: ${notStarted.join(', ')}`, params: { count: notStarted.length, cities: notStarted } });
    }
    if (notSubmitted.length > 0) {
      warnings.push({ code: 'reports_not_submitted', message: `report not submitted for: ${notSubmitted.join(', ')}`, params: { count: notSubmitted.length, cities: notSubmitted } });
    }
    if (reportsDueAt && ahead(reportsDueAt)) {
      warnings.push({ code: 'reports_deadline_ahead', message: `the reports deadline (${reportsDueAt.toISOString()}) has not passed yet`, params: { dueAt: reportsDueAt.toISOString() } });
    }
    // Translations close when scoring opens: the last moment to notice a juror cannot read a practice.
    const gaps = facts.languageGaps;
    if (gaps.length > 0) {
      const extra = (gap: LanguageGap) =>
        [gap.summariesMissing ? ` (summaries ${gap.summariesMissing} of ${gap.summariesTotal})` : '', gap.categoriesMissing ? ` (categories ${gap.categoriesMissing} of ${gap.categoriesTotal})` : ''].join('');
      const list = gaps.map((gap) => `${gap.language} ${gap.missing} of ${gap.total}${extra(gap)}`).join(', ');
      warnings.push({ code: 'translations_missing', message: `practices without a version in a juror's language: ${list}`, params: { count: gaps.length, languages: gaps } });
    }
  }
  if (to === 'deliberation') {
    const { scoringDueAt } = facts;
    if (scoringDueAt && ahead(scoringDueAt)) {
      warnings.push({ code: 'scoring_deadline_ahead', message: `the scoring deadline (${scoringDueAt.toISOString()}) has not passed yet`, params: { dueAt: scoringDueAt.toISOString() } });
    }
    const incomplete = facts.ballots.filter((ballot) => ballot.scored < ballot.total);
    if (incomplete.length > 0) {
      const list = incomplete.map((ballot) => `${ballot.name} ${ballot.scored}/${ballot.total}`).join(', ');
      warnings.push({ code: 'ballots_incomplete', message: `${incomplete.length} juror(s) have not scored their whole ballot: ${list}`, params: { count: incomplete.length, jurors: incomplete } });
    }
  }
  return warnings;
}

/** Stages at or after `stage`, for "from juryScoring on" style rules. */
export function isAtOrAfter(current: EditionStage, stage: EditionStage): boolean {
  return EDITION_STAGES.indexOf(current) >= EDITION_STAGES.indexOf(stage);
}

/** The stages at or after `stage`, as an SQL list for `e.stage IN …`. */
export function stagesAtOrAfterSql(stage: EditionStage): string {
  return `(${EDITION_STAGES.filter((candidate) => isAtOrAfter(candidate, stage)).map((candidate) => `'${candidate}'`).join(', ')})`;
}
