// Panels and practice assignment (issue 19, optional per edition): once an edition assigns
// practices, a juror's ballot, progress, score writes and so the results follow the assignment;
// an edition without assignment keeps the default; changes stop when scoring closes and never take
// a practice from a juror who scored it; the balanced proposal respects conflicts and load.
import { DataSource } from 'typeorm';
import { createTestApp, grantRole, makeCity, makeEdition, makePractice, makeReport, makeSignedInUser, makeUser, signIn, SignedIn, TestApp } from '@app/testing';

const uniform = (v: number) => ({ comprehensiveness: v, longTerm: v, governmentEngagement: v, effectiveness: v });
type Juror = SignedIn & { id: string };

describe('jury panels and assignment', () => {
  let t: TestApp;
  let ds: DataSource;
  let coordinator: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    coordinator = await makeSignedInUser(ds, t.http, 'coordinator');
  });
  afterAll(() => t.close());

  async function juror(editionId: string, cityId: string | null, name: string): Promise<Juror> {
    const user = await makeUser(ds, { name });
    await grantRole(ds, user.id, 'juror', { editionId, ...(cityId ? { cityId } : {}) });
    return { id: user.id, ...(await signIn(t.http, user.email)) };
  }

  /** Lublin and Kraków with two eligible practices each, in juryScoring; jurors: one tied to Lublin, one to Kraków, two without ties. */
  async function scoringEdition() {
    const edition = await makeEdition(ds, { stage: 'juryScoring', scoringDueAt: new Date(Date.now() + 86_400_000) });
    const lublin = await makeCity(ds, `Lublin ${edition.year}`);
    const krakow = await makeCity(ds, `Kraków ${edition.year}`);
    const practices: Record<string, string> = {};
    for (const [city, keys] of [[lublin, ['lublin1', 'lublin2']], [krakow, ['krakow1', 'krakow2']]] as const) {
      const report = await makeReport(ds, edition.id, city.id, 'submitted');
      for (const key of keys) practices[key] = (await makePractice(ds, report.id, { title: key, status: 'eligible' })).id;
    }
    const jurors = {
      ofLublin: await juror(edition.id, lublin.id, 'A of Lublin'),
      ofKrakow: await juror(edition.id, krakow.id, 'B of Kraków'),
      plain1: await juror(edition.id, null, 'C plain'),
      plain2: await juror(edition.id, null, 'D plain'),
    };
    return { edition, practices, jurors, title: (id: string) => Object.entries(practices).find(([, v]) => v === id)![0] };
  }

  const ballot = async (editionId: string, who: SignedIn) =>
    ((await t.http.get(`/api/editions/${editionId}/ballot`).set(who.auth).expect(200)).body as { items: { practice: { title: string } }[]; progress: { total: number }; byAssignment: boolean });
  const ballotTitles = async (editionId: string, who: SignedIn) => (await ballot(editionId, who)).items.map((item) => item.practice.title).sort();
  const score = (who: SignedIn, practiceId: string, v: number) => t.http.put(`/api/practices/${practiceId}/scores/mine`).set(who.auth).send({ criteria: uniform(v) });
  const createPanel = async (editionId: string, name: string, members: string[]) => {
    const panel = (await t.http.post(`/api/editions/${editionId}/panels`).set(coordinator.auth).send({ name }).expect(201)).body;
    return (await t.http.put(`/api/editions/${editionId}/panels/${panel.id}/members`).set(coordinator.auth).send({ jurorIds: members }).expect(200)).body as { id: string; members: { jurorId: string }[] };
  };
  const putAssignments = (editionId: string, items: { practiceId: string; panelIds?: string[]; jurorIds?: string[] }[]) =>
    t.http.put(`/api/editions/${editionId}/assignments`).set(coordinator.auth).send({ items: items.map((i) => ({ panelIds: [], jurorIds: [], ...i })) });

  it('an edition without assignment keeps the default: every juror scores every practice outside their conflicts', async () => {
    const e = await scoringEdition();
    await createPanel(e.edition.id, 'Panel A', [e.jurors.plain1.id]);
    const view = (await t.http.get(`/api/editions/${e.edition.id}/assignments`).set(coordinator.auth).expect(200)).body;
    expect(view).toMatchObject({ assigns: false, editable: true });
    expect(view.items.map((i: { title: string }) => i.title)).toEqual(['krakow1', 'krakow2', 'lublin1', 'lublin2']);
    expect(await ballotTitles(e.edition.id, e.jurors.plain1)).toEqual(['krakow1', 'krakow2', 'lublin1', 'lublin2']);
    expect(await ballotTitles(e.edition.id, e.jurors.ofLublin)).toEqual(['krakow1', 'krakow2']);
    expect((await ballot(e.edition.id, e.jurors.plain1)).byAssignment).toBe(false);
    await score(e.jurors.plain2, e.practices.krakow1, 4).expect(200);
    // A proposal saves nothing.
    await t.http.post(`/api/editions/${e.edition.id}/assignments/suggestion`).set(coordinator.auth).send({ jurorsPerPractice: 1 }).expect(200);
    expect(await ballotTitles(e.edition.id, e.jurors.plain1)).toEqual(['krakow1', 'krakow2', 'lublin1', 'lublin2']);
    const progress = (await t.http.get(`/api/editions/${e.edition.id}/jury-progress`).set(coordinator.auth).expect(200)).body;
    expect(progress.map((p: { name: string; total: number }) => [p.name, p.total])).toEqual([['A of Lublin', 2], ['B of Kraków', 2], ['C plain', 4], ['D plain', 4]]);
  });

  it('panels and direct assignments change ballots, progress, score writes and results', async () => {
    const e = await scoringEdition();
    const { ofLublin, ofKrakow, plain1, plain2 } = e.jurors;
    const panelA = await createPanel(e.edition.id, 'Panel A', [plain1.id, ofKrakow.id]);
    const panelB = await createPanel(e.edition.id, 'Panel B', [plain2.id, ofLublin.id]);
    // A juror is never given directly a practice they are conflicted with.
    const clash = await putAssignments(e.edition.id, [{ practiceId: e.practices.lublin1, jurorIds: [ofLublin.id] }]).expect(409);
    expect(clash.body).toMatchObject({ code: 'assignment_conflicted' });
    const view = (
      await putAssignments(e.edition.id, [
        { practiceId: e.practices.lublin1, panelIds: [panelA.id] },
        { practiceId: e.practices.lublin2, panelIds: [panelA.id], jurorIds: [plain2.id] },
        { practiceId: e.practices.krakow1, panelIds: [panelB.id] },
        { practiceId: e.practices.krakow2, panelIds: [panelB.id] },
      ]).expect(200)
    ).body;
    expect(view.assigns).toBe(true);
    expect(view.loads.map((l: { name: string; practices: number }) => [l.name, l.practices])).toEqual([['A of Lublin', 2], ['B of Kraków', 2], ['C plain', 2], ['D plain', 3]]);

    expect(await ballotTitles(e.edition.id, plain1)).toEqual(['lublin1', 'lublin2']);
    expect(await ballotTitles(e.edition.id, plain2)).toEqual(['krakow1', 'krakow2', 'lublin2']);
    expect(await ballotTitles(e.edition.id, ofLublin)).toEqual(['krakow1', 'krakow2']);
    expect(await ballotTitles(e.edition.id, ofKrakow)).toEqual(['lublin1', 'lublin2']);

    // An unassigned practice cannot be scored, through the one statement; an assigned one can.
    const refused = await score(plain1, e.practices.krakow1, 5).expect(403);
    expect(refused.body).toMatchObject({ code: 'not_assigned' });
    expect(await ds.query(`SELECT 1 FROM score WHERE juror_id = $1`, [plain1.id])).toHaveLength(0);
    await score(plain1, e.practices.lublin1, 4).expect(200);
    await score(plain1, e.practices.lublin2, 3).expect(200);
    await score(ofKrakow, e.practices.lublin1, 2).expect(200);
    await score(plain2, e.practices.lublin2, 5).expect(200);
    await score(plain2, e.practices.krakow1, 5).expect(200);
    await score(ofLublin, e.practices.krakow1, 3).expect(200);

    const progress = (await t.http.get(`/api/editions/${e.edition.id}/jury-progress`).set(coordinator.auth).expect(200)).body;
    expect(progress.map((p: { name: string; scored: number; total: number }) => [p.name, p.scored, p.total])).toEqual([
      ['A of Lublin', 1, 2],
      ['B of Kraków', 1, 2],
      ['C plain', 2, 2],
      ['D plain', 2, 3],
    ]);
    expect(await ballot(e.edition.id, plain1)).toMatchObject({ progress: { scored: 2, total: 2 }, byAssignment: true });

    // Results and agreement use the scores that exist: each practice its own assigned jurors.
    await ds.query(`UPDATE edition SET stage = 'deliberation' WHERE id = $1`, [e.edition.id]);
    const results = (await t.http.get(`/api/editions/${e.edition.id}/results?method=mean`).set(coordinator.auth).expect(200)).body;
    expect(results.items.map((i: { title: string; score: number | null; n: number }) => [i.title, i.score, i.n])).toEqual([
      ['krakow1', 4, 2],
      ['lublin2', 4, 2],
      ['lublin1', 3, 2],
      ['krakow2', null, 0],
    ]);
    for (const method of ['median', 'zscore', 'borda']) {
      const other = (await t.http.get(`/api/editions/${e.edition.id}/results?method=${method}`).set(coordinator.auth).expect(200)).body;
      expect(other.items.map((i: { n: number }) => i.n).sort()).toEqual([0, 2, 2, 2]);
    }
    const agreement = (await t.http.get(`/api/editions/${e.edition.id}/agreement`).set(coordinator.auth).expect(200)).body;
    expect(agreement).toMatchObject({ jurors: 4, practices: 3 });
    expect(Number.isFinite(agreement.overall.alpha)).toBe(true);
  });

  it('an assignment a juror has scored under cannot be removed, and nothing changes once scoring closes', async () => {
    const e = await scoringEdition();
    const { plain1, plain2 } = e.jurors;
    const panel = await createPanel(e.edition.id, 'Panel A', [plain1.id, plain2.id]);
    const all = Object.values(e.practices).map((practiceId) => ({ practiceId, panelIds: [panel.id] }));
    await putAssignments(e.edition.id, all).expect(200);
    await score(plain1, e.practices.lublin1, 4).expect(200);

    const moved = await putAssignments(e.edition.id, all.filter((a) => a.practiceId !== e.practices.lublin1)).expect(409);
    expect(moved.body).toMatchObject({ code: 'assignment_has_scores' });
    expect((await t.http.put(`/api/editions/${e.edition.id}/panels/${panel.id}/members`).set(coordinator.auth).send({ jurorIds: [plain2.id] }).expect(409)).body.code).toBe('assignment_has_scores');
    expect((await t.http.delete(`/api/editions/${e.edition.id}/panels/${panel.id}`).set(coordinator.auth).expect(409)).body.code).toBe('assignment_has_scores');
    // Back to the default (everyone scores everything) keeps every score assigned: allowed.
    expect((await putAssignments(e.edition.id, []).expect(200)).body.assigns).toBe(false);
    // Moving plain2 out of the panel is fine while plain2 scored nothing.
    await putAssignments(e.edition.id, all).expect(200);
    await t.http.put(`/api/editions/${e.edition.id}/panels/${panel.id}/members`).set(coordinator.auth).send({ jurorIds: [plain1.id] }).expect(200);
    expect(await ballotTitles(e.edition.id, plain2)).toEqual([]);
    await score(plain2, e.practices.lublin1, 4).expect(403);

    const changes = await ds.query(`SELECT action FROM audit_event WHERE object_id = $1 AND action LIKE 'jury.%' ORDER BY id`, [e.edition.id]);
    expect(changes.map((c: { action: string }) => c.action)).toEqual([
      'jury.panel_created',
      'jury.panel_members_set',
      'jury.assignments_set',
      'jury.assignments_set',
      'jury.assignments_set',
      'jury.panel_members_set',
    ]);

    await ds.query(`UPDATE edition SET scoring_due_at = now() - interval '1 minute' WHERE id = $1`, [e.edition.id]);
    expect((await putAssignments(e.edition.id, all).expect(409)).body.code).toBe('scoring_closed');
    expect((await t.http.post(`/api/editions/${e.edition.id}/panels`).set(coordinator.auth).send({ name: 'Late' }).expect(409)).body.code).toBe('scoring_closed');
    expect((await t.http.get(`/api/editions/${e.edition.id}/assignments`).set(coordinator.auth).expect(200)).body.editable).toBe(false);
  });

  it('refuses bad input naming the field', async () => {
    const e = await scoringEdition();
    const other = await scoringEdition();
    const outsider = await makeUser(ds);
    await createPanel(e.edition.id, 'Panel A', []);
    expect((await t.http.post(`/api/editions/${e.edition.id}/panels`).set(coordinator.auth).send({ name: 'Panel A' }).expect(409)).body.code).toBe('panel_name_taken');
    expect((await t.http.post(`/api/editions/${e.edition.id}/panels`).set(coordinator.auth).send({ name: '' }).expect(400)).body.message).toMatch(/name/);
    const panel = (await t.http.post(`/api/editions/${e.edition.id}/panels`).set(coordinator.auth).send({ name: 'Panel B' }).expect(201)).body;
    expect((await t.http.put(`/api/editions/${e.edition.id}/panels/${panel.id}/members`).set(coordinator.auth).send({ jurorIds: [outsider.id] }).expect(400)).body.message).toMatch(/jurorIds/);
    expect((await t.http.put(`/api/editions/${other.edition.id}/panels/${panel.id}/members`).set(coordinator.auth).send({ jurorIds: [] }).expect(404)).body.code).toBe('not_found');
    const foreign = await putAssignments(e.edition.id, [{ practiceId: e.practices.lublin1 }, { practiceId: other.practices.lublin1 }]).expect(400);
    expect(foreign.body.message).toMatch(/items\.1\.practiceId/);
    expect((await putAssignments(e.edition.id, [{ practiceId: e.practices.lublin1 }, { practiceId: e.practices.lublin1 }]).expect(400)).body.message).toMatch(/items\.1\.practiceId/);
    expect((await putAssignments(e.edition.id, [{ practiceId: e.practices.lublin1, jurorIds: [outsider.id] }]).expect(400)).body.message).toMatch(/items\.0\.jurorIds/);
    expect((await putAssignments(e.edition.id, [{ practiceId: e.practices.lublin1, panelIds: ['00000000-0000-4000-8000-000000000000'] }]).expect(400)).body.message).toMatch(/items\.0\.panelIds/);
    expect((await t.http.post(`/api/editions/${e.edition.id}/assignments/suggestion`).set(coordinator.auth).send({ jurorsPerPractice: 0 }).expect(400)).body.message).toMatch(/jurorsPerPractice/);
    expect((await t.http.get(`/api/editions/${e.edition.id}/assignments`).set(e.jurors.plain1.auth).expect(403)).status).toBe(403);
  });

  describe('the balanced proposal', () => {
    /** A small deterministic generator (no Math.random: a failure must be reproducible). */
    const lcg = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

    it('respects conflicts, gives k jurors where conflicts allow and evens the load (generated editions)', async () => {
      for (const seed of [1, 2, 3]) {
        const random = lcg(seed);
        const edition = await makeEdition(ds, { stage: 'reportsOpen' });
        const cities = await Promise.all([0, 1, 2].map((i) => makeCity(ds, `Miasto ${edition.year}-${i}`)));
        const practiceCity = new Map<string, string>();
        for (const city of cities) {
          const report = await makeReport(ds, edition.id, city.id, 'submitted');
          for (let i = 0; i < 1 + Math.floor(random() * 4); i++) practiceCity.set((await makePractice(ds, report.id, { status: 'eligible' })).id, city.id);
        }
        const jurorCity = new Map<string, string | null>();
        for (let i = 0; i < 3 + Math.floor(random() * 4); i++) {
          const city = random() < 0.7 ? cities[Math.floor(random() * 3)].id : null;
          const user = await makeUser(ds);
          await grantRole(ds, user.id, 'juror', { editionId: edition.id, ...(city ? { cityId: city } : {}) });
          jurorCity.set(user.id, city);
        }
        const k = 1 + Math.floor(random() * 3);
        const proposal = (await t.http.post(`/api/editions/${edition.id}/assignments/suggestion`).set(coordinator.auth).send({ jurorsPerPractice: k }).expect(200)).body;
        const again = (await t.http.post(`/api/editions/${edition.id}/assignments/suggestion`).set(coordinator.auth).send({ jurorsPerPractice: k }).expect(200)).body;
        expect(again).toEqual(proposal);

        const load = new Map([...jurorCity.keys()].map((j) => [j, 0]));
        const chosenFor = new Map<string, string[]>(proposal.items.map((i: { practiceId: string; jurorIds: string[] }) => [i.practiceId, i.jurorIds]));
        for (const [practiceId, city] of practiceCity) {
          const free = [...jurorCity].filter(([, c]) => c !== city).map(([j]) => j);
          const chosen = chosenFor.get(practiceId) ?? [];
          expect(chosen.length).toBe(Math.min(k, free.length));
          for (const j of chosen) {
            expect(jurorCity.get(j)).not.toBe(city);
            load.set(j, load.get(j)! + 1);
          }
          if (free.length === 0) expect(proposal.unassignable).toContain(practiceId);
        }
        // No practice could move from a juror to one with two or more fewer.
        for (const [from, a] of load) {
          for (const [to, b] of load) {
            if (a - b < 2) continue;
            const movable = [...practiceCity].some(([p, city]) => chosenFor.get(p)?.includes(from) && !chosenFor.get(p)?.includes(to) && jurorCity.get(to) !== city);
            expect(movable).toBe(false);
          }
        }
        expect(proposal.loads.map((l: { jurorId: string; practices: number }) => [l.jurorId, l.practices]).sort()).toEqual([...load].sort());

        // Applied as proposed, every ballot is exactly the proposal.
        await putAssignments(edition.id, proposal.items).expect(200);
        await ds.query(`UPDATE edition SET stage = 'juryScoring' WHERE id = $1`, [edition.id]);
        const progress = (await t.http.get(`/api/editions/${edition.id}/jury-progress`).set(coordinator.auth).expect(200)).body;
        expect(progress.map((p: { jurorId: string; total: number }) => [p.jurorId, p.total]).sort()).toEqual([...load].sort());
      }
    });

    it('in panels mode, gives each practice one panel that can score it, spread evenly', async () => {
      const e = await scoringEdition();
      const { ofLublin, ofKrakow, plain1, plain2 } = e.jurors;
      const lublinPanel = await createPanel(e.edition.id, 'Only Lublin’s juror', [ofLublin.id]);
      const mixed = await createPanel(e.edition.id, 'Mixed', [ofKrakow.id, plain1.id, plain2.id]);
      const proposal = (await t.http.post(`/api/editions/${e.edition.id}/assignments/suggestion`).set(coordinator.auth).send({ mode: 'panels' }).expect(200)).body;
      const panelOf = Object.fromEntries(proposal.items.map((i: { practiceId: string; panelIds: string[] }) => [e.title(i.practiceId), i.panelIds]));
      expect(panelOf.lublin1).toEqual([mixed.id]);
      expect(panelOf.lublin2).toEqual([mixed.id]);
      // Lublin's practices can go only to the mixed panel, so Kraków's go to the other: two each.
      expect(panelOf.krakow1).toEqual([lublinPanel.id]);
      expect(panelOf.krakow2).toEqual([lublinPanel.id]);
      expect(proposal.loads.map((l: { name: string; practices: number }) => [l.name, l.practices])).toEqual([['A of Lublin', 2], ['B of Kraków', 2], ['C plain', 2], ['D plain', 2]]);
      await putAssignments(e.edition.id, proposal.items).expect(200);
      expect(await ballotTitles(e.edition.id, ofLublin)).toEqual(['krakow1', 'krakow2']);
      expect(await ballotTitles(e.edition.id, plain1)).toEqual(['lublin1', 'lublin2']);
    });
  });
});
