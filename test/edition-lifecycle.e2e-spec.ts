// Model-based test of an edition's lifecycle (fast-check commands): random short sequences of stage
// moves, report writes and submits, eligibility decisions, scores, conflicts, deadline changes,
// awards, finalising and publishing, by random principals, run against the real app (in-process,
// real PostgreSQL) and checked after every step against the small model in lifecycle-model.ts:
// no 5xx; a write succeeds exactly when the model says it may; no score after the deadline, outside
// juryScoring or on the juror's own city; no conflict outside the rule; exactly one finalise;
// results by mean and median equal the model's from the accepted scores; nothing public before
// publication. One app and one database for every run; each run seeds a fresh edition.
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { CriteriaValues, EDITION_STAGES, EditionStage } from '@app/domain';
import { createTestApp, grantRole, makeCategory, makeCity, makeEdition, makePractice, makeReport, makeUser, signIn, TestApp } from '@app/testing';
import {
  applyMove, CityKey, conflictMayBeAccepted, EditionModel, EXPERT_OF, expectedResults, initialModel, isJuror, key, moveAllowed, nextStage,
  JURORS, PracticeStatus, PrincipalName, PRINCIPALS, scoreAllowed, TIED_CITY,
} from './lifecycle-model';

/** Fixed, so a failure replays; fast-check prints the seed and the shrunk sequence. */
const SEED = 20261207;
const RUNS = Number(process.env.LIFECYCLE_RUNS ?? 200);
const MAX_COMMANDS = 15;

interface World {
  t: TestApp;
  ds: DataSource;
  auth: Record<PrincipalName, Record<string, string>>;
  userId: Record<PrincipalName, string>;
  city: Record<CityKey, string>;
}

interface Real {
  world: World;
  edition: { id: string; year: number };
  categoryId: string;
}

type Answer = { status: number; body: { code?: string; [field: string]: unknown } };

