// Deterministic seeded data for the benchmarks: the same seed and scale give the same rows, byte for
// byte (ids included), on every machine. Each table has one generator function; `GENERATORS` lists
// them in dependency order (a table's generator may read the rows of the tables before it).
// Each table draws from its own random stream (seed + table name), so adding a table never changes
// the rows of the others. Rows go in with COPY (pg-copy-streams) in one transaction.
//
// Scale 1 is the national scale of issue 8: 2,500 cities, an edition in juryScoring with 10,000
// eligible practices scored by 50 jurors (~500,000 score rows, 2,000,000 criterion values), a
// published edition before it, 200,000 accounts. `--scale 0.1` is a tenth of everything but the jury.
//
// As a command: DATABASE_URL=… node dist/bench/data/generate.js [--seed 42] [--scale 1] [--truncate]
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { OutboxEventType } from '@app/core/outbox/outbox-events';
import { CATALOGUE_INDEX_SQL } from '@app/domain/catalogue/catalogue-index';

/** A value as COPY writes it (jsonb: pass JSON text; arrays: PostgreSQL arrays of text). */
export type Cell = string | number | boolean | null | readonly string[];

export interface TableData {
  table: string;
  columns: string[];
  rows: Cell[][];
}

/** What a generator gets: its own random stream, the scale, and the tables generated before it. */
export interface GenContext {
  seed: number;
  scale: number;
  rng: Rng;
  /** Rows of earlier tables by name (e.g. city ids for editions), columns as in their TableData. */
  tables: ReadonlyMap<string, TableData>;
  /** Fixed "now" of the data set, so timestamps do not depend on when it is generated. */
  epoch: Date;
  /** argon2id hash of BENCH_PASSWORD (app parameters, salt from the seed): one hash for every active account. */
  passwordHash: string;
}

export type TableGenerator = (ctx: GenContext) => TableData;

/** The password of every active bench account (the scenarios sign in with it through the API). */
export const BENCH_PASSWORD = 'bench password for every account';

/** sfc32: small, fast, good enough for test data, and identical everywhere. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    const hash = createHash('sha256').update(`${seed}:${stream}`).digest();
    [this.a, this.b, this.c, this.d] = [0, 4, 8, 12].map((offset) => hash.readUInt32LE(offset));
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `count` distinct items (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  /** A version-4 UUID drawn from this stream (deterministic). */
  uuid(): string {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 16; i += 4) bytes.writeUInt32LE(Math.floor(this.next() * 4294967296), i);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

const EPOCH = new Date('2025-01-01T00:00:00.000Z');
const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
const DAY = 86_400_000;
const iso = (date: Date) => date.toISOString();

/** Counts at a scale (scale 1 = national). The jury does not grow with the country. */
export function sizes(scale: number) {
  const n = (base: number, min: number) => Math.max(min, Math.round(base * scale));
  return {
    cities: n(2_500, 20),
    /** Eligible practices of the edition in juryScoring. */
    practices: n(10_000, 40),
    /** Practices of the published edition before it. */
    publishedPractices: n(3_000, 20),
    users: n(200_000, 500),
    jurors: 50,
    /** Jurors tied to a city (their own city's practices are never on their ballot). */
    tiedJurors: 30,
    officials: n(20, 5),
    coordinators: 2,
    conflicts: n(200, 5),
    awards: n(40, 3),
    categories: 8,
    outboxEvents: n(1_000, 100),
  };
}

/** The column index of `name` in an earlier table (fails loudly on a typo). */
function col(data: TableData, name: string): number {
  const index = data.columns.indexOf(name);
  if (index < 0) throw new Error(`${data.table} has no column ${name}`);
  return index;
}

function table(ctx: GenContext, name: string): TableData {
  const data = ctx.tables.get(name);
  if (!data) throw new Error(`${name} must be generated before it is read`);
  return data;
}

