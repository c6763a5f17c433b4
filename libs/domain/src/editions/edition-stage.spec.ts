import { ConflictError } from '@app/core';
import { allowedTargets, assertTransition, EDITION_STAGES, isAtOrAfter, STAGE_TRANSITIONS } from './edition-stage';

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
});