/** Sends one request as `who`; never a 5xx, whatever the request. */
async function send(real: Real, who: PrincipalName, method: 'get' | 'post' | 'put' | 'patch', url: string, body?: object): Promise<Answer> {
  const request = real.world.t.http[method](url).set(real.world.auth[who]);
  const res = body === undefined ? await request : await request.send(body);
  if (res.status >= 500) throw new Error(`${method.toUpperCase()} ${url} as ${who} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { status: res.status, body: res.body };
}

const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;

function expectOutcome(what: string, answer: Answer, allowed: boolean): void {
  if (ok(answer) !== allowed) {
    throw new Error(`${what}: the model says ${allowed ? 'allowed' : 'refused'}, the app answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  if (!allowed && (answer.status < 400 || answer.status >= 500)) throw new Error(`${what}: refused with ${answer.status}`);
}

/** The checks after every step: nothing public before publication; results equal the model's. */
async function checkInvariants(model: EditionModel, real: Real, withResults: boolean): Promise<void> {
  const { year, id } = real.edition;
  const awards = await send(real, 'anonymous', 'get', `/api/public/editions/${year}/awards`);
  if ((awards.status === 200) !== (model.stage === 'published')) throw new Error(`public awards of ${year} answered ${awards.status} in stage ${model.stage}`);
  if (model.finalised > 1) throw new Error(`finalised ${model.finalised} times`);
  if (!withResults) return;
  // After the steps that can change them (moves, scores, conflicts): the public list and the results.
  const editions = await send(real, 'anonymous', 'get', '/api/public/editions');
  const listed = (editions.body as unknown as { year: number }[]).some((edition) => edition.year === year);
  if (listed !== (model.stage === 'published')) throw new Error(`public editions ${listed ? 'list' : 'miss'} ${year} in stage ${model.stage}`);
  if (model.scores.size === 0 && EDITION_STAGES.indexOf(model.stage) < EDITION_STAGES.indexOf('juryScoring')) return;
  for (const method of ['mean', 'median'] as const) {
    const answer = await send(real, 'coordinator', 'get', `/api/editions/${id}/results?method=${method}&minScores=1`);
    const items = (answer.body as unknown as { items: { practiceId: string; score: number | null; n: number }[] }).items;
    const expected = expectedResults(model, method);
    const got = new Map(items.map((item) => [item.practiceId, item]));
    if (got.size !== expected.size || [...expected.keys()].some((practiceId) => !got.has(practiceId))) {
      throw new Error(`${method} results list ${[...got.keys()]}, the model ${[...expected.keys()]}`);
    }
    for (const [practiceId, want] of expected) {
      const have = got.get(practiceId)!;
      const same = have.n === want.n && (want.score === null ? have.score === null : have.score !== null && Math.abs(have.score - want.score) < 1e-5);
      if (!same) throw new Error(`${method} of ${practiceId}: app ${JSON.stringify(have)}, model ${JSON.stringify(want)}`);
    }
  }
}

type Command = fc.AsyncCommand<EditionModel, Real>;
const principal = fc.constantFrom(...PRINCIPALS);
const practiceOf = (model: EditionModel, index: number) => model.practices[index % model.practices.length];

class Move implements Command {
  constructor(readonly who: PrincipalName, readonly target: EditionStage | 'next', readonly concurrent: boolean) {}
  check = () => true;
  async run(model: EditionModel, real: Real) {
    const to = this.target === 'next' ? (nextStage(model.stage) ?? 'published') : this.target;
    const allowed = this.who === 'coordinator' && moveAllowed(model, to);
    const url = `/api/editions/${real.edition.id}/transitions`;
    const answers = await Promise.all((this.concurrent ? [1, 2] : [1]).map(() => send(real, this.who, 'post', url, { to })));
    const succeeded = answers.filter(ok).length;
    if (succeeded !== (allowed ? 1 : 0)) throw new Error(`move to ${to} by ${this.who} ×${answers.length}: ${succeeded} succeeded, the model expects ${allowed ? 1 : 0} (${answers.map((a) => a.status)})`);
    if (allowed) applyMove(model, to);
    await checkInvariants(model, real, true);
  }
  toString = () => `Move(${this.who}, ${this.target}${this.concurrent ? ', twice at once' : ''})`;
}

class WriteReport implements Command {
  constructor(readonly who: PrincipalName, readonly city: CityKey) {}
  check = () => true;
  async run(model: EditionModel, real: Real) {
    const mayWrite = EXPERT_OF[this.who] === this.city && model.stage === 'reportsOpen';
    let report = model.reports[this.city];
    if (!report) {
      const created = await send(real, this.who, 'post', `/api/editions/${real.edition.id}/reports`, { cityId: real.world.city[this.city] });
      expectOutcome(`${this.who} starts the report of ${this.city}`, created, mayWrite);
      if (!ok(created)) return checkInvariants(model, real, false);
      report = model.reports[this.city] = { id: String(created.body.id), status: 'draft' };
    }
    const practice = await send(real, this.who, 'post', `/api/reports/${report.id}/practices`, {
      title: `Praktyka ${model.practices.length + 1}`, description: 'Punkt informacyjny dla cudzoziemców.', recipientUnits: ['Urząd Miasta'], categoryIds: [real.categoryId],
    });
    expectOutcome(`${this.who} adds a practice to ${this.city}`, practice, mayWrite && report.status === 'draft');
    if (ok(practice)) model.practices.push({ id: String(practice.body.id), city: this.city, status: 'draft' });
    await checkInvariants(model, real, false);
  }
  toString = () => `WriteReport(${this.who}, ${this.city})`;
}

class Submit implements Command {
  constructor(readonly who: PrincipalName, readonly city: CityKey) {}
  check = (model: Readonly<EditionModel>) => model.reports[this.city] !== undefined;
  async run(model: EditionModel, real: Real) {
    const report = model.reports[this.city]!;
    const hasPractice = model.practices.some((p) => p.city === this.city);
    const allowed = EXPERT_OF[this.who] === this.city && model.stage === 'reportsOpen' && report.status === 'draft' && hasPractice;
    expectOutcome(`${this.who} submits ${this.city}`, await send(real, this.who, 'post', `/api/reports/${report.id}/submit`), allowed);
    if (allowed) {
      report.status = 'submitted';
      for (const practice of model.practices) if (practice.city === this.city) practice.status = 'submitted';
    }
    await checkInvariants(model, real, false);
  }
  toString = () => `Submit(${this.who}, ${this.city})`;
}

class Eligibility implements Command {
  constructor(readonly who: PrincipalName, readonly index: number, readonly eligible: boolean) {}
  check = (model: Readonly<EditionModel>) => model.practices.length > 0;
  async run(model: EditionModel, real: Real) {
    const practice = practiceOf(model, this.index);
    const allowed = this.who === 'coordinator' && model.stage === 'reportsOpen' && ['submitted', 'eligible', 'ineligible'].includes(practice.status);
    const answer = await send(real, this.who, 'post', `/api/practices/${practice.id}/eligibility`, { eligible: this.eligible, reason: 'Poza zakresem konkursu.' });
    expectOutcome(`${this.who} decides eligibility`, answer, allowed);
    if (allowed) practice.status = this.eligible ? 'eligible' : 'ineligible';
    await checkInvariants(model, real, false);
  }
  toString = () => `Eligibility(${this.who}, #${this.index}, ${this.eligible})`;
}

class Score implements Command {
  constructor(readonly who: PrincipalName, readonly index: number, readonly criteria: CriteriaValues) {}
  check = (model: Readonly<EditionModel>) => model.practices.length > 0;
  async run(model: EditionModel, real: Real) {
    const practice = practiceOf(model, this.index);
    const allowed = scoreAllowed(model, this.who, practice);
    const answer = await send(real, this.who, 'put', `/api/practices/${practice.id}/scores/mine`, { criteria: this.criteria, comment: '=1+1 komentarz' });
    expectOutcome(`${this.who} scores a practice of ${practice.city} (stage ${model.stage}, deadline ${model.deadline})`, answer, allowed);
    if (allowed) model.scores.set(key(this.who, practice.id), this.criteria);
    await checkInvariants(model, real, true);
  }
  toString = () => `Score(${this.who}, #${this.index}, ${JSON.stringify(this.criteria)})`;
}

class Conflict implements Command {
  constructor(readonly who: PrincipalName, readonly index: number) {}
  check = (model: Readonly<EditionModel>) => model.practices.length > 0;
  async run(model: EditionModel, real: Real) {
    const practice = practiceOf(model, this.index);
    const answer = await send(real, this.who, 'post', `/api/practices/${practice.id}/conflicts`, { reason: 'Pracowałem w tej organizacji.' });
    if (ok(answer)) {
      if (!isJuror(this.who)) throw new Error(`${this.who} declared a conflict of interest`);
      if (!conflictMayBeAccepted(model)) throw new Error(`a conflict was accepted in stage ${model.stage} with the deadline ${model.deadline}`);
      model.conflicts.add(key(this.who, practice.id));
    }
    await checkInvariants(model, real, true);
  }
  toString = () => `Conflict(${this.who}, #${this.index})`;
}

class Deadline implements Command {
  constructor(readonly who: PrincipalName, readonly when: 'past' | 'future') {}
  check = () => true;
  async run(model: EditionModel, real: Real) {
    const at = new Date(Date.now() + (this.when === 'past' ? -3_600_000 : 86_400_000)).toISOString();
    const allowed = this.who === 'coordinator' && EDITION_STAGES.indexOf(model.stage) < EDITION_STAGES.indexOf('deliberation');
    expectOutcome(`${this.who} sets scoringDueAt in the ${this.when}`, await send(real, this.who, 'patch', `/api/editions/${real.edition.id}`, { scoringDueAt: at }), allowed);
    if (allowed) model.deadline = this.when;
    await checkInvariants(model, real, false);
  }
  toString = () => `Deadline(${this.who}, ${this.when})`;
}

class Award implements Command {
  constructor(readonly who: PrincipalName, readonly index: number) {}
  check = (model: Readonly<EditionModel>) => model.practices.length > 0;
  async run(model: EditionModel, real: Real) {
    const practice = practiceOf(model, this.index);
    const allowed = this.who === 'coordinator' && model.stage === 'deliberation' && practice.status === 'eligible';
    // An identical second award may be refused as a duplicate (branch jury-rules): either answer is fine.
    const repeat = model.awards.some((award) => award.practiceId === practice.id);
    const answer = await send(real, this.who, 'post', `/api/editions/${real.edition.id}/awards`, {
      cityId: real.world.city[practice.city], categoryIds: [real.categoryId], practiceIds: [practice.id], citation: 'Za kompleksowe wsparcie.',
    });
    if (!(allowed && repeat)) expectOutcome(`${this.who} awards a practice of ${practice.city} in stage ${model.stage}`, answer, allowed);
    if (ok(answer)) model.awards.push({ city: practice.city, practiceId: practice.id });
    await checkInvariants(model, real, false);
  }
  toString = () => `Award(${this.who}, #${this.index})`;
}

const criteria = fc.record({ comprehensiveness: fc.integer({ min: 1, max: 5 }), longTerm: fc.integer({ min: 1, max: 5 }), governmentEngagement: fc.integer({ min: 1, max: 5 }), effectiveness: fc.integer({ min: 1, max: 5 }) });
const juror = fc.constantFrom<PrincipalName>('jurorA', 'juror2', 'juror3', 'jurorA', 'juror2', 'juror3', 'officialA', 'coordinator', 'anonymous');
const expert = fc.constantFrom<PrincipalName>('expertA', 'expertB', 'expertA', 'expertB', 'coordinator', 'jurorA', 'officialA', 'anonymous');
const mostlyCoordinator = fc.constantFrom<PrincipalName>('coordinator', 'coordinator', 'coordinator', 'coordinator', ...PRINCIPALS);
const city = fc.constantFrom<CityKey>('A', 'B');

const COMMANDS = [
  fc.tuple(mostlyCoordinator, fc.boolean()).map(([who, concurrent]) => new Move(who, 'next', concurrent)),
  fc.tuple(mostlyCoordinator, fc.boolean()).map(([who, concurrent]) => new Move(who, 'next', concurrent)),
  fc.tuple(principal, fc.constantFrom(...EDITION_STAGES)).map(([who, to]) => new Move(who, to, false)),
  fc.tuple(expert, city).map(([who, c]) => new WriteReport(who, c)),
  fc.tuple(expert, city).map(([who, c]) => new Submit(who, c)),
  fc.tuple(mostlyCoordinator, fc.nat(), fc.constantFrom(true, true, false)).map(([who, i, eligible]) => new Eligibility(who, i, eligible)),
  fc.tuple(juror, fc.nat(), criteria).map(([who, i, values]) => new Score(who, i, values)),
  fc.tuple(juror, fc.nat(), criteria).map(([who, i, values]) => new Score(who, i, values)),
  fc.tuple(juror, fc.nat()).map(([who, i]) => new Conflict(who, i)),
  fc.tuple(mostlyCoordinator, fc.constantFrom<'past' | 'future'>('past', 'future', 'future')).map(([who, when]) => new Deadline(who, when)),
  fc.tuple(mostlyCoordinator, fc.nat()).map(([who, i]) => new Award(who, i)),
];

/** Where a sequence starts: a fresh draft, or a stage with what it needs already seeded. */
type Start = 'draft' | 'reportsOpen' | 'juryScoring' | 'scored' | 'deliberation' | 'awarded';
const START = fc.constantFrom<Start>('draft', 'reportsOpen', 'reportsOpen', 'juryScoring', 'scored', 'scored', 'deliberation', 'awarded', 'awarded');

describe('edition lifecycle against a model', () => {
  let world: World;

  beforeAll(async () => {
    const t = await createTestApp();
    const ds = t.app.get(DataSource);
    const city = { A: (await makeCity(ds, 'Lublin (model)')).id, B: (await makeCity(ds, 'Gdańsk (model)')).id };
    const auth = { anonymous: {} } as World['auth'];
    const userId = {} as World['userId'];
    for (const name of PRINCIPALS) {
      if (name === 'anonymous') continue;
      const user = await makeUser(ds, { name: `Model ${name}` });
      if (name === 'coordinator') await grantRole(ds, user.id, 'coordinator');
      if (name === 'officialA') await grantRole(ds, user.id, 'cityOfficial', { cityId: city.A });
      auth[name] = (await signIn(t.http, user.email)).auth;
      userId[name] = user.id;
    }
    world = { t, ds, auth, userId, city };
  });
  afterAll(() => world?.t.close());

  /**
   * A fresh edition: one category, the experts of A and B, three jurors (one tied to A), started
   * at `start` with what that stage needs already in place, so short sequences reach every stage.
   */
  async function seed(start: Start): Promise<{ model: EditionModel; real: Real }> {
    const { ds } = world;
    const stage: EditionStage = start === 'scored' ? 'juryScoring' : start === 'awarded' ? 'deliberation' : start;
    const edition = await makeEdition(ds, { stage });
    const category = await makeCategory(ds, edition.id);
    for (const [name, cityKey] of Object.entries(EXPERT_OF) as [PrincipalName, CityKey][]) {
      await grantRole(ds, world.userId[name], 'expert', { editionId: edition.id, cityId: world.city[cityKey] });
    }
    for (const name of JURORS) {
      const tied = TIED_CITY[name];
      await grantRole(ds, world.userId[name], 'juror', { editionId: edition.id, ...(tied ? { cityId: world.city[tied] } : {}) });
    }
    const model = { ...initialModel(), stage };
    if (stage !== 'draft') {
      // Reports open: A's report is a draft with one practice, B's is submitted and awaits eligibility.
      // Later starts: both submitted, three practices eligible and one not.
      const later = stage !== 'reportsOpen';
      const plan: [CityKey, 'draft' | 'submitted', PracticeStatus[]][] = later
        ? [['A', 'submitted', ['eligible', 'ineligible']], ['B', 'submitted', ['eligible', 'eligible']]]
        : [['A', 'draft', ['draft']], ['B', 'submitted', ['submitted', 'submitted']]];
      for (const [cityKey, status, practices] of plan) {
        const report = await makeReport(ds, edition.id, world.city[cityKey], status);
        model.reports[cityKey] = { id: report.id, status };
        for (const practiceStatus of practices) {
          const practice = await makePractice(ds, report.id, { status: practiceStatus, categoryIds: [category.id] });
          model.practices.push({ id: practice.id, city: cityKey, status: practiceStatus });
        }
      }
    }
    if (start === 'scored' || start === 'deliberation' || start === 'awarded') {
      // Every juror has scored every practice they may: straight into the table, as the API would.
      for (const name of JURORS) {
        for (const practice of model.practices) {
          if (practice.status !== 'eligible' || TIED_CITY[name] === practice.city) continue;
          const values = { comprehensiveness: 1 + (model.scores.size % 5), longTerm: 3, governmentEngagement: 2 + (model.scores.size % 3), effectiveness: 5 };
          await ds.query(
            `INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [edition.id, practice.id, world.userId[name], values.comprehensiveness, values.longTerm, values.governmentEngagement, values.effectiveness],
          );
          model.scores.set(key(name, practice.id), values);
        }
      }
    }
    const real: Real = { world, edition, categoryId: category.id };
    if (start === 'awarded') {
      // One award through the API, so finalising (and publishing) is one or two moves away.
      const practice = model.practices.find((p) => p.city === 'B' && p.status === 'eligible')!;
      const award = await send(real, 'coordinator', 'post', `/api/editions/${edition.id}/awards`, { cityId: world.city.B, categoryIds: [category.id], practiceIds: [practice.id] });
      expectOutcome('the seeded award', award, true);
      model.awards.push({ city: 'B', practiceId: practice.id });
    }
    return { model, real };
  }

  it(`holds the jury's rules over ${RUNS} random sequences of up to ${MAX_COMMANDS} steps`, async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(START, fc.commands(COMMANDS, { maxCommands: MAX_COMMANDS }), (start, commands) => fc.asyncModelRun(() => seed(start), commands)),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    const stages: { stage: string; n: number }[] = await world.ds.query(
      `SELECT stage, count(*)::int AS n FROM edition WHERE name LIKE 'Edition %' GROUP BY stage ORDER BY stage`,
    );
    process.stdout.write(`[lifecycle model] ${RUNS} sequences in ${((Date.now() - started) / 1000).toFixed(1)} s; editions by final stage: ${stages.map((s) => `${s.stage} ${s.n}`).join(', ')}\n`);
  }, 900_000);
});