const EDITION_YEARS = { published: 2025, current: 2026 } as const;
const REGIONS = [
  'dolnośląskie', 'kujawsko-pomorskie', 'lubelskie', 'lubuskie', 'łódzkie', 'małopolskie', 'mazowieckie', 'opolskie',
  'podkarpackie', 'podlaskie', 'pomorskie', 'śląskie', 'świętokrzyskie', 'warmińsko-mazurskie', 'wielkopolskie', 'zachodniopomorskie',
];
const CITY_STEMS = ['Nowa Wola', 'Stare Pole', 'Zielona Góra', 'Biała', 'Dąbrowa', 'Łęka', 'Żółkiewka', 'Gródek', 'Świerklany', 'Kępno', 'Brzeźnica', 'Ostrów'];
const FIRST_NAMES = ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Olena', 'Andrij', 'Maria', 'Paweł', 'Zofia', 'Jakub', 'Iryna', 'Łukasz', 'Małgorzata', 'Dmytro'];
const LAST_NAMES = ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Shevchenko', 'Zielińska', 'Szymański', 'Bondarenko', 'Dąbrowska', 'Kozłowski'];
const CATEGORY_NAMES = [
  'Informacja i doradztwo', 'Edukacja', 'Rynek pracy', 'Mieszkalnictwo', 'Zdrowie', 'Kultura i integracja społeczna', 'Partycypacja', 'Współpraca z organizacjami',
];
const TOPICS = ['punkt informacyjny', 'kursy języka polskiego', 'asystenci międzykulturowi', 'mentoring zawodowy', 'dyżury prawne', 'festiwal sąsiedzki', 'rada ds. migrantów', 'tłumaczenia dokumentów'];
const UNITS = ['Wydział Spraw Społecznych', 'Miejski Ośrodek Pomocy Społecznej', 'Centrum Wielokulturowe', 'Urząd Pracy', 'Wydział Edukacji', 'Biuro Rzecznika'];

// ---- one function per table, in dependency order --------------------------------------------

/** city: unique names (case-insensitively), a voivodeship each. */
export function cities({ rng, scale, epoch }: GenContext): TableData {
  const rows: Cell[][] = [];
  for (let i = 0; i < sizes(scale).cities; i++) {
    rows.push([rng.uuid(), `${rng.pick(CITY_STEMS)} ${i + 1}`, rng.pick(REGIONS), iso(addMs(epoch, -400 * DAY + i * 1000))]);
  }
  return { table: 'city', columns: ['id', 'name', 'region', 'created_at'], rows };
}

/** edition: a published one (2025) and the current one (2026) in juryScoring, open until 2100. */
export function editions({ rng, epoch }: GenContext): TableData {
  const weights = JSON.stringify({ comprehensiveness: 1, longTerm: 1, governmentEngagement: 1, effectiveness: 1 });
  const created = iso(addMs(epoch, -500 * DAY));
  const rows: Cell[][] = [
    [rng.uuid(), EDITION_YEARS.published, 'Miasta Otwarte 2025', 'published', iso(addMs(epoch, -300 * DAY)), iso(addMs(epoch, -250 * DAY)), 5, weights, created, created],
    // The scoring deadline is far ahead so writes are accepted whenever the benchmark runs.
    [rng.uuid(), EDITION_YEARS.current, 'Miasta Otwarte 2026', 'juryScoring', iso(addMs(epoch, -20 * DAY)), '2100-01-01T00:00:00.000Z', 5, weights, created, created],
  ];
  return {
    table: 'edition',
    columns: ['id', 'year', 'name', 'stage', 'reports_due_at', 'scoring_due_at', 'scoring_scale_max', 'scoring_weights', 'created_at', 'updated_at'],
    rows,
  };
}

const STAGES = ['draft', 'reportsOpen', 'juryScoring', 'deliberation', 'decided', 'published'];

/** edition_stage_event: the history of both editions up to their stage. */
export function editionStageEvents(ctx: GenContext): TableData {
  const { rng, epoch } = ctx;
  const ed = table(ctx, 'edition');
  const rows: Cell[][] = [];
  for (const edition of ed.rows) {
    const upTo = STAGES.indexOf(edition[col(ed, 'stage')] as string);
    for (let s = 1; s <= upTo; s++) {
      rows.push([rng.uuid(), edition[col(ed, 'id')], STAGES[s - 1], STAGES[s], null, iso(addMs(epoch, (-480 + s * 60) * DAY + rng.int(0, DAY)))]);
    }
  }
  return { table: 'edition_stage_event', columns: ['id', 'edition_id', 'from_stage', 'to_stage', 'actor_id', 'at'], rows };
}

/** category: eight per edition. */
export function categories(ctx: GenContext): TableData {
  const { rng, epoch, scale } = ctx;
  const ed = table(ctx, 'edition');
  const rows: Cell[][] = [];
  for (const edition of ed.rows) {
    CATEGORY_NAMES.slice(0, sizes(scale).categories).forEach((name, position) => {
      rows.push([rng.uuid(), edition[col(ed, 'id')], name, `Praktyki: ${name.toLowerCase()}.`, JSON.stringify({ en: `Category ${position + 1}` }), position, iso(epoch)]);
    });
  }
  return { table: 'category', columns: ['id', 'edition_id', 'name', 'description', 'translations', 'position', 'created_at'], rows };
}

