// Input no handler should ever see: JSON nested deeper than any contract needs (refused before
// JSON.parse recurses into it), and text PostgreSQL or URI encoding cannot hold (U+0000, lone UTF-16
// surrogates). Each refusal is a 400 in the contract's shape naming the field at fault.
import { BadRequestException } from '@nestjs/common';

/** No request body of the contract nests deeper than a few levels; 64 leaves room and stays cheap. */
export const MAX_JSON_DEPTH = 64;

/**
 * True when JSON `text` opens more than `max` objects or arrays at once; strings are skipped. Bytes
 * of UTF-8 work as well as characters: every byte of a multi-byte sequence is above 0x7f.
 */
export function jsonDeeperThan(text: string | Buffer, max = MAX_JSON_DEPTH): boolean {
  const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

export class JsonTooDeepError extends BadRequestException {
  constructor() {
    super({ message: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, code: 'json_too_deep' });
  }
}

// U+0000, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a text, or null when it is fine. */
export function textProblem(value: string): string | null {
  const match = BAD_TEXT.exec(value);
  if (!match) return null;
  return match[0] === '\u0000' ? 'must not contain the NUL character (U+0000)' : 'must not contain an unpaired UTF-16 surrogate';
}

const join = (prefix: string, key: string | number) =>
  typeof key === 'number' ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;

/** The first string (or key) under `value` that fails `textProblem`, with its path; depth-bounded. */
export function findBadText(value: unknown, path = '', depth = 0): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: path || 'value', problem } : null;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], join(path, i), depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const keyProblem = textProblem(key);
    // A bad key cannot name itself usefully: name it as sanitised.
    if (keyProblem) return { field: join(path, sanitizeText(key)), problem: keyProblem };
    const found = findBadText(item, join(path, key), depth + 1);
    if (found) return found;
  }
  return null;
}

export class InvalidTextError extends BadRequestException {
  constructor(field: string, problem: string) {
    super({ message: `${field}: ${problem}`, code: 'invalid_text', details: [{ field, problem }] });
  }
}

/** Throws InvalidTextError for the first bad text under `value`, its field named under `prefix`. */
export function assertCleanText(value: unknown, prefix = ''): void {
  const found = findBadText(value, prefix);
  if (found) throw new InvalidTextError(found.field, found.problem);
}

/** Text safe to store and log: NUL and lone surrogates become U+FFFD. */
export function sanitizeText(value: string): string {
  return value.replace(new RegExp(BAD_TEXT.source, 'g'), '\ufffd');
}
