import * as argon2 from 'argon2';
import { InvalidInputError } from '@app/core/errors/domain-errors';
import { assertPasswordPolicy, burnVerification, hashPassword, needsRehash, normalizeEmail, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords';

// argon2 itself, watched: every call goes through to the real hashing (nothing leaves the machine).
jest.mock('argon2', () => {
  const actual = jest.requireActual<typeof import('argon2')>('argon2');
  return { ...actual, hash: jest.fn(actual.hash), verify: jest.fn(actual.verify) };
});

describe('password policy', () => {
  it('asks for at least 12 characters, counted as characters, not UTF-16 units', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(() => assertPasswordPolicy('a'.repeat(11), 'k@x.pl')).toThrow('password must be at least 12 characters long');
    expect(() => assertPasswordPolicy('a'.repeat(12), 'k@x.pl')).not.toThrow();
    expect(() => assertPasswordPolicy('😀'.repeat(11), 'k@x.pl')).toThrow(InvalidInputError);
    expect(() => assertPasswordPolicy(undefined as unknown as string, 'k@x.pl')).toThrow(InvalidInputError);
  });

  it('refuses the email address as the password, whatever the case and blanks', () => {
    expect(() => assertPasswordPolicy(' Koordynator@Example.PL ', 'koordynator@example.pl ')).toThrow('password must not be the same as the email address');
    expect(() => assertPasswordPolicy('koordynator@example.pl!', 'koordynator@example.pl')).not.toThrow();
  });

  it('names the field it was given', () => {
    try {
      assertPasswordPolicy('short', 'k@x.pl', 'newPassword');
    } catch (error) {
      expect((error as InvalidInputError).details).toEqual([{ field: 'newPassword', problem: 'must be at least 12 characters long' }]);
    }
    expect.assertions(1);
  });

  it('normalises an email for comparison', () => {
    expect(normalizeEmail('  Ola@Example.PL ')).toBe('ola@example.pl');
  });
});

describe('password hashing', () => {
  it('hashes with argon2id at the chosen cost and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(needsRehash(hash)).toBe(false);
    await expect(verifyPassword(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'correct horse batterY')).resolves.toBe(false);
    await expect(verifyPassword('not a hash', 'x')).resolves.toBe(false);
    await expect(burnVerification('anything at all')).resolves.toBeUndefined();
  });

  it('spends a real verification on an unknown account, against one dummy hash made once', async () => {
    const hash = jest.mocked(argon2.hash);
    const verify = jest.mocked(argon2.verify);
    hash.mockClear();
    verify.mockClear();
    await burnVerification('first guess');
    await burnVerification('second guess');
    expect(hash.mock.calls.length).toBeLessThanOrEqual(1);
    expect(verify.mock.calls.map(([, password]) => password)).toEqual(['first guess', 'second guess']);
    const [[firstHash], [secondHash]] = verify.mock.calls;
    expect(firstHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(secondHash).toBe(firstHash);
  });
});
