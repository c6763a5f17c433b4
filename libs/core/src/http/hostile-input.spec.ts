import { assertCleanText, findBadText, InvalidTextError, JsonTooDeepError, jsonDeeperThan, MAX_JSON_DEPTH, sanitizeText, textProblem } from './hostile-input';

const NUL_PROBLEM = 'must not contain the NUL character (U+0000)';
const SURROGATE_PROBLEM = 'must not contain an unpaired UTF-16 surrogate';

/** `value` inside `levels` arrays. */
function inArrays(levels: number, value: unknown): unknown {
  return levels === 0 ? value : [inArrays(levels - 1, value)];
}

describe('hostile input checks', () => {
  it('measures nesting without parsing, skipping brackets inside strings and escapes', () => {
    const nest = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(jsonDeeperThan(nest(64))).toBe(false);
    expect(jsonDeeperThan(nest(65))).toBe(true);
    expect(jsonDeeperThan(Buffer.from(nest(64)))).toBe(false);
    expect(jsonDeeperThan(Buffer.from(nest(65)))).toBe(true);
    expect(jsonDeeperThan(JSON.stringify({ a: '['.repeat(500), b: '\\"{{{{' }))).toBe(false);
    expect(jsonDeeperThan(`{"a":"\\\\"${'['.repeat(65)}`)).toBe(true);
    expect(jsonDeeperThan(Buffer.from(JSON.stringify({ ł: 'Łódź [[[[' })), 1)).toBe(false);
  });

  it('counts objects as well as arrays, and closing either one leaves its level', () => {
    const objects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    expect(jsonDeeperThan(objects(3), 3)).toBe(false);
    expect(jsonDeeperThan(objects(4), 3)).toBe(true);
    expect(jsonDeeperThan(`[${'{},'.repeat(100)}{}]`, 2)).toBe(false);
    expect(jsonDeeperThan(`{"a":[${'[],'.repeat(100)}[]]}`, 3)).toBe(false);
    expect(jsonDeeperThan('{"a":"}}}}","b":{"c":{}}}', 3)).toBe(false);
    expect(jsonDeeperThan('{"a":"}}}}","b":{"c":{}}}', 2)).toBe(true);
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    expect(jsonDeeperThan('["\\"[[[["]', 1)).toBe(false);
    expect(jsonDeeperThan('["\\\\",[[]]]', 2)).toBe(true);
  });

  it('answers 400 json_too_deep for a body nested too deeply', () => {
    const error = new JsonTooDeepError();
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toEqual({ message: 'The JSON body nests deeper than 64 levels', code: 'json_too_deep' });
  });

  it('finds NUL and unpaired surrogates, but not pairs', () => {
    expect(textProblem('😀 ok')).toBeNull();
    expect(textProblem('a\u0000')).toBe(NUL_PROBLEM);
    expect(textProblem('\ud800x')).toBe(SURROGATE_PROBLEM);
    expect(textProblem('x\udc00')).toBe(SURROGATE_PROBLEM);
    expect(sanitizeText('a\u0000\ud800😀\udc00')).toBe('a\ufffd\ufffd😀\ufffd');
  });

  it('names the field of the first bad text by its path, keys included', () => {
    expect(findBadText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ field: 'a[1].c', problem: NUL_PROBLEM });
    expect(findBadText(['ok', ['ok', '\ud800']])).toEqual({ field: '[1][1]', problem: SURROGATE_PROBLEM });
    expect(findBadText({ a: 'ok', b: '\udc00', c: '\u0000' })).toEqual({ field: 'b', problem: SURROGATE_PROBLEM });
    expect(findBadText({ 'k\u0000': 1 })).toEqual({ field: 'k\ufffd', problem: NUL_PROBLEM });
    expect(findBadText({ a: { 'k\ud800': 1 } })?.field).toBe('a.k\ufffd');
    expect(findBadText('\ud800', 'id')?.field).toBe('id');
    expect(findBadText('\u0000')?.field).toBe('value');
    expect(findBadText({ a: 1, b: null, c: ['😀'], d: undefined, e: true })).toBeNull();
    expect(findBadText(null)).toBeNull();
  });

  it('looks as deep as a body may nest and no deeper', () => {
    expect(findBadText(inArrays(MAX_JSON_DEPTH + 1, '\u0000'))?.problem).toBe(NUL_PROBLEM);
    expect(findBadText(inArrays(MAX_JSON_DEPTH + 2, '\u0000'))).toBeNull();
    expect(findBadText(inArrays(MAX_JSON_DEPTH, { a: '\u0000' }))?.problem).toBe(NUL_PROBLEM);
    expect(findBadText(inArrays(MAX_JSON_DEPTH + 1, { a: '\u0000' }))).toBeNull();
    expect(findBadText(inArrays(MAX_JSON_DEPTH, { a: { b: '\u0000' } }))).toBeNull();
  });

  it('throws a 400 invalid_text naming the field under the prefix', () => {
    expect(() => assertCleanText({ name: 'Łódź', tags: ['a'] })).not.toThrow();
    const error = (() => {
      try {
        assertCleanText({ name: 'a\u0000' }, 'body');
      } catch (thrown) {
        return thrown as InvalidTextError;
      }
      throw new Error('no error thrown');
    })();
    expect(error).toBeInstanceOf(InvalidTextError);
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toEqual({ message: `body.name: ${NUL_PROBLEM}`, code: 'invalid_text', details: [{ field: 'body.name', problem: NUL_PROBLEM }] });
    expect(() => assertCleanText('\ud800')).toThrow(`value: ${SURROGATE_PROBLEM}`);
  });
});