/**
 * app_user: coordinators, the jury, one expert per city, a few city officials, and everyone else
 * (most accounts hold no grant). Active accounts share one real argon2id hash of BENCH_PASSWORD;
 * one in ten accounts is an invitation not yet accepted (no password).
 */
export function users({ rng, scale, epoch, passwordHash }: GenContext): TableData {
  const size = sizes(scale);
  const rows: Cell[][] = [];
  const add = (email: string, active: boolean) => {
    const created = iso(addMs(epoch, -rng.int(0, 700) * DAY));
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    rows.push([rng.uuid(), email, name, rng.pick(['pl', 'pl', 'pl', 'en', 'uk']), active ? passwordHash : null, active ? 'active' : 'invited', created, created]);
  };
  const pad = (i: number, width: number) => String(i + 1).padStart(width, '0');
  for (let i = 0; i < size.coordinators; i++) add(`coordinator-${pad(i, 2)}@bench.example.org`, true);
  for (let i = 0; i < size.jurors; i++) add(`juror-${pad(i, 2)}@bench.example.org`, true);
  for (let i = 0; i < size.cities; i++) add(`expert-${pad(i, 5)}@bench.example.org`, true);
  for (let i = 0; i < size.officials; i++) add(`official-${pad(i, 3)}@bench.example.org`, true);
  for (let i = rows.length; i < size.users; i++) add(`user-${pad(i, 6)}@bench.example.org`, !rng.chance(0.1));
  return { table: 'app_user', columns: ['id', 'email', 'name', 'locale', 'password_hash', 'status', 'created_at', 'updated_at'], rows };
}

const usersWith = (ctx: GenContext, prefix: string) => {
  const u = table(ctx, 'app_user');
  return u.rows.filter((row) => (row[col(u, 'email')] as string).startsWith(prefix)).map((row) => row[col(u, 'id')] as string);
};

/**
 * role_grant: coordinators; jurors in both editions (30 of 50 tied to a city, some with a country of
 * origin and languages); each city's expert in both editions; officials of distinct cities.
 */
export function roleGrants(ctx: GenContext): TableData {
  const { rng, scale, epoch } = ctx;
  const size = sizes(scale);
  const cityIds = table(ctx, 'city').rows.map((row) => row[0] as string);
  const ed = table(ctx, 'edition');
  const [published, current] = ed.rows.map((row) => row[col(ed, 'id')] as string);
  const coordinators = usersWith(ctx, 'coordinator-');
  const rows: Cell[][] = [];
  const at = iso(addMs(epoch, -30 * DAY));
  const grant = (userId: string, role: string, editionId: string | null, cityId: string | null, origin: string | null = null, languages: string[] | null = null) =>
    rows.push([rng.uuid(), userId, role, editionId, cityId, origin, languages, role === 'coordinator' ? null : coordinators[0], at]);
  for (const id of coordinators) grant(id, 'coordinator', null, null);
  const tiedCities = rng.sample(cityIds, size.tiedJurors);
  usersWith(ctx, 'juror-').forEach((id, i) => {
    const cityId = i < size.tiedJurors ? tiedCities[i] : null;
    const origin = rng.pick(['Ukraina', 'Białoruś', 'Wietnam', 'Gruzja', 'Indie', 'Syria']);
    const languages = rng.sample(['pl', 'uk', 'ru', 'en', 'vi', 'ka'], rng.int(1, 3));
    grant(id, 'juror', published, cityId, origin, languages);
    grant(id, 'juror', current, cityId, origin, languages);
  });
  usersWith(ctx, 'expert-').forEach((id, i) => {
    grant(id, 'expert', current, cityIds[i]);
    grant(id, 'expert', published, cityIds[i]);
  });
  const officialCities = rng.sample(cityIds, size.officials);
  usersWith(ctx, 'official-').forEach((id, i) => grant(id, 'cityOfficial', null, officialCities[i]));
  return {
    table: 'role_grant',
    columns: ['id', 'user_id', 'role', 'edition_id', 'city_id', 'country_of_origin', 'languages', 'granted_by', 'created_at'],
    rows,
  };
}

