// Factories for test data, written straight to the file's own database (real rows, no mocks).
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@app/core';
import { hashPassword } from '@app/domain';
import TestAgent from 'supertest/lib/agent';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

const unique = () => randomBytes(4).toString('hex');

export interface MadeUser {
  id: string;
  email: string;
  password: string;
}

export async function makeUser(
  ds: DataSource,
  options: { email?: string; name?: string; locale?: string; status?: 'invited' | 'active' | 'disabled' } = {},
): Promise<MadeUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `user-${unique()}@example.org`;
  const status = options.status ?? 'active';
  const [row] = await ds.query(
    `INSERT INTO app_user (email, name, locale, password_hash, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email.toLowerCase(), options.name ?? `Test ${email}`, options.locale ?? 'pl', status === 'invited' ? null : await passwordHash, status],
  );
  return { id: row.id, email: email.toLowerCase(), password: TEST_PASSWORD };
}

export async function grantRole(
  ds: DataSource,
  userId: string,
  role: Role,
  scope: { editionId?: string; cityId?: string; countryOfOrigin?: string; languages?: string[] } = {},
): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO role_grant (user_id, role, edition_id, city_id, country_of_origin, languages) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [userId, role, scope.editionId ?? null, scope.cityId ?? null, scope.countryOfOrigin ?? null, scope.languages ?? null],
  );
  return row.id;
}

export async function makeCity(ds: DataSource, name = `Miasto ${unique()}`, region: string | null = null): Promise<{ id: string; name: string }> {
  const [row] = await ds.query(`INSERT INTO city (name, region) VALUES ($1, $2) RETURNING id, name`, [name, region]);
  return row;
}

export async function makeEdition(
  ds: DataSource,
  options: { year?: number; name?: string; stage?: string; reportsDueAt?: Date | null; scoringDueAt?: Date | null } = {},
): Promise<{ id: string; year: number }> {
  const year = options.year ?? 3000 + Math.floor(Math.random() * 5000);
  const [row] = await ds.query(
    `INSERT INTO edition (year, name, stage, reports_due_at, scoring_due_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, year`,
    [year, options.name ?? `Edition ${year}`, options.stage ?? 'draft', options.reportsDueAt ?? null, options.scoringDueAt ?? null],
  );
  return row;
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

export async function signIn(http: TestAgent, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  const res = await http.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, auth: { Authorization: `Bearer ${res.body.accessToken}` } };
}

/** A user with one grant, signed in. */
export async function makeSignedInUser(
  ds: DataSource,
  http: TestAgent,
  role: Role | null,
  scope: Parameters<typeof grantRole>[3] = {},
): Promise<MadeUser & SignedIn> {
  const user = await makeUser(ds);
  if (role) await grantRole(ds, user.id, role, scope);
  return { ...user, ...(await signIn(http, user.email)) };
}
