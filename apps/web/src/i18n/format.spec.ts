import { describe, expect, it } from '@jest/globals';
import { formatBytes, fromWarsawInput, toWarsawInput } from './format';

describe('Polish time in forms', () => {
  it('shows API times as a Warsaw wall clock', () => {
    expect(toWarsawInput('2026-12-23T22:59:00.000Z')).toBe('2026-12-23T23:59');
    expect(toWarsawInput('2015-05-14T13:30:00+00:00')).toBe('2015-05-14T15:30');
    expect(toWarsawInput(null)).toBe('');
  });

  it('reads a wall clock as Warsaw time, summer and winter', () => {
    expect(fromWarsawInput('2026-12-23T23:59')).toBe('2026-12-23T23:59:00+01:00');
    expect(fromWarsawInput('2015-05-14T15:30')).toBe('2015-05-14T15:30:00+02:00');
    expect(fromWarsawInput('not a time')).toBeNull();
  });
});

describe('file sizes', () => {
  it('in the interface language', () => {
    expect(formatBytes(20 * 1024 * 1024, 'en')).toBe('20\u00a0MiB');
    expect(formatBytes(1.5 * 1024 * 1024, 'pl')).toBe('1,5\u00a0MiB');
    expect(formatBytes(820 * 1024, 'uk')).toBe('820\u00a0КіБ');
  });
});