/** report: every city reported in the current edition, about 60% in the published one; all submitted by their expert. */
export function reports(ctx: GenContext): TableData {
  const { rng, epoch } = ctx;
  const cityIds = table(ctx, 'city').rows.map((row) => row[0] as string);
  const experts = usersWith(ctx, 'expert-');
  const ed = table(ctx, 'edition');
  const rows: Cell[][] = [];
  ed.rows.forEach((edition, e) => {
    const isCurrent = edition[col(ed, 'stage')] === 'juryScoring';
    const offset = isCurrent ? -40 * DAY : -400 * DAY;
    cityIds.forEach((cityId, i) => {
      if (!isCurrent && !rng.chance(0.6)) return;
      const created = addMs(epoch, offset + rng.int(0, 10 * DAY));
      const submitted = iso(addMs(created, rng.int(DAY, 15 * DAY)));
      rows.push([rng.uuid(), edition[col(ed, 'id')], cityId, 'submitted', `Raport ${e + 1}/${i + 1}: działania miasta na rzecz integracji migrantów.`, experts[i], submitted, experts[i], iso(created), submitted]);
    });
  });
  return {
    table: 'report',
    columns: ['id', 'edition_id', 'city_id', 'status', 'summary', 'created_by', 'submitted_at', 'submitted_by', 'created_at', 'updated_at'],
    rows,
  };
}

/**
 * practice: each report has at least one, the rest land on reports at random. Current edition:
 * `practices` eligible plus 1% ineligible. Published edition: distinguished (one per future award
 * and some more), not distinguished, and a few ineligible.
 */
export function practices(ctx: GenContext): TableData {
  const { rng, scale } = ctx;
  const size = sizes(scale);
  const rep = table(ctx, 'report');
  const ed = table(ctx, 'edition');
  const coordinator = usersWith(ctx, 'coordinator-')[0];
  const rows: Cell[][] = [];
  for (const edition of ed.rows) {
    const editionId = edition[col(ed, 'id')];
    const isCurrent = edition[col(ed, 'stage')] === 'juryScoring';
    const editionReports = rep.rows.filter((row) => row[col(rep, 'edition_id')] === editionId);
    const count = isCurrent ? size.practices + Math.round(size.practices * 0.01) : size.publishedPractices;
    const owners = editionReports.map((_, i) => i);
    while (owners.length < count) owners.push(rng.int(0, editionReports.length - 1));
    const ineligibleFrom = isCurrent ? size.practices : count - Math.round(count * 0.05);
    const perReport = new Map<number, number>();
    owners.forEach((owner, i) => {
      const report = editionReports[owner];
      const position = perReport.get(owner) ?? 0;
      perReport.set(owner, position + 1);
      const topic = rng.pick(TOPICS);
      const status = i >= ineligibleFrom ? 'ineligible' : isCurrent ? 'eligible' : rng.chance(0.1) ? 'distinguished' : 'notDistinguished';
      const submitted = report[col(rep, 'submitted_at')] as string;
      const decided = iso(addMs(new Date(submitted), rng.int(DAY, 10 * DAY)));
      const units = rng.sample(UNITS, rng.int(1, 2));
      rows.push([
        rng.uuid(),
        report[col(rep, 'id')],
        `${topic[0].toUpperCase()}${topic.slice(1)} ${i + 1}`,
        `Miasto prowadzi ${topic} dla cudzoziemców i ich rodzin; działanie ${i + 1} w raporcie ${owner + 1}. `.repeat(rng.int(2, 6)).trim(),
        units,
        `20${rng.int(10, 24)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
        rng.chance(0.5) ? [`https://miasto-${owner + 1}.example.org/${i + 1}`] : [],
        status,
        status === 'ineligible' ? 'Działanie poza zakresem konkursu.' : null,
        decided,
        coordinator,
        position,
        report[col(rep, 'created_at')],
        decided,
      ]);
    });
  }
  return {
    table: 'practice',
    columns: ['id', 'report_id', 'title', 'description', 'recipient_units', 'started_on', 'links', 'status', 'eligibility_reason', 'eligibility_decided_at', 'eligibility_decided_by', 'position', 'created_at', 'updated_at'],
    rows,
  };
}

/** The edition of each report (for the practice-level generators below). */
function reportIndex(ctx: GenContext): Map<string, { editionId: string; cityId: string }> {
  const rep = table(ctx, 'report');
  return new Map(rep.rows.map((row) => [row[col(rep, 'id')] as string, { editionId: row[col(rep, 'edition_id')] as string, cityId: row[col(rep, 'city_id')] as string }]));
}

