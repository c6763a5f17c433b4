// Password policy and hashing: argon2id, 19 MiB, 2 iterations, parallelism 1 (OWASP's minimum).
import * as argon2 from 'argon2';
// The error module alone (not the @app/core barrel): pure code loads only what it uses.
import { InvalidInputError } from '@app/core/errors/domain-errors';

export const PASSWORD_MIN_LENGTH = 12;
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function assertPasswordPolicy(password: string, email: string, field = 'password'): void {
  if (typeof password !== 'string' || [...password].length < PASSWORD_MIN_LENGTH) {
    throw new InvalidInputError(field, `must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw new InvalidInputError(field, 'must not be the same as the email address');
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same work as a real verification, so an unknown email and a wrong password take
 * about the same time (no account enumeration by timing).
 */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  await verifyPassword(await dummyHash, password);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
