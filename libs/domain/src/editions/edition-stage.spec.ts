import { ConflictError } from '@app/core/errors/domain-errors';
import { allowedTargets, assertStepBack, assertTransition, EDITION_STAGES, EditionStage, isAtOrAfter, MIN_JURORS, STAGE_TRANSITIONS, transitionBlockers, TransitionFacts } from './edition-stage';

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

describe('edition stage guards at their edges', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const ready: TransitionFacts = { categories: 1, experts: 1, jurors: 3, unchecked: 0, eligible: 1, awards: 1, reportsDueAt: null, scoringDueAt: null };
  const codes = (to: EditionStage, facts: Partial<TransitionFacts>, at = now) => transitionBlockers(to, { ...ready, ...facts }, at).map((b) => b.code);

  it('lets a future scoringDueAt through and blocks one that is now or past', () => {
    expect(codes('juryScoring', { scoringDueAt: new Date(now + 1) })).toEqual([]);
    expect(codes('juryScoring', { scoringDueAt: new Date(now) })).toEqual(['scoring_due_passed']);
    expect(codes('juryScoring', { scoringDueAt: new Date(now - 1) })).toEqual(['scoring_due_passed']);
  });

  it('lets a future reportsDueAt through and blocks one that is now or past', () => {
    expect(codes('reportsOpen', { reportsDueAt: new Date(now + 1) })).toEqual([]);
    expect(codes('reportsOpen', { reportsDueAt: new Date(now) })).toEqual(['reports_due_passed']);
  });

  it('reads the clock when no time is given', () => {
    expect(transitionBlockers('juryScoring', { ...ready, scoringDueAt: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(transitionBlockers('juryScoring', { ...ready, scoringDueAt: new Date(Date.now() - 60_000) }).map((b) => b.code)).toEqual(['scoring_due_passed']);
  });

  it('counts exactly: one of each is enough, three jurors are the minimum', () => {
    expect(MIN_JURORS).toBe(3);
    expect(codes('juryScoring', { jurors: 2 })).toEqual(['too_few_jurors']);
    expect(codes('juryScoring', { jurors: 3 })).toEqual([]);
    expect(codes('juryScoring', { unchecked: 1 })).toEqual(['unchecked_practices']);
    expect(codes('juryScoring', { eligible: 0 })).toEqual(['no_eligible_practice']);
    expect(codes('reportsOpen', { categories: 0 })).toEqual(['no_category']);
    expect(codes('reportsOpen', { experts: 0 })).toEqual(['no_expert']);
    expect(codes('decided', { awards: 0 })).toEqual(['no_award']);
  });

  it('applies each guard to its own move only', () => {
    const nothing: Partial<TransitionFacts> = { categories: 0, experts: 0, jurors: 0, unchecked: 5, eligible: 0, awards: 0, reportsDueAt: new Date(0), scoringDueAt: new Date(0) };
    expect(codes('draft', nothing)).toEqual([]);
    expect(codes('reportsOpen', nothing)).toEqual(['no_category', 'no_expert', 'reports_due_passed']);
    expect(codes('juryScoring', nothing)).toEqual(['unchecked_practices', 'no_eligible_practice', 'too_few_jurors', 'scoring_due_passed']);
    expect(codes('deliberation', nothing)).toEqual([]);
    expect(codes('decided', nothing)).toEqual(['no_award']);
    expect(codes('published', nothing)).toEqual([]);
  });

  it('words the other blockers for the coordinator', () => {
    const facts = { ...ready, categories: 0, experts: 0, reportsDueAt: new Date(0) };
    expect(transitionBlockers('reportsOpen', facts, now)).toEqual([
      { code: 'no_category', message: 'add at least one category' },
      { code: 'no_expert', message: 'assign at least one expert' },
      { code: 'reports_due_passed', message: 'reportsDueAt is in the past' },
    ]);
    expect(transitionBlockers('decided', { ...ready, awards: 0 }, now)).toEqual([{ code: 'no_award', message: 'record at least one award' }]);
  });

  it('explains a refused move in words', () => {
    expect(() => assertTransition('draft', 'published')).toThrow('An edition in stage draft cannot move to published; allowed: reportsOpen');
    expect(() => assertTransition('published', 'draft')).toThrow('An edition in stage published cannot move to draft; allowed: none');
    try {
      assertTransition('draft', 'decided');
    } catch (error) {
      expect((error as ConflictError).code).toBe('invalid_transition');
    }
    expect.assertions(3);
  });

  it('orders every pair of stages', () => {
    EDITION_STAGES.forEach((current, i) => {
      EDITION_STAGES.forEach((stage, j) => expect(isAtOrAfter(current, stage)).toBe(i >= j));
    });
    expect(EDITION_STAGES).toEqual(['draft', 'reportsOpen', 'juryScoring', 'deliberation', 'decided', 'published']);
  });
});

describe('assertStepBack', () => {
  it('steps back one stage where the guard allows, never from decided or published', () => {
    expect(assertStepBack('juryScoring', 'reportsOpen')).toEqual({ to: 'reportsOpen', blockedBy: 'scores' });
    expect(assertStepBack('deliberation', 'juryScoring')).toEqual({ to: 'juryScoring', blockedBy: 'awards' });
    expect(() => assertStepBack('deliberation', 'reportsOpen')).toThrow(expect.objectContaining({ code: 'invalid_step_back' }));
    expect(() => assertStepBack('reportsOpen', 'draft')).toThrow(expect.objectContaining({ code: 'invalid_step_back' }));
    expect(() => assertStepBack('decided', 'deliberation')).toThrow(expect.objectContaining({ code: 'irreversible_stage' }));
    expect(() => assertStepBack('published', 'decided')).toThrow(expect.objectContaining({ code: 'irreversible_stage' }));
  });
});