/** practice_category: one to three categories of the practice's edition. */
export function practiceCategories(ctx: GenContext): TableData {
  const { rng } = ctx;
  const cat = table(ctx, 'category');
  const byEdition = new Map<string, string[]>();
  for (const row of cat.rows) {
    const list = byEdition.get(row[col(cat, 'edition_id')] as string) ?? [];
    list.push(row[col(cat, 'id')] as string);
    byEdition.set(row[col(cat, 'edition_id')] as string, list);
  }
  const reportsById = reportIndex(ctx);
  const pr = table(ctx, 'practice');
  const rows: Cell[][] = [];
  for (const practice of pr.rows) {
    const { editionId } = reportsById.get(practice[col(pr, 'report_id')] as string)!;
    for (const categoryId of rng.sample(byEdition.get(editionId)!, rng.int(1, 3))) rows.push([practice[col(pr, 'id')], categoryId]);
  }
  return { table: 'practice_category', columns: ['practice_id', 'category_id'], rows };
}

/** The jurors of the current edition with the city they are tied to. */
function currentJurors(ctx: GenContext): { id: string; cityId: string | null; editionId: string }[] {
  const ed = table(ctx, 'edition');
  const current = ed.rows.find((row) => row[col(ed, 'stage')] === 'juryScoring')![col(ed, 'id')];
  const g = table(ctx, 'role_grant');
  return g.rows
    .filter((row) => row[col(g, 'role')] === 'juror' && row[col(g, 'edition_id')] === current)
    .map((row) => ({ id: row[col(g, 'user_id')] as string, cityId: row[col(g, 'city_id')] as string | null, editionId: current as string }));
}

/** Eligible practices of the current edition with their city. */
function scoredPractices(ctx: GenContext): { id: string; cityId: string }[] {
  const reportsById = reportIndex(ctx);
  const pr = table(ctx, 'practice');
  return pr.rows
    .filter((row) => row[col(pr, 'status')] === 'eligible')
    .map((row) => ({ id: row[col(pr, 'id')] as string, cityId: reportsById.get(row[col(pr, 'report_id')] as string)!.cityId }));
}

/** conflict_of_interest: a few declared by jurors on practices of other cities (no score on those). */
export function conflicts(ctx: GenContext): TableData {
  const { rng, scale, epoch } = ctx;
  const jurors = currentJurors(ctx);
  const practiceList = scoredPractices(ctx);
  const seen = new Set<string>();
  const rows: Cell[][] = [];
  while (rows.length < sizes(scale).conflicts) {
    const juror = rng.pick(jurors);
    const practice = rng.pick(practiceList);
    const key = `${juror.id}:${practice.id}`;
    if (juror.cityId === practice.cityId || seen.has(key)) continue;
    seen.add(key);
    rows.push([rng.uuid(), juror.editionId, practice.id, juror.id, 'Współpracowałem z tym urzędem przy tym projekcie.', iso(addMs(epoch, -rng.int(1, 15) * DAY))]);
  }
  return { table: 'conflict_of_interest', columns: ['id', 'edition_id', 'practice_id', 'juror_id', 'reason', 'declared_at'], rows };
}

/**
 * score: every juror of the current edition on every eligible practice, except their own city's
 * and declared conflicts. Values 1..5 from the practice's quality, the juror's leniency and noise,
 * so the methods rank differently; 3% carry a comment.
 */
export function scores(ctx: GenContext): TableData {
  const { rng, epoch } = ctx;
  const jurors = currentJurors(ctx).map((juror) => ({ ...juror, bias: rng.next() * 1.4 - 0.7 }));
  const ci = table(ctx, 'conflict_of_interest');
  const conflicted = new Set(ci.rows.map((row) => `${row[col(ci, 'juror_id')]}:${row[col(ci, 'practice_id')]}`));
  const rows: Cell[][] = [];
  const value = (base: number) => Math.min(5, Math.max(1, Math.round(base + rng.next() * 2 - 1)));
  let at = addMs(epoch, -10 * DAY).getTime();
  for (const practice of scoredPractices(ctx)) {
    const quality = 1.5 + rng.next() * 3;
    for (const juror of jurors) {
      if (juror.cityId === practice.cityId || conflicted.has(`${juror.id}:${practice.id}`)) continue;
      const base = quality + juror.bias;
      at += rng.int(100, 2_000);
      const when = new Date(at).toISOString();
      rows.push([
        rng.uuid(), juror.editionId, practice.id, juror.id,
        value(base), value(base), value(base), value(base),
        rng.chance(0.03) ? 'Dobrze udokumentowane działanie.' : null,
        when, when,
      ]);
    }
  }
  return {
    table: 'score',
    columns: ['id', 'edition_id', 'practice_id', 'juror_id', 'comprehensiveness', 'long_term', 'government_engagement', 'effectiveness', 'comment', 'created_at', 'updated_at'],
    rows,
  };
}

