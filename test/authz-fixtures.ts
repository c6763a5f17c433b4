// The world the authorization matrix runs in: an edition with Lublin, Kraków and Gdańsk, and one
// signed-in user per principal of the matrix.
import { DataSource } from 'typeorm';
import { CertificatesService } from '@app/domain';
import { grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeReportFile, makeUser, signIn, TestApp } from '@app/testing';
import { FixtureKey, PrincipalName, PRINCIPALS } from './authz-matrix';

export interface AuthzWorld {
  ids: Record<FixtureKey, string>;
  headers: Record<PrincipalName, Record<string, string>>;
}

export async function buildAuthzWorld(t: TestApp): Promise<AuthzWorld> {
  const ds = t.app.get(DataSource);
  const edition = await makeEdition(ds, { stage: 'reportsOpen' });
  const lublin = await makeCity(ds, 'Lublin');
  const krakow = await makeCity(ds, 'Kraków');
  const gdansk = await makeCity(ds, 'Gdańsk');
  const someUser = await makeUser(ds);
  const disposableUser = await makeUser(ds);
  const [failedNotification] = await ds.query(
    `INSERT INTO notification_delivery (event_id, dedupe_key, template, user_id, status, attempts, last_error)
     VALUES (gen_random_uuid(), 'authz', 'invitation', $1, 'failed', 8, '550 no such user') RETURNING id`,
    [someUser.id],
  );

  const scopes: Record<Exclude<PrincipalName, 'anonymous'>, Parameters<typeof grantRole>[2] extends infer R ? [R, Parameters<typeof grantRole>[3]] : never> = {
    coordinator: ['coordinator', {}],
    expertSame: ['expert', { editionId: edition.id, cityId: lublin.id }],
    expertOther: ['expert', { editionId: edition.id, cityId: krakow.id }],
    juror: ['juror', { editionId: edition.id, cityId: gdansk.id }],
    jurorSame: ['juror', { editionId: edition.id, cityId: lublin.id }],
    officialSame: ['cityOfficial', { cityId: lublin.id }],
    officialOther: ['cityOfficial', { cityId: krakow.id }],
  };
  const headers = { anonymous: {} } as Record<PrincipalName, Record<string, string>>;
  for (const name of PRINCIPALS) {
    if (name === 'anonymous') continue;
    const user = await makeUser(ds, { email: `${name.toLowerCase()}@authz.example.org` });
    const [role, scope] = scopes[name];
    await grantRole(ds, user.id, role, scope);
    headers[name] = (await signIn(t.http, user.email)).auth;
  }
  const category = await makeCategory(ds, edition.id);
  const disposableCategory = await makeCategory(ds, edition.id);
  const lublinReport = await makeReport(ds, edition.id, lublin.id);
  const lublinPractice = await makePractice(ds, lublinReport.id, { categoryIds: [category.id] });
  const disposablePractice = await makePractice(ds, lublinReport.id, { categoryIds: [category.id] });
  const lublinFile = await makeReportFile(ds, t.config.DATA_DIR, lublinReport.id);
  const disposableFile = await makeReportFile(ds, t.config.DATA_DIR, lublinReport.id);
  const poznan = await makeCity(ds, 'Poznań');
  const spare = await makeUser(ds);
  const spareExpertAssignment = await grantRole(ds, spare.id, 'expert', { editionId: edition.id, cityId: poznan.id });
  const spareJurorAssignment = await grantRole(ds, spare.id, 'juror', { editionId: edition.id });
  const spareOfficialAssignment = await grantRole(ds, spare.id, 'cityOfficial', { cityId: lublin.id });
  const spareTranslatorAssignment = await grantRole(ds, spare.id, 'translator', { editionId: edition.id });
  const [{ id: lublinAward }] = await ds.query(`INSERT INTO award (edition_id, city_id, recipient_unit) VALUES ($1, $2, 'Urząd Miasta Lublin') RETURNING id`, [edition.id, lublin.id]);
  const [{ id: disposablePanel }] = await ds.query(`INSERT INTO jury_panel (edition_id, name) VALUES ($1, 'Panel A') RETURNING id`, [edition.id]);
  const [{ id: lublinComment }] = await ds.query(
    `INSERT INTO practice_comment (practice_id, author_id, body) SELECT $1, g.user_id, 'Komentarz' FROM role_grant g WHERE g.role = 'coordinator' LIMIT 1 RETURNING id`,
    [lublinPractice.id],
  );
  const published = await makeEdition(ds, { stage: 'published' });
  const publishedReport = await makeReport(ds, published.id, lublin.id, 'submitted');
  const publicPractice = await makePractice(ds, publishedReport.id, { status: 'distinguished' });
  const [{ id: publishedAward }] = await ds.query(`INSERT INTO award (edition_id, city_id) VALUES ($1, $2) RETURNING id`, [published.id, lublin.id]);
  // Lublin's report assesses the published edition's distinction (its note is translated like the report).
  const [{ id: lublinFollowUp }] = await ds.query(
    `INSERT INTO follow_up (report_id, award_id, status, assessment) VALUES ($1, $2, 'continued', 'Program trwa.') RETURNING id`,
    [lublinReport.id, publishedAward],
  );
  // Issued as the worker would (the matrix app runs no worker): a draft for lublinAward, a public one for the published award.
  const certificates = t.app.get(CertificatesService);
  await certificates.render(lublinAward);
  await certificates.render(publishedAward);
  const [{ code: certificateCode }] = await ds.query(`SELECT code FROM certificate WHERE award_id = $1 AND language = 'pl'`, [publishedAward]);
  return {
    ids: {
      failedNotification: failedNotification.id,
      lublinAward,
      lublinComment,
      lublinFollowUp,
      publishedYear: String(published.year),
      publicPractice: publicPractice.id,
      certificateCode,
      edition: edition.id,
      category: category.id,
      disposableCategory: disposableCategory.id,
      lublin: lublin.id,
      krakow: krakow.id,
      someUser: someUser.id,
      disposableUser: disposableUser.id,
      lublinReport: lublinReport.id,
      lublinPractice: lublinPractice.id,
      disposablePractice: disposablePractice.id,
      lublinFile: lublinFile.id,
      disposableFile: disposableFile.id,
      spareExpertAssignment,
      spareJurorAssignment,
      spareOfficialAssignment,
      spareTranslatorAssignment,
      language: 'uk',
      disposablePanel,
      mailTemplate: 'addedAsJuror',
      mailLanguage: 'pl',
    },
    headers,
  };
}
