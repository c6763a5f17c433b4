import { findBadText, jsonDeeperThan, sanitizeText, textProblem } from './hostile-input';

describe('hostile input checks', () => {
  it('measures nesting without parsing, skipping brackets inside strings and escapes', () => {
    const nest = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(jsonDeeperThan(nest(64))).toBe(false);
    expect(jsonDeeperThan(nest(65))).toBe(true);
    expect(jsonDeeperThan(Buffer.from(nest(65)))).toBe(true);
    expect(jsonDeeperThan(JSON.stringify({ a: '['.repeat(500), b: '\\"{{{{' }))).toBe(false);
    expect(jsonDeeperThan(`{"a":"\\\\"${'['.repeat(65)}`)).toBe(true);
    expect(jsonDeeperThan(Buffer.from(JSON.stringify({ ł: 'Łódź [[[[' })), 1)).toBe(false);
  });

  it('finds NUL and unpaired surrogates, but not pairs, and names the field', () => {
    expect(textProblem('😀 ok')).toBeNull();
    expect(textProblem('a\u0000')).toMatch(/NUL/);
    expect(textProblem('\ud800x')).toMatch(/surrogate/);
    expect(textProblem('x\udc00')).toMatch(/surrogate/);
    expect(findBadText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ field: 'a[1].c', problem: expect.any(String) });
    expect(findBadText({ 'k\u0000': 1 })?.field).toBe('k\ufffd');
    expect(findBadText('\ud800', 'id')?.field).toBe('id');
    expect(findBadText({ a: 1, b: null, c: ['😀'] })).toBeNull();
    expect(sanitizeText('a\u0000\ud800😀')).toBe('a\ufffd\ufffd😀');
  });
});