/** award: distinctions of the published edition, each for a city's distinguished practices. */
export function awards(ctx: GenContext): TableData {
  const { rng, scale, epoch } = ctx;
  const reportsById = reportIndex(ctx);
  const pr = table(ctx, 'practice');
  const byCity = new Map<string, { editionId: string; practiceIds: string[] }>();
  for (const row of pr.rows) {
    if (row[col(pr, 'status')] !== 'distinguished') continue;
    const { editionId, cityId } = reportsById.get(row[col(pr, 'report_id')] as string)!;
    const entry = byCity.get(cityId) ?? { editionId, practiceIds: [] };
    entry.practiceIds.push(row[col(pr, 'id')] as string);
    byCity.set(cityId, entry);
  }
  const coordinator = usersWith(ctx, 'coordinator-')[0];
  const rows: Cell[][] = [];
  // Up to half of the awards go to cities that have an official, so P4's answers include awards.
  const g = table(ctx, 'role_grant');
  const count = sizes(scale).awards;
  const followed = g.rows.filter((row) => row[col(g, 'role')] === 'cityOfficial').map((row) => row[col(g, 'city_id')] as string).filter((id) => byCity.has(id));
  const first = rng.sample(followed, Math.ceil(count / 2));
  const chosen = [...first, ...rng.sample([...byCity.keys()].filter((id) => !first.includes(id)), count - first.length)];
  chosen.forEach((cityId, position) => {
    const at = iso(addMs(epoch, -260 * DAY));
    rows.push([rng.uuid(), byCity.get(cityId)!.editionId, cityId, rng.pick(UNITS), 'Za konsekwentne i długofalowe wspieranie cudzoziemców.', position, coordinator, at, at]);
  });
  return { table: 'award', columns: ['id', 'edition_id', 'city_id', 'recipient_unit', 'citation', 'position', 'created_by', 'created_at', 'updated_at'], rows };
}

/** award_category: one or two categories of the award's edition. */
export function awardCategories(ctx: GenContext): TableData {
  const { rng } = ctx;
  const aw = table(ctx, 'award');
  const cat = table(ctx, 'category');
  const rows: Cell[][] = [];
  for (const award of aw.rows) {
    const options = cat.rows.filter((row) => row[col(cat, 'edition_id')] === award[col(aw, 'edition_id')]).map((row) => row[col(cat, 'id')] as string);
    for (const categoryId of rng.sample(options, rng.int(1, 2))) rows.push([award[col(aw, 'id')], categoryId]);
  }
  return { table: 'award_category', columns: ['award_id', 'category_id'], rows };
}

/** award_practice: the city's distinguished practices of that edition. */
export function awardPractices(ctx: GenContext): TableData {
  const reportsById = reportIndex(ctx);
  const pr = table(ctx, 'practice');
  const aw = table(ctx, 'award');
  const rows: Cell[][] = [];
  for (const award of aw.rows) {
    for (const practice of pr.rows) {
      const owner = reportsById.get(practice[col(pr, 'report_id')] as string)!;
      if (practice[col(pr, 'status')] === 'distinguished' && owner.cityId === award[col(aw, 'city_id')] && owner.editionId === award[col(aw, 'edition_id')]) {
        rows.push([award[col(aw, 'id')], practice[col(pr, 'id')]]);
      }
    }
  }
  return { table: 'award_practice', columns: ['award_id', 'practice_id'], rows };
}

/**
 * outbox_event: a history of already relayed and processed events (enqueued_at and processed_at set,
 * so the relay of a running API leaves them alone).
 */
