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

// Distinct years per file (the year is unique); far from real ones.
let nextYear = 3000 + Math.floor(Math.random() * 1000) * 50;

export async function makeEdition(
  ds: DataSource,
  options: { year?: number; name?: string; stage?: string; reportsDueAt?: Date | null; scoringDueAt?: Date | null } = {},
): Promise<{ id: string; year: number }> {
  const year = options.year ?? nextYear++;
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

export async function makeCategory(ds: DataSource, editionId: string, name = `Kategoria ${unique()}`): Promise<{ id: string; name: string }> {
  const [row] = await ds.query(`INSERT INTO category (edition_id, name) VALUES ($1, $2) RETURNING id, name`, [editionId, name]);
  return row;
}

export async function makeReport(ds: DataSource, editionId: string, cityId: string, status: 'draft' | 'submitted' = 'draft'): Promise<{ id: string }> {
  const [row] = await ds.query(
    `INSERT INTO report (edition_id, city_id, status, submitted_at) VALUES ($1, $2, $3::report_status, CASE WHEN $3::text = 'submitted' THEN now() END) RETURNING id`,
    [editionId, cityId, status],
  );
  return row;
}

export async function makePractice(
  ds: DataSource,
  reportId: string,
  options: { title?: string; description?: string; status?: string; categoryIds?: string[]; recipientUnits?: string[] } = {},
): Promise<{ id: string; title: string }> {
  const [row] = await ds.query(
    `INSERT INTO practice (report_id, title, description, status, recipient_units, eligibility_reason)
     VALUES ($1, $2, $3, $4::practice_status, $5, CASE WHEN $4::text = 'ineligible' THEN 'Poza zakresem konkursu.' END) RETURNING id, title`,
    [reportId, options.title ?? `Praktyka ${unique()}`, options.description ?? 'Opis praktyki.', options.status ?? 'draft', options.recipientUnits ?? []],
  );
  for (const categoryId of options.categoryIds ?? []) {
    await ds.query(`INSERT INTO practice_category (practice_id, category_id) VALUES ($1, $2)`, [row.id, categoryId]);
  }
  return row;
}

/** A minimal valid PDF. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export async function makeReportFile(ds: DataSource, dataDir: string, reportId: string, filename = 'raport.pdf'): Promise<{ id: string }> {
  const { createHash, randomUUID } = await import('node:crypto');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const id = randomUUID();
  await mkdir(join(dataDir, 'files'), { recursive: true });
  await writeFile(join(dataDir, 'files', id), PDF_BYTES);
  await ds.query(
    `INSERT INTO report_file (id, report_id, filename, content_type, size, sha256) VALUES ($1, $2, $3, 'application/pdf', $4, $5)`,
    [id, reportId, filename, PDF_BYTES.length, createHash('sha256').update(PDF_BYTES).digest('hex')],
  );
  return { id };
}
