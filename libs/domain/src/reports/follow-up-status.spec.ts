import { distinctionFollowUpStatus, practiceCoverageProblem } from './follow-up-status';

describe('distinctionFollowUpStatus', () => {
  it('is the common status when the practices agree', () => {
    expect(distinctionFollowUpStatus(['discontinued', 'discontinued'])).toBe('discontinued');
    expect(distinctionFollowUpStatus(['unknown'])).toBe('unknown');
  });

  it('takes the best outcome among mixed practices', () => {
    expect(distinctionFollowUpStatus(['discontinued', 'continued', 'unknown'])).toBe('continued');
    expect(distinctionFollowUpStatus(['implemented', 'expanded'])).toBe('expanded');
    expect(distinctionFollowUpStatus(['unknown', 'implemented', 'discontinued'])).toBe('implemented');
    expect(distinctionFollowUpStatus(['unknown', 'discontinued'])).toBe('discontinued');
  });

  it('is unknown without practices', () => {
    expect(distinctionFollowUpStatus([])).toBe('unknown');
  });
});

describe('practiceCoverageProblem', () => {
  it('accepts every practice once, in any order', () => {
    expect(practiceCoverageProblem(['a', 'b'], ['b', 'a'])).toBeNull();
  });

  it('names the missing, the foreign and the repeated practice', () => {
    expect(practiceCoverageProblem(['a', 'b'], ['a'])).toMatch(/missing b/);
    expect(practiceCoverageProblem(['a'], ['a', 'x'])).toMatch(/did not cover \(x\)/);
    expect(practiceCoverageProblem(['a', 'b'], ['a', 'a', 'b'])).toMatch(/twice \(a\)/);
  });
});