export function outboxEvents({ rng, scale, epoch }: GenContext): TableData {
  const type: OutboxEventType = 'system.ping';
  const count = sizes(scale).outboxEvents;
  const rows: Cell[][] = [];
  let at = addMs(epoch, -count * 60_000);
  for (let i = 0; i < count; i++) {
    at = addMs(at, rng.int(1_000, 119_000));
    const enqueued = addMs(at, rng.int(1, 500));
    const processed = addMs(enqueued, rng.int(5, 200));
    rows.push([rng.uuid(), type, JSON.stringify({ note: `bench ${i}` }), at.toISOString(), enqueued.toISOString(), processed.toISOString()]);
  }
  return { table: 'outbox_event', columns: ['id', 'type', 'payload', 'created_at', 'enqueued_at', 'processed_at'], rows };
}

// Add a function above and list it here after the tables it reads from.
export const GENERATORS: TableGenerator[] = [
  cities,
  editions,
  editionStageEvents,
  categories,
  users,
  roleGrants,
  reports,
  practices,
  practiceCategories,
  conflicts,
  scores,
  awards,
  awardCategories,
  awardPractices,
  outboxEvents,
];

// ---- building and inserting ------------------------------------------------------------------

export interface Dataset {
  seed: number;
  scale: number;
  tables: TableData[];
  /** sha256 of the rows (first 12 hex digits): equal fingerprints, equal data. */
  fingerprint: string;
  /** Milliseconds spent generating the rows in memory (hash included). */
  buildMs: number;
}

/** The argon2id hash every active account shares: the app's parameters, a salt derived from the seed. */
export function benchPasswordHash(seed: number): Promise<string> {
  const salt = createHash('sha256').update(`oc-bench-salt:${seed}`).digest().subarray(0, 16);
  return argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1, salt });
}

export async function buildDataset(seed: number, scale = 1, generators: TableGenerator[] = GENERATORS): Promise<Dataset> {
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  if (!(scale > 0 && scale <= 4)) throw new Error('scale must be a number in (0, 4]');
  const began = performance.now();
  const passwordHash = await benchPasswordHash(seed);
  const tables = new Map<string, TableData>();
  for (const generate of generators) {
    const data = generate({ seed, scale, rng: new Rng(seed, generate.name), tables, epoch: EPOCH, passwordHash });
    if (tables.has(data.table)) throw new Error(`table ${data.table} is generated twice`);
    tables.set(data.table, data);
  }
  const hash = createHash('sha256');
  for (const data of tables.values()) {
    hash.update(`${data.table}(${data.columns.join(',')})\n`);
    for (const row of data.rows) hash.update(`${JSON.stringify(row)}\n`);
  }
  return { seed, scale, tables: [...tables.values()], fingerprint: hash.digest('hex').slice(0, 12), buildMs: performance.now() - began };
}

/** COPY text format: backslash escapes, \N for NULL, PostgreSQL array literals for arrays. */
function copyText(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : `{${value.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : text;
}

function* copyChunks(data: TableData, rowsPerChunk = 5_000): Generator<string> {
  for (let start = 0; start < data.rows.length; start += rowsPerChunk) {
    let chunk = '';
    for (const row of data.rows.slice(start, start + rowsPerChunk)) chunk += `${row.map(copyText).join('\t')}\n`;
    yield chunk;
  }
}

/** COPY of one table's rows. */
export async function copyTable(client: Client, data: TableData): Promise<void> {
  if (data.rows.length === 0) return;
  const columns = data.columns.map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`COPY "${data.table}" (${columns}) FROM STDIN`));
  await pipeline(Readable.from(copyChunks(data)), stream);
}

export interface LoadTiming {
  copyMs: number;
  /** VACUUM ANALYZE and CHECKPOINT after the load, so the first runs meet a settled database. */
  settleMs: number;
}

/**
 * Loads the data set in one transaction with COPY; `truncate` empties the generated tables first.
 * The rows are consistent by construction, so as a superuser the foreign-key triggers are skipped
 * during the load (session_replication_role = replica); the constraints stay in force afterwards.
 * Then VACUUM ANALYZE (statistics and visibility map, as in a database that has lived a while),
 * the catalogue index of the published edition as publication writes it, and a CHECKPOINT.
 */
export async function loadDataset(url: string, dataset: Dataset, options: { truncate?: boolean } = {}): Promise<LoadTiming> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const began = performance.now();
  let copied: number;
  try {
    const [{ superuser }] = (await client.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`)).rows;
    await client.query('BEGIN');
    if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
    if (options.truncate) {
      await client.query(`TRUNCATE ${dataset.tables.map((t) => `"${t.table}"`).join(', ')} CASCADE`);
    }
    for (const data of dataset.tables) await copyTable(client, data);
    const edition = dataset.tables.find((t) => t.table === 'edition')!;
    for (const row of edition.rows.filter((r) => r[col(edition, 'stage')] === 'published')) {
      await client.query(CATALOGUE_INDEX_SQL, [row[col(edition, 'id')]]);
    }
    await client.query('COMMIT');
    copied = performance.now();
    await client.query(`VACUUM (ANALYZE) ${dataset.tables.map((t) => `"${t.table}"`).join(', ')}`);
    if (superuser) await client.query('CHECKPOINT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return { copyMs: copied - began, settleMs: performance.now() - copied };
}

