import { ConflictError } from '@app/core';
import { allowedTargets, assertTransition, EDITION_STAGES, isAtOrAfter, STAGE_TRANSITIONS, transitionBlockers, TransitionFacts } from './edition-stage';

describe('edition stage machine', () => {
  it('moves strictly forward, one stage at a time, and ends at published', () => {
    EDITION_STAGES.forEach((stage, index) => {
      expect(STAGE_TRANSITIONS[stage]).toEqual(index < EDITION_STAGES.length - 1 ? [EDITION_STAGES[index + 1]] : []);
    });
  });

  it.each([
    ['draft', 'reportsOpen'],
    ['reportsOpen', 'juryScoring'],
    ['juryScoring', 'deliberation'],
    ['deliberation', 'decided'],
    ['decided', 'published'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it('refuses skips, moves back and staying put, naming the allowed targets', () => {
    for (const from of EDITION_STAGES) {
      for (const to of EDITION_STAGES) {
        if (allowedTargets(from).includes(to)) continue;
        try {
          assertTransition(from, to);
          throw new Error(`${from} → ${to} was allowed`);
        } catch (error) {
          expect(error).toBeInstanceOf(ConflictError);
          expect((error as ConflictError).extra).toEqual({ from, to, allowed: [...allowedTargets(from)] });
        }
      }
    }
  });

  it('orders stages', () => {
    expect(isAtOrAfter('deliberation', 'juryScoring')).toBe(true);
    expect(isAtOrAfter('reportsOpen', 'juryScoring')).toBe(false);
    expect(isAtOrAfter('juryScoring', 'juryScoring')).toBe(true);
  });

  describe('guards', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const past = new Date(now - 1000);
    const none: TransitionFacts = { categories: 0, experts: 0, jurors: 0, unchecked: 0, eligible: 0, awards: 0, reportsDueAt: null, scoringDueAt: null };
    const codes = (to: Parameters<typeof transitionBlockers>[0], facts: Partial<TransitionFacts>) => transitionBlockers(to, { ...none, ...facts }, now).map((b) => b.code);

    it('give every blocker a code, its English message and the numbers it mentions', () => {
      expect(transitionBlockers('juryScoring', { ...none, unchecked: 2, jurors: 1, scoringDueAt: past }, now)).toEqual([
        { code: 'unchecked_practices', message: '2 submitted practice(s) still need an eligibility decision', params: { count: 2 } },
        { code: 'no_eligible_practice', message: 'no practice is eligible yet' },
        { code: 'too_few_jurors', message: 'assign at least 3 jurors (now 1)', params: { now: 1, required: 3 } },
        { code: 'scoring_due_passed', message: 'scoringDueAt is in the past' },
      ]);
    });

    it('check each move for what it needs', () => {
      expect(codes('reportsOpen', { reportsDueAt: past })).toEqual(['no_category', 'no_expert', 'reports_due_passed']);
      expect(codes('reportsOpen', { categories: 1, experts: 1, reportsDueAt: new Date(now + 1000) })).toEqual([]);
      expect(codes('juryScoring', { eligible: 1, jurors: 3 })).toEqual([]);
      expect(codes('deliberation', {})).toEqual([]);
      expect(codes('decided', {})).toEqual(['no_award']);
      expect(codes('decided', { awards: 1 })).toEqual([]);
      expect(codes('published', {})).toEqual([]);
    });
  });
});
