// The edition's stage machine as data: the stages, the allowed moves, and a pure check.
import { ConflictError } from '@app/core';

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

/** Stages at or after `stage`, for "from juryScoring on" style rules. */
export function isAtOrAfter(current: EditionStage, stage: EditionStage): boolean {
  return EDITION_STAGES.indexOf(current) >= EDITION_STAGES.indexOf(stage);
}
