// Generators of the tables an edition starts from: cities, editions and their stages, categories,
// accounts and role grants (one function per table, in dependency order).
import { addMs, Cell, CATEGORY_NAMES, CITY_STEMS, col, DAY, EDITION_YEARS, FIRST_NAMES, GenContext, iso, LAST_NAMES, REGIONS, sizes, table, TableData } from './model';

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

export const STAGES = ['draft', 'reportsOpen', 'juryScoring', 'deliberation', 'decided', 'published'];

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

export const usersWith = (ctx: GenContext, prefix: string) => {
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

