// Deliberation per practice (issue 19): the thread of comments on a practice is for the jurors and
// the coordinator from stage deliberation on, hidden from a juror conflicted with the practice
// (declared or tied to its city, the one conflict definition), read-only once decided, refused to
// experts and officials; notes link to a practice or an award of the edition; the recorded vote on
// an award refuses conflicted jurors, hides the others' choices from jurors until it is closed, and
// its result is in the jury's protocol (read back with pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { binaryBody, createTestApp, grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, SignedIn, signIn, TestApp } from '@app/testing';

describe('deliberation per practice', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  const c = () => coordinator.auth;
  const setStage = (editionId: string, stage: string) => ds.query(`UPDATE edition SET stage = $2 WHERE id = $1`, [editionId, stage]);

  async function juror(editionId: string, name: string, cityId?: string): Promise<SignedIn & { id: string }> {
    const user = await makeUser(ds, { name });
    await grantRole(ds, user.id, 'juror', { editionId, cityId });
    return { id: user.id, ...(await signIn(t.http, user.email)) };
  }

  /** An edition in juryScoring with a Lublin practice and a Gdańsk one before the jury, and every kind of reader. */
  async function world() {
    const edition = await makeEdition(ds, { stage: 'juryScoring' });
    const lublin = await makeCity(ds, `Lublin ${edition.year}`);
    const gdansk = await makeCity(ds, `Gdańsk ${edition.year}`);
    const category = await makeCategory(ds, edition.id);
    const lublinReport = await makeReport(ds, edition.id, lublin.id, 'submitted');
    const gdanskReport = await makeReport(ds, edition.id, gdansk.id, 'submitted');
    const practice = await makePractice(ds, lublinReport.id, { status: 'eligible', categoryIds: [category.id], title: 'Punkt obsługi cudzoziemców' });
    const other = await makePractice(ds, gdanskReport.id, { status: 'eligible', categoryIds: [category.id], title: 'Gdańska rada imigrantów' });
    const free = await juror(edition.id, 'Anna Wolna');
    const second = await juror(edition.id, 'Bogdan Drugi');
    const tied = await juror(edition.id, 'Cyryl Lubelski', lublin.id);
    const declared = await juror(edition.id, 'Dorota Zgłoszona');
    await ds.query(`INSERT INTO conflict_of_interest (edition_id, practice_id, juror_id, reason) VALUES ($1, $2, $3, 'Pracowałam w tym urzędzie')`, [edition.id, practice.id, declared.id]);
    const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: edition.id, cityId: lublin.id });
    const official = await makeSignedInUser(ds, t.http, 'cityOfficial', { cityId: lublin.id });
    return { edition, lublin, gdansk, category, practice, other, free, second, tied, declared, expert, official };
  }

  const thread = (practiceId: string, who: SignedIn) => t.http.get(`/api/practices/${practiceId}/comments`).set(who.auth);
  const post = (practiceId: string, who: SignedIn, body: string) => t.http.post(`/api/practices/${practiceId}/comments`).set(who.auth).send({ body });

  it('opens the thread only from deliberation on, hides it from conflicted jurors, refuses experts and officials, and is read-only once decided', async () => {
    const w = await world();
    // Before deliberation: jurors are refused, and nobody can write.
    await thread(w.practice.id, w.free).expect(403);
    await post(w.practice.id, w.free, 'Za wcześnie').expect(403);
    expect((await post(w.practice.id, coordinator, 'Za wcześnie').expect(409)).body.code).toBe('wrong_stage');

    await setStage(w.edition.id, 'deliberation');
    const first = (await post(w.practice.id, w.free, '  Praktyka dobrze udokumentowana.  ').expect(201)).body;
    expect(first).toMatchObject({ body: 'Praktyka dobrze udokumentowana.', authorName: 'Anna Wolna', authorRole: 'juror', editedAt: null });
    await post(w.practice.id, coordinator, 'Proszę o opinie o trwałości.').expect(201);
    const seen = (await thread(w.practice.id, w.second).expect(200)).body;
    expect(seen).toMatchObject({ practiceTitle: 'Punkt obsługi cudzoziemców', writable: true });
    expect(seen.comments.map((comment: { body: string; authorRole: string }) => [comment.body, comment.authorRole])).toEqual([
      ['Praktyka dobrze udokumentowana.', 'juror'],
      ['Proszę o opinie o trwałości.', 'coordinator'],
    ]);

    // Conflicted jurors: tied to the city, or a declared conflict: hidden, and neither read nor written.
    for (const conflicted of [w.tied, w.declared]) {
      await thread(w.practice.id, conflicted).expect(404);
      await post(w.practice.id, conflicted, 'Nie powinnam').expect(404);
      await t.http.patch(`/api/comments/${first.id}`).set(conflicted.auth).send({ body: 'Zmiana' }).expect(404);
      await t.http.delete(`/api/comments/${first.id}`).set(conflicted.auth).expect(404);
      // Not listed either: a note linked to the practice is left out of their notes.
    }
    // The declared conflict is on the Lublin practice only: the Gdańsk thread is theirs.
    await thread(w.other.id, w.declared).expect(200);
    await thread(w.other.id, w.tied).expect(200);
    // Experts and officials never see it.
    for (const outsider of [w.expert, w.official]) {
      await thread(w.practice.id, outsider).expect(403);
      await post(w.practice.id, outsider, 'Nie').expect(403);
      await t.http.patch(`/api/comments/${first.id}`).set(outsider.auth).send({ body: 'Nie' }).expect(403);
    }
    await t.http.get(`/api/practices/${w.practice.id}/comments`).expect(401);

    // Only the author changes or removes a comment; the body is length-limited.
    await t.http.patch(`/api/comments/${first.id}`).set(w.second.auth).send({ body: 'Cudza zmiana' }).expect(403);
    await t.http.delete(`/api/comments/${first.id}`).set(coordinator.auth).expect(403);
    const tooLong = await t.http.patch(`/api/comments/${first.id}`).set(w.free.auth).send({ body: 'x'.repeat(4001) }).expect(400);
    expect(JSON.stringify(tooLong.body)).toContain('body');
    expect((await post(w.practice.id, w.free, '   ').expect(400)).body.message).toContain('body');
    const edited = (await t.http.patch(`/api/comments/${first.id}`).set(w.free.auth).send({ body: 'Dobrze udokumentowana i trwała.' }).expect(200)).body;
    expect(edited.editedAt).not.toBeNull();
    const extra = (await post(w.practice.id, w.free, 'Do usunięcia').expect(201)).body;
    await t.http.delete(`/api/comments/${extra.id}`).set(w.free.auth).expect(204);
    const [audited] = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'practice.comment.%' AND details->>'practiceId' = $1`, [w.practice.id]);
    expect(audited.n).toBe(5);
    // The author's own data export holds their comments.
    const mine = (await t.http.get('/api/me/data').set(w.free.auth).expect(200)).body;
    expect(mine.practiceComments.map((comment: { body: string }) => comment.body)).toEqual(['Dobrze udokumentowana i trwała.']);

    // Decided: read-only for everybody.
    await setStage(w.edition.id, 'decided');
    const after = (await thread(w.practice.id, w.free).expect(200)).body;
    expect(after.writable).toBe(false);
    expect(after.comments.map((comment: { body: string }) => comment.body)).toEqual(['Dobrze udokumentowana i trwała.', 'Proszę o opinie o trwałości.']);
    expect((await post(w.practice.id, w.free, 'Po decyzji').expect(409)).body.code).toBe('wrong_stage');
    expect((await t.http.patch(`/api/comments/${first.id}`).set(w.free.auth).send({ body: 'Po decyzji' }).expect(409)).body.code).toBe('wrong_stage');
    await t.http.delete(`/api/comments/${first.id}`).set(w.free.auth).expect(409);
    await thread(w.practice.id, w.tied).expect(404);
  });

  it('links notes to a practice or an award of the edition, shown on both sides and never to a conflicted juror', async () => {
    const w = await world();
    await setStage(w.edition.id, 'deliberation');
    const award = (await t.http.post(`/api/editions/${w.edition.id}/awards`).set(c())
      .send({ cityId: w.lublin.id, recipientUnit: 'Biuro Obsługi Mieszkańców', categoryIds: [w.category.id], practiceIds: [w.practice.id] }).expect(201)).body;
    const notes = (who: SignedIn) => t.http.get(`/api/editions/${w.edition.id}/deliberation-notes`).set(who.auth).expect(200).then((res) => res.body as { text: string; practiceId: string | null; practiceTitle: string | null; awardId: string | null; awardLabel: string | null }[]);
    const add = (who: SignedIn, body: Record<string, unknown>) => t.http.post(`/api/editions/${w.edition.id}/deliberation-notes`).set(who.auth).send(body);

    const onPractice = (await add(w.free, { text: 'O punkcie', practiceId: w.practice.id }).expect(201)).body;
    expect(onPractice).toMatchObject({ practiceId: w.practice.id, practiceTitle: 'Punkt obsługi cudzoziemców', awardId: null });
    await add(coordinator, { text: 'Do wyróżnienia', awardId: award.id }).expect(201);
    await add(coordinator, { text: 'Ogólna' }).expect(201);

    // Refused links: another edition's practice or award, both at once, a practice the author is conflicted with.
    const elsewhere = await world();
    expect((await add(coordinator, { text: 'x', practiceId: elsewhere.practice.id }).expect(400)).body.details[0].field).toBe('practiceId');
    const foreignAward = await ds.query(`INSERT INTO award (edition_id, city_id) VALUES ($1, $2) RETURNING id`, [elsewhere.edition.id, elsewhere.lublin.id]);
    expect((await add(coordinator, { text: 'x', awardId: foreignAward[0].id }).expect(400)).body.details[0].field).toBe('awardId');
    expect((await add(coordinator, { text: 'x', practiceId: w.practice.id, awardId: award.id }).expect(400)).body.details[0].field).toBe('awardId');
    expect((await add(w.tied, { text: 'x', practiceId: w.practice.id }).expect(400)).body.details[0].field).toBe('practiceId');
    expect((await add(w.free, { text: 'x', practiceId: 'nie-uuid' }).expect(400)).body.details[0].field).toBe('practiceId');

    const all = await notes(w.free);
    expect(all.map((note) => [note.text, note.practiceTitle, note.awardLabel])).toEqual([
      ['O punkcie', 'Punkt obsługi cudzoziemców', null],
      ['Do wyróżnienia', null, 'Biuro Obsługi Mieszkańców'],
      ['Ogólna', null, null],
    ]);
    // The conflicted jurors' lists leave out the notes on the practice and on the award covering it.
    for (const conflicted of [w.tied, w.declared]) expect((await notes(conflicted)).map((note) => note.text)).toEqual(['Ogólna']);
    // The practice's thread shows its notes.
    expect((await thread(w.practice.id, w.second).expect(200)).body.notes.map((note: { text: string }) => note.text)).toEqual(['O punkcie']);
  });

  it('records a vote on an award: conflicted jurors refused, choices hidden from jurors until closed, the result in the protocol', async () => {
    const w = await world();
    await setStage(w.edition.id, 'deliberation');
    const award = (await t.http.post(`/api/editions/${w.edition.id}/awards`).set(c())
      .send({ cityId: w.lublin.id, recipientUnit: 'Biuro Obsługi Mieszkańców', categoryIds: [w.category.id], practiceIds: [w.practice.id] }).expect(201)).body;
    const votes = `/api/awards/${award.id}/votes`;
    const cast = (who: SignedIn, choice: string) => t.http.put(`${votes}/mine`).set(who.auth).send({ choice });

    expect((await t.http.get(votes).set(w.free.auth).expect(200)).body).toMatchObject({ status: 'none', accepting: false, eligible: 2 });
    expect((await cast(w.free, 'for').expect(409)).body.code).toBe('vote_not_open');
    await t.http.post(votes).set(w.free.auth).send({ action: 'open' }).expect(403);
    expect((await t.http.post(votes).set(c()).send({ action: 'start' }).expect(400)).body.details[0].field).toBe('action');
    await t.http.post(votes).set(c()).send({ action: 'open' }).expect(200);
    expect((await t.http.post(votes).set(c()).send({ action: 'open' }).expect(409)).body.code).toBe('vote_exists');

    expect((await cast(w.free, 'maybe').expect(400)).body.details[0].field).toBe('choice');
    await cast(w.free, 'against').expect(200);
    const changed = (await cast(w.free, 'for').expect(200)).body;
    expect(changed).toMatchObject({ status: 'open', mine: 'for', cast: 1, counts: null, votes: null });
    await cast(w.second, 'abstain').expect(200);
    // Conflicted with the award (its city; a declared conflict with its practice): hidden and refused.
    for (const conflicted of [w.tied, w.declared]) {
      await cast(conflicted, 'against').expect(404);
      await t.http.get(votes).set(conflicted.auth).expect(404);
    }
    await cast(w.expert, 'for').expect(403);
    await t.http.get(votes).set(w.official.auth).expect(403);
    await cast(coordinator, 'for').expect(403);
    // While open, a juror sees their own choice and how many voted, not the others' choices; the coordinator sees all.
    const whileOpen = (await t.http.get(votes).set(w.second.auth).expect(200)).body;
    expect(whileOpen).toMatchObject({ mine: 'abstain', cast: 2, eligible: 2, counts: null, votes: null });
    expect((await t.http.get(votes).set(c()).expect(200)).body.counts).toEqual({ for: 1, against: 0, abstain: 1 });

    await t.http.post(votes).set(c()).send({ action: 'close' }).expect(200);
    expect((await t.http.post(votes).set(c()).send({ action: 'close' }).expect(409)).body.code).toBe('vote_not_open');
    expect((await cast(w.free, 'against').expect(409)).body.code).toBe('vote_not_open');
    const closed = (await t.http.get(votes).set(w.second.auth).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', accepting: false, counts: { for: 1, against: 0, abstain: 1 } });
    expect(closed.votes.map((vote: { jurorName: string; choice: string }) => [vote.jurorName, vote.choice])).toEqual([['Anna Wolna', 'for'], ['Bogdan Drugi', 'abstain']]);
    const [audited] = await ds.query(`SELECT array_agg(action ORDER BY id) AS actions FROM audit_event WHERE object_id = $1 AND action LIKE 'award.vote.%'`, [award.id]);
    expect(audited.actions).toEqual(['award.vote.open', 'award.vote.cast', 'award.vote.cast', 'award.vote.cast', 'award.vote.close']);
    expect((await t.http.get('/api/me/data').set(w.free.auth).expect(200)).body.awardVotes).toEqual([expect.objectContaining({ awardId: award.id, choice: 'for' })]);

    const pdf = await t.http.get(`/api/editions/${w.edition.id}/protocol.pdf`).set(c()).buffer(true).parse(binaryBody).expect(200);
    const scratch = mkdtempSync(join(tmpdir(), 'deliberation-'));
    writeFileSync(join(scratch, 'protocol.pdf'), pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(scratch, 'protocol.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Głosowanie jury (zamknięte');
    expect(text).toContain('za 1, przeciw 0, wstrzymujących się 1.');
    expect(text).toContain('za: Anna Wolna');
    expect(text).toContain('wstrzymujący się: Bogdan Drugi');

    // Once decided, nothing moves.
    await setStage(w.edition.id, 'decided');
    expect((await t.http.post(votes).set(c()).send({ action: 'open' }).expect(409)).body.code).toBe('wrong_stage');
  });

  it('keeps the vote closed to jurors before deliberation', async () => {
    const w = await world();
    const [{ id: awardId }] = await ds.query(`INSERT INTO award (edition_id, city_id) VALUES ($1, $2) RETURNING id`, [w.edition.id, w.gdansk.id]);
    await t.http.get(`/api/awards/${awardId}/votes`).set(w.free.auth).expect(403);
    await t.http.put(`/api/awards/${awardId}/votes/mine`).set(w.free.auth).send({ choice: 'for' }).expect(403);
    expect((await t.http.post(`/api/awards/${awardId}/votes`).set(c()).send({ action: 'open' }).expect(409)).body.code).toBe('wrong_stage');
  });
});
