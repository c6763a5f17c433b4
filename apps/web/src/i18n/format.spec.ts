import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatDate, fromWarsawInput, toWarsawInput } from './format';

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

describe('dates', () => {
  it('end without a full stop of their own, so a sentence after them has one', () => {
    expect(formatDate('2026-12-07T12:00:00Z', 'uk')).toBe('7 грудня 2026 року');
    expect(formatDate('2026-12-07T12:00:00Z', 'pl')).toBe('7 grudnia 2026');
    expect(formatDate('2026-12-07T12:00:00Z', 'en')).toBe('7 December 2026');
    for (const language of ['pl', 'en', 'uk']) expect(`${formatDate('2026-12-07T12:00:00Z', language)}.`).not.toMatch(/\.\.$/);
  });
});
