import {
  assertEligibilityDecidable,
  canMove,
  JURY_PRACTICE_STATUSES,
  JURY_PRACTICE_STATUSES_LIST_SQL,
  maskBeforePublication,
  PRACTICE_STATUSES,
  PRACTICE_TRANSITIONS,
} from './practice-status';

describe('practice status machine', () => {
  it('lists a row of moves for every status', () => {
    expect(Object.keys(PRACTICE_TRANSITIONS).sort()).toEqual([...PRACTICE_STATUSES].sort());
  });

  it.each([
    ['draft', 'submitted'],
    ['submitted', 'eligible'],
    ['submitted', 'ineligible'],
    ['eligible', 'ineligible'],
    ['ineligible', 'eligible'],
    ['eligible', 'distinguished'],
    ['eligible', 'notDistinguished'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
  });

  it.each([
    ['draft', 'eligible'],
    ['submitted', 'distinguished'],
    ['ineligible', 'distinguished'],
    ['distinguished', 'notDistinguished'],
    ['notDistinguished', 'eligible'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(false);
  });

  it('lets eligibility be decided on submitted, eligible and ineligible practices only', () => {
    const decidable = PRACTICE_STATUSES.filter((status) => {
      try {
        assertEligibilityDecidable(status);
        return true;
      } catch {
        return false;
      }
    });
    expect(decidable).toEqual(['submitted', 'eligible', 'ineligible']);
  });

  it('refuses an eligibility decision on a draft with not_submitted', () => {
    expect(() => assertEligibilityDecidable('draft')).toThrow(expect.objectContaining({ code: 'not_submitted' }));
  });

  it('puts eligible practices and the decisions before the jury', () => {
    expect(JURY_PRACTICE_STATUSES).toEqual(['eligible', 'distinguished', 'notDistinguished']);
    expect(JURY_PRACTICE_STATUSES_LIST_SQL).toBe(`('eligible', 'distinguished', 'notDistinguished')`);
  });

  it('shows decisions as eligible until the edition is published', () => {
    expect(maskBeforePublication('distinguished', 'decided')).toBe('eligible');
    expect(maskBeforePublication('notDistinguished', 'deliberation')).toBe('eligible');
    expect(maskBeforePublication('distinguished', 'published')).toBe('distinguished');
    expect(maskBeforePublication('ineligible', 'decided')).toBe('ineligible');
  });
});
