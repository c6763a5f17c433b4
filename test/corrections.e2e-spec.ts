// The coordinator's corrections (issue 19, item 1), each with a reason, audited, and told to the
// people it affects: reopening a submitted report, revising an eligibility decision, stepping an
// edition back one stage, and per-person deadline extensions that the one-statement deadline
// checks of scores and reports honour. Each is refused (409 with a code) once something
// irreversible happened.
import { DataSource } from 'typeorm';
import {
  createTestApp,
  eventually,
  grantRole,
  makeCategory,
  makeCity,
  makeEdition,
  makePractice,
  makeReport,
  makeSignedInUser,
  makeUser,
  signIn,
  SignedIn,
  TestApp,
} from '@app/testing';

const DAY = 86_400_000;
const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });

describe('corrections', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn & { id: string };
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  async function signedIn(role: 'expert' | 'juror', scope: { editionId: string; cityId?: string }) {
    const user = await makeUser(ds);
    const grantId = await grantRole(ds, user.id, role, scope);
    return { id: user.id, grantId, ...(await signIn(t.http, user.email)) };
  }

  /** The distinct fields a 400 names. */
  const fieldsAtFault = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];

  const auditRows = (action: string, objectId: string) =>
    ds.query(`SELECT actor_id, details FROM audit_event WHERE action = $1 AND object_id = $2`, [action, objectId]) as Promise<{ actor_id: string; details: Record<string, unknown> }[]>;

  /**
   * Waits for the fan-out of `template` about the object `about` names (a context key and value)
   * to reach `userIds`, then checks that it reached nobody else.
   */
  async function deliveredTo(template: string, about: [string, string], userIds: string[]): Promise<void> {
    const sorted = [...userIds].sort();
    const recipients = async () =>
      ((await ds.query(`SELECT user_id FROM notification_delivery WHERE template = $1 AND context->>$2 = $3`, [template, ...about])) as { user_id: string }[])
        .map((row) => row.user_id)
        .sort();
    await eventually(async () => (await recipients()).length >= sorted.length || null);
    expect(await recipients()).toEqual(sorted);
  }

  /** A reportsOpen edition with Lublin's submitted report (two practices, one decided eligible). */
  async function submittedReport(stage = 'reportsOpen') {
    const edition = await makeEdition(ds, { stage, reportsDueAt: new Date(Date.now() + 7 * DAY) });
    const lublin = await makeCity(ds, `Lublin ${edition.year}`);
    const expert = await signedIn('expert', { editionId: edition.id, cityId: lublin.id });
    const report = await makeReport(ds, edition.id, lublin.id, 'submitted');
    const decided = await makePractice(ds, report.id, { status: 'eligible' });
    const undecided = await makePractice(ds, report.id, { status: 'submitted' });
    return { edition, lublin, expert, report, decided, undecided };
  }

  describe('reopening a submitted report', () => {
    it('needs a reason (400 naming it), and only a coordinator may do it', async () => {
      const { report, expert } = await submittedReport();
      const missing = await t.http.post(`/api/reports/${report.id}/reopen`).set(coordinator.auth).send({}).expect(400);
      expect(fieldsAtFault(missing.body)).toEqual(['reason']);
      const blank = await t.http.post(`/api/reports/${report.id}/reopen`).set(coordinator.auth).send({ reason: '   ' }).expect(400);
      expect(fieldsAtFault(blank.body)).toEqual(['reason']);
      await t.http.post(`/api/reports/${report.id}/reopen`).set(expert.auth).send({ reason: 'Mine' }).expect(403);
      const [row] = await ds.query(`SELECT status FROM report WHERE id = $1`, [report.id]);
      expect(row.status).toBe('submitted');
    });

    it('puts the report back to draft with the reason shown to the expert, clears its eligibility decisions, audits and tells the expert', async () => {
      const { report, expert, decided, undecided } = await submittedReport();
      const res = await t.http.post(`/api/reports/${report.id}/reopen`).set(coordinator.auth).send({ reason: 'Brakuje dowodów do praktyki 2.' }).expect(200);
      expect(res.body).toMatchObject({ status: 'draft', submittedAt: null, reopenReason: 'Brakuje dowodów do praktyki 2.' });

      const practices: { id: string; status: string; eligibility_reason: string | null; eligibility_decided_at: Date | null }[] = await ds.query(
        `SELECT id, status, eligibility_reason, eligibility_decided_at FROM practice WHERE report_id = $1`,
        [report.id],
      );
      expect(practices.map((p) => [p.status, p.eligibility_reason, p.eligibility_decided_at])).toEqual([
        ['draft', null, null],
        ['draft', null, null],
      ]);
      expect(practices.map((p) => p.id).sort()).toEqual([decided.id, undecided.id].sort());

      // The expert sees the reason and may correct and submit again.
      const seen = (await t.http.get(`/api/reports/${report.id}`).set(expert.auth).expect(200)).body;
      expect(seen).toMatchObject({ status: 'draft', reopenReason: 'Brakuje dowodów do praktyki 2.' });
      expect(typeof seen.reopenedAt).toBe('string');
      const mine = (await t.http.get('/api/me/reports').set(expert.auth).expect(200)).body;
      expect(mine[0].report).toMatchObject({ status: 'draft', reopenReason: 'Brakuje dowodów do praktyki 2.' });
      await t.http.patch(`/api/reports/${report.id}`).set(expert.auth).send({ summary: 'Poprawione.' }).expect(200);
      await t.http.post(`/api/reports/${report.id}/submit`).set(expert.auth).expect(200);

      const audits = await auditRows('report.reopen', report.id);
      expect(audits).toEqual([expect.objectContaining({ actor_id: coordinator.id, details: expect.objectContaining({ reason: 'Brakuje dowodów do praktyki 2.' }) })]);
      await deliveredTo('reportReopened', ['reportId', report.id], [expert.id]);
    });

    it('refuses a draft (409 report_not_submitted) and a report whose practices the jury scored (409 report_scored)', async () => {
      const draft = await submittedReport();
      await ds.query(`UPDATE report SET status = 'draft', submitted_at = NULL WHERE id = $1`, [draft.report.id]);
      const notSubmitted = await t.http.post(`/api/reports/${draft.report.id}/reopen`).set(coordinator.auth).send({ reason: 'Why' }).expect(409);
      expect(notSubmitted.body.code).toBe('report_not_submitted');

      const scored = await submittedReport('juryScoring');
      const juror = await signedIn('juror', { editionId: scored.edition.id });
      await ds.query(
        `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, 3, 3, 3, 3)`,
        [scored.edition.id, scored.decided.id, juror.id],
      );
      const refused = await t.http.post(`/api/reports/${scored.report.id}/reopen`).set(coordinator.auth).send({ reason: 'Too late' }).expect(409);
      expect(refused.body.code).toBe('report_scored');

      // In juryScoring without scores on its practices: experts write only in reportsOpen, so step back first.
      const unscored = await submittedReport('juryScoring');
      const stepBack = await t.http.post(`/api/reports/${unscored.report.id}/reopen`).set(coordinator.auth).send({ reason: 'Fix' }).expect(409);
      expect(stepBack.body.code).toBe('step_back_first');

      const later = await submittedReport('deliberation');
      expect((await t.http.post(`/api/reports/${later.report.id}/reopen`).set(coordinator.auth).send({ reason: 'Fix' }).expect(409)).body.code).toBe('wrong_stage');
      for (const { report } of [scored, unscored, later]) {
        expect((await ds.query(`SELECT status FROM report WHERE id = $1`, [report.id]))[0].status).toBe('submitted');
      }
    });
  });

  describe('revising an eligibility decision', () => {
    it('changes a decided practice with a reason, audits it and tells the expert', async () => {
      const { decided, expert } = await submittedReport();
      const missing = await t.http.post(`/api/practices/${decided.id}/eligibility-revision`).set(coordinator.auth).send({ eligible: false }).expect(400);
      expect(fieldsAtFault(missing.body)).toEqual(['reason']);

      const res = await t.http.post(`/api/practices/${decided.id}/eligibility-revision`).set(coordinator.auth)
        .send({ eligible: false, reason: 'Praktyka wdrożona przed okresem konkursu.' }).expect(200);
      expect(res.body).toMatchObject({ status: 'ineligible', eligibilityReason: 'Praktyka wdrożona przed okresem konkursu.' });
      const audits = await auditRows('practice.eligibility_revised', decided.id);
      expect(audits).toEqual([expect.objectContaining({ details: expect.objectContaining({ from: 'eligible', to: 'ineligible', reason: 'Praktyka wdrożona przed okresem konkursu.' }) })]);
      await deliveredTo('eligibilityRevised', ['practiceId', decided.id], [expert.id]);

      const back = await t.http.post(`/api/practices/${decided.id}/eligibility-revision`).set(coordinator.auth).send({ eligible: true, reason: 'Pomyłka.' }).expect(200);
      expect(back.body).toMatchObject({ status: 'eligible', eligibilityReason: null });
    });

    it('refuses an undecided practice (409 not_decided) and any revision once scoring opened (409 scoring_opened)', async () => {
      const { undecided } = await submittedReport();
      expect((await t.http.post(`/api/practices/${undecided.id}/eligibility-revision`).set(coordinator.auth).send({ eligible: true, reason: 'x' }).expect(409)).body.code).toBe('not_decided');
      const scoring = await submittedReport('juryScoring');
      const refused = await t.http.post(`/api/practices/${scoring.decided.id}/eligibility-revision`).set(coordinator.auth).send({ eligible: false, reason: 'x' }).expect(409);
      expect(refused.body.code).toBe('scoring_opened');
      expect((await ds.query(`SELECT status FROM practice WHERE id = $1`, [scoring.decided.id]))[0].status).toBe('eligible');
    });
  });

  describe('stepping an edition back', () => {
    async function editionIn(stage: string) {
      const { edition, lublin, expert, decided } = await submittedReport(stage);
      const jurors = [await signedIn('juror', { editionId: edition.id }), await signedIn('juror', { editionId: edition.id })];
      return { edition, lublin, expert, decided, jurors };
    }

    it('moves juryScoring back to reportsOpen while no score exists, with a history row, an audit row and mail to jurors and experts', async () => {
      const { edition, expert, jurors } = await editionIn('juryScoring');
      const missing = await t.http.post(`/api/editions/${edition.id}/step-back`).set(coordinator.auth).send({ to: 'reportsOpen' }).expect(400);
      expect(fieldsAtFault(missing.body)).toEqual(['reason']);

      const res = await t.http.post(`/api/editions/${edition.id}/step-back`).set(coordinator.auth).send({ to: 'reportsOpen', reason: 'Ocena otwarta o dzień za wcześnie.' }).expect(200);
      expect(res.body.stage).toBe('reportsOpen');
      const history = (await t.http.get(`/api/editions/${edition.id}/transitions`).set(coordinator.auth).expect(200)).body.history;
      expect(history.at(-1)).toMatchObject({ from: 'juryScoring', to: 'reportsOpen', reason: 'Ocena otwarta o dzień za wcześnie.' });
      expect(await auditRows('edition.step_back', edition.id)).toEqual([
        expect.objectContaining({ details: expect.objectContaining({ from: 'juryScoring', to: 'reportsOpen', reason: 'Ocena otwarta o dzień za wcześnie.' }) }),
      ]);
      await deliveredTo('steppedBackToReports', ['editionId', edition.id], [expert.id, ...jurors.map((j) => j.id)]);

      // Only one stage back, and to the stage named: a second identical call is refused.
      expect((await t.http.post(`/api/editions/${edition.id}/step-back`).set(coordinator.auth).send({ to: 'reportsOpen', reason: 'again' }).expect(409)).body.code).toBe('invalid_step_back');
    });

    it('refuses reportsOpen ← juryScoring once a score exists (409 scores_exist)', async () => {
      const { edition, decided, jurors } = await editionIn('juryScoring');
      await ds.query(`UPDATE edition SET scoring_due_at = now() + interval '1 day' WHERE id = $1`, [edition.id]);
      await t.http.put(`/api/practices/${decided.id}/scores/mine`).set(jurors[0].auth).send({ criteria: uniform(4) }).expect(200);
      const res = await t.http.post(`/api/editions/${edition.id}/step-back`).set(coordinator.auth).send({ to: 'reportsOpen', reason: 'x' }).expect(409);
      expect(res.body.code).toBe('scores_exist');
      expect((await ds.query(`SELECT stage FROM edition WHERE id = $1`, [edition.id]))[0].stage).toBe('juryScoring');
    });

    it('moves deliberation back to juryScoring while no award exists and tells the jurors; refuses once one does (409 awards_exist)', async () => {
      const open = await editionIn('deliberation');
      await t.http.post(`/api/editions/${open.edition.id}/step-back`).set(coordinator.auth).send({ to: 'juryScoring', reason: 'Juror nie zdążył.' }).expect(200);
      await deliveredTo('steppedBackToScoring', ['editionId', open.edition.id], open.jurors.map((j) => j.id));

      const awarded = await editionIn('deliberation');
      await ds.query(`INSERT INTO award (edition_id, city_id) VALUES ($1, $2)`, [awarded.edition.id, awarded.lublin.id]);
      const res = await t.http.post(`/api/editions/${awarded.edition.id}/step-back`).set(coordinator.auth).send({ to: 'juryScoring', reason: 'x' }).expect(409);
      expect(res.body.code).toBe('awards_exist');
    });

    it('never moves back from decided or published, nor from reportsOpen (409 irreversible_stage / invalid_step_back)', async () => {
      for (const stage of ['decided', 'published']) {
        const edition = await makeEdition(ds, { stage });
        const res = await t.http.post(`/api/editions/${edition.id}/step-back`).set(coordinator.auth).send({ to: 'deliberation', reason: 'x' }).expect(409);
        expect(res.body.code).toBe('irreversible_stage');
      }
      const early = await makeEdition(ds, { stage: 'reportsOpen' });
      expect((await t.http.post(`/api/editions/${early.id}/step-back`).set(coordinator.auth).send({ to: 'draft', reason: 'x' }).expect(409)).body.code).toBe('invalid_step_back');
    });
  });

  describe('races', () => {
    it('a score and a step back sent together: exactly one wins, and no score is left in reportsOpen', async () => {
      for (let round = 0; round < 3; round++) {
        const { edition, decided } = await submittedReport('juryScoring');
        const juror = await signedIn('juror', { editionId: edition.id });
        const [score, back] = await Promise.all([
          t.http.put(`/api/practices/${decided.id}/scores/mine`).set(juror.auth).send({ criteria: uniform(3) }),
          t.http.post(`/api/editions/${edition.id}/step-back`).set(coordinator.auth).send({ to: 'reportsOpen', reason: 'race' }),
        ]);
        const [{ stage }] = await ds.query(`SELECT stage FROM edition WHERE id = $1`, [edition.id]);
        const [{ scores }] = await ds.query(`SELECT count(*)::int AS scores FROM score WHERE edition_id = $1`, [edition.id]);
        if (back.status === 200) {
          expect([score.status, score.body.code, stage, scores]).toEqual([409, 'wrong_stage', 'reportsOpen', 0]);
        } else {
          expect([back.status, back.body.code, score.status, stage, scores]).toEqual([409, 'scores_exist', 200, 'juryScoring', 1]);
        }
      }
    });

    it('two reopenings of one report: one succeeds, the other is refused, one audit row', async () => {
      const { report } = await submittedReport();
      const answers = await Promise.all([1, 2].map((n) => t.http.post(`/api/reports/${report.id}/reopen`).set(coordinator.auth).send({ reason: `Powód ${n}` })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.code).toBe('report_not_submitted');
      expect(await auditRows('report.reopen', report.id)).toHaveLength(1);
    });
  });

  describe('deadline extensions', () => {
    it('lets one juror score after the edition’s deadline while the others are still refused', async () => {
      const edition = await makeEdition(ds, { stage: 'juryScoring', scoringDueAt: new Date(Date.now() + DAY) });
      const lublin = await makeCity(ds, `Lublin ${edition.year}`);
      const report = await makeReport(ds, edition.id, lublin.id, 'submitted');
      const practice = await makePractice(ds, report.id, { status: 'eligible' });
      const late = await signedIn('juror', { editionId: edition.id });
      const onTime = await signedIn('juror', { editionId: edition.id });
      const dueAt = new Date(Date.now() + 3 * DAY).toISOString();

      const bad = await t.http.put(`/api/editions/${edition.id}/jurors/${late.grantId}/extension`).set(coordinator.auth).send({ dueAt: new Date(Date.now() - DAY).toISOString(), reason: 'x' }).expect(400);
      expect(fieldsAtFault(bad.body)).toEqual(['dueAt']);
      const noReason = await t.http.put(`/api/editions/${edition.id}/jurors/${late.grantId}/extension`).set(coordinator.auth).send({ dueAt }).expect(400);
      expect(fieldsAtFault(noReason.body)).toEqual(['reason']);
      await t.http.put(`/api/editions/${edition.id}/jurors/${late.grantId}/extension`).set(late.auth).send({ dueAt, reason: 'x' }).expect(403);

      const res = await t.http.put(`/api/editions/${edition.id}/jurors/${late.grantId}/extension`).set(coordinator.auth).send({ dueAt, reason: 'Choroba.' }).expect(200);
      expect(res.body).toMatchObject({ userId: late.id, extendedDueAt: dueAt, extensionReason: 'Choroba.' });
      const listed = (await t.http.get(`/api/editions/${edition.id}/jurors`).set(coordinator.auth).expect(200)).body as { userId: string; extendedDueAt: string | null }[];
      expect(listed.find((j) => j.userId === late.id)!.extendedDueAt).toBe(dueAt);
      expect(listed.find((j) => j.userId === onTime.id)!.extendedDueAt).toBeNull();

      await ds.query(`UPDATE edition SET scoring_due_at = now() - interval '1 minute' WHERE id = $1`, [edition.id]);
      await t.http.put(`/api/practices/${practice.id}/scores/mine`).set(late.auth).send({ criteria: uniform(5) }).expect(200);
      const refused = await t.http.put(`/api/practices/${practice.id}/scores/mine`).set(onTime.auth).send({ criteria: uniform(5) }).expect(409);
      expect(refused.body.code).toBe('deadline_passed');
      expect((await t.http.get(`/api/editions/${edition.id}/ballot`).set(late.auth).expect(200)).body.myScoringDueAt).toBe(dueAt);
      expect((await t.http.get(`/api/editions/${edition.id}/ballot`).set(onTime.auth).expect(200)).body.myScoringDueAt).toBe(
        (await ds.query(`SELECT scoring_due_at FROM edition WHERE id = $1`, [edition.id]))[0].scoring_due_at.toISOString(),
      );

      expect(await auditRows('grant.deadline_extended', late.grantId)).toEqual([expect.objectContaining({ details: expect.objectContaining({ dueAt, reason: 'Choroba.', kind: 'scoring' }) })]);
      await deliveredTo('scoringDeadlineExtended', ['editionId', edition.id], [late.id]);

      // Once the extension runs out the late juror is refused too.
      await ds.query(`UPDATE role_grant SET extended_due_at = now() - interval '1 second' WHERE id = $1`, [late.grantId]);
      expect((await t.http.put(`/api/practices/${practice.id}/scores/mine`).set(late.auth).send({ criteria: uniform(4) }).expect(409)).body.code).toBe('deadline_passed');
    });

    it('lets one expert write and submit after the reports deadline while the others are still refused', async () => {
      const edition = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: new Date(Date.now() + DAY) });
      const category = await makeCategory(ds, edition.id);
      const lublin = await makeCity(ds, `Lublin ${edition.year}`);
      const krakow = await makeCity(ds, `Kraków ${edition.year}`);
      const late = await signedIn('expert', { editionId: edition.id, cityId: lublin.id });
      const onTime = await signedIn('expert', { editionId: edition.id, cityId: krakow.id });
      const lateReport = (await t.http.post(`/api/editions/${edition.id}/reports`).set(late.auth).send({ cityId: lublin.id }).expect(201)).body;
      const onTimeReport = (await t.http.post(`/api/editions/${edition.id}/reports`).set(onTime.auth).send({ cityId: krakow.id }).expect(201)).body;
      const dueAt = new Date(Date.now() + 2 * DAY).toISOString();
      await t.http.put(`/api/editions/${edition.id}/experts/${late.grantId}/extension`).set(coordinator.auth).send({ dueAt, reason: 'Powódź w mieście.' }).expect(200);

      await ds.query(`UPDATE edition SET reports_due_at = now() - interval '1 minute' WHERE id = $1`, [edition.id]);
      const practice = { title: 'Praktyka', description: 'Opis.', recipientUnits: [], categoryIds: [category.id] };
      await t.http.post(`/api/reports/${lateReport.id}/practices`).set(late.auth).send(practice).expect(201);
      await t.http.patch(`/api/reports/${lateReport.id}`).set(late.auth).send({ summary: 'Spóźniony, za zgodą.' }).expect(200);
      await t.http.post(`/api/reports/${lateReport.id}/submit`).set(late.auth).expect(200);

      const refused = await t.http.post(`/api/reports/${onTimeReport.id}/practices`).set(onTime.auth).send(practice).expect(409);
      expect(refused.body.code).toBe('deadline_passed');
      expect((await t.http.post(`/api/reports/${onTimeReport.id}/submit`).set(onTime.auth).expect(409)).body.code).toBe('deadline_passed');

      const mine = (await t.http.get('/api/me/reports').set(late.auth).expect(200)).body;
      expect(mine[0]).toMatchObject({ extendedDueAt: dueAt });
      expect(await auditRows('grant.deadline_extended', late.grantId)).toHaveLength(1);
      await deliveredTo('reportsDeadlineExtended', ['editionId', edition.id], [late.id]);
    });

    it('refuses an extension once its stage is over (409 deadline_locked) and one before the edition’s deadline (400 dueAt)', async () => {
      const edition = await makeEdition(ds, { stage: 'deliberation', reportsDueAt: new Date(Date.now() + DAY) });
      const juror = await signedIn('juror', { editionId: edition.id });
      const res = await t.http.put(`/api/editions/${edition.id}/jurors/${juror.grantId}/extension`).set(coordinator.auth)
        .send({ dueAt: new Date(Date.now() + DAY).toISOString(), reason: 'x' }).expect(409);
      expect(res.body.code).toBe('deadline_locked');

      const open = await makeEdition(ds, { stage: 'reportsOpen', reportsDueAt: new Date(Date.now() + 5 * DAY) });
      const lublin = await makeCity(ds, `Lublin ${open.year}`);
      const expert = await signedIn('expert', { editionId: open.id, cityId: lublin.id });
      const early = await t.http.put(`/api/editions/${open.id}/experts/${expert.grantId}/extension`).set(coordinator.auth)
        .send({ dueAt: new Date(Date.now() + DAY).toISOString(), reason: 'x' }).expect(400);
      expect(fieldsAtFault(early.body)).toEqual(['dueAt']);
      // A juror's assignment is not an expert's: 404.
      await t.http.put(`/api/editions/${open.id}/jurors/${expert.grantId}/extension`).set(coordinator.auth)
        .send({ dueAt: new Date(Date.now() + 9 * DAY).toISOString(), reason: 'x' }).expect(404);
    });
  });
});