/** What the scenarios need to know about a data set: who signs in, which edition, what to score. */
export interface DatasetFacts {
  password: string;
  currentEditionId: string;
  publishedEditionId: string;
  coordinators: { id: string; email: string }[];
  jurors: { id: string; email: string; cityId: string | null }[];
  officials: { id: string; email: string; cityId: string }[];
  /** Eligible practices of the current edition with their city (what jurors score). */
  scorablePractices: { id: string; cityId: string }[];
  /** `${jurorId}:${practiceId}` of the declared conflicts (never scored). */
  conflicts: ReadonlySet<string>;
}

export function datasetFacts(dataset: Dataset): DatasetFacts {
  const get = (name: string) => dataset.tables.find((t) => t.table === name)!;
  const ed = get('edition');
  const editionOf = (stage: string) => ed.rows.find((row) => row[col(ed, 'stage')] === stage)![col(ed, 'id')] as string;
  const currentEditionId = editionOf('juryScoring');
  const u = get('app_user');
  const emailOf = new Map(u.rows.map((row) => [row[col(u, 'id')] as string, row[col(u, 'email')] as string]));
  const g = get('role_grant');
  const grants = (role: string, editionId: string | null) =>
    g.rows
      .filter((row) => row[col(g, 'role')] === role && row[col(g, 'edition_id')] === editionId)
      .map((row) => ({ id: row[col(g, 'user_id')] as string, email: emailOf.get(row[col(g, 'user_id')] as string)!, cityId: row[col(g, 'city_id')] as string | null }));
  const rep = get('report');
  const cityOfReport = new Map(rep.rows.map((row) => [row[col(rep, 'id')] as string, row[col(rep, 'city_id')] as string]));
  const editionOfReport = new Map(rep.rows.map((row) => [row[col(rep, 'id')] as string, row[col(rep, 'edition_id')] as string]));
  const pr = get('practice');
  const ci = get('conflict_of_interest');
  return {
    password: BENCH_PASSWORD,
    currentEditionId,
    publishedEditionId: editionOf('published'),
    coordinators: grants('coordinator', null).map(({ id, email }) => ({ id, email })),
    jurors: grants('juror', currentEditionId),
    officials: grants('cityOfficial', null).map(({ id, email, cityId }) => ({ id, email, cityId: cityId! })),
    scorablePractices: pr.rows
      .filter((row) => row[col(pr, 'status')] === 'eligible' && editionOfReport.get(row[col(pr, 'report_id')] as string) === currentEditionId)
      .map((row) => ({ id: row[col(pr, 'id')] as string, cityId: cityOfReport.get(row[col(pr, 'report_id')] as string)! })),
    conflicts: new Set(ci.rows.map((row) => `${row[col(ci, 'juror_id')]}:${row[col(ci, 'practice_id')]}`)),
  };
}

export const describeDataset = (dataset: Dataset) =>
  `seed ${dataset.seed}, scale ${dataset.scale}: ${dataset.tables.map((t) => `${t.table} ${t.rows.length}`).join(', ')} rows; fingerprint ${dataset.fingerprint}`;

if (require.main === module) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('usage: DATABASE_URL=postgres://… node dist/bench/data/generate.js [--seed 42] [--scale 1] [--truncate]');
    process.exit(2);
  }
  buildDataset(Number(arg('seed') ?? 42), Number(arg('scale') ?? 1))
    .then(async (dataset) => {
      const timing = await loadDataset(url, dataset, { truncate: process.argv.includes('--truncate') });
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.log(`inserted ${describeDataset(dataset)}\nbuilt in ${s(dataset.buildMs)}, copied in ${s(timing.copyMs)}, vacuum/analyze/checkpoint ${s(timing.settleMs)}`);
    })
    .catch((error: unknown) => {
      console.error(`data generation failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
