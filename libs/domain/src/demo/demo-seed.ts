// Loads the demo data (demo-data.ts) into an empty database in one transaction: the cities, the
// published 2014 and 2015 editions with Lublin's reports, practices, distinctions and follow-ups,
// the Demo edition open for reports, and one active account per role. Idempotent: the 2015
// edition is the marker, and a second run changes nothing. Plain SQL on the migrated tables; no
// outbox rows, so nothing is mailed for the history it writes.
import { CATALOGUE_INDEX_SQL } from '../catalogue/catalogue-index';
import { EntityManager } from 'typeorm';
import { Role } from '@app/core/auth/roles';
import { assertPasswordPolicy, hashPassword } from '../accounts/passwords';
import {
  DEMO_ACCOUNTS,
  DEMO_CITIES,
  DEMO_EDITION,
  DEMO_PASSWORD,
  DemoCityName,
  DemoEditionKey,
  EDITION_2014,
  EDITION_2015,
  FOLLOW_UPS_2015,
  HistoricEdition,
} from './demo-data';
import { EDITION_STAGES, EditionStage } from '../editions/edition-stage';

export interface DemoSeedOptions {
  /** The shared password of the demo accounts (default DEMO_PASSWORD). */
  password?: string;
  /** Its argon2id hash, when the caller has one already (tests: argon2 is slow on purpose). */
  passwordHash?: string;
  /** The Demo edition's year (default: the current year in Warsaw, at least 2016). */
  demoYear?: number;
}

export interface DemoAccountSummary {
  email: string;
  role: Role;
  note: string;
}

export interface DemoSeedSummary {
  /** False when the demo data was there already and nothing was written. */
  seeded: boolean;
  password: string;
  accounts: DemoAccountSummary[];
}

/** Serialises concurrent seeders (two processes starting on one empty database). */
const DEMO_SEED_LOCK = 7_415_015;
const MARKER_YEAR = EDITION_2015.year;

export function demoAccountsSummary(): DemoAccountSummary[] {
  return DEMO_ACCOUNTS.map(({ email, role, note }) => ({ email, role, note }));
}

export function currentWarsawYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: DEMO_EDITION.timeZone, year: 'numeric' }).format(now));
}

/** Whether the demo data is loaded (its marker, the 2015 edition, exists). */
export async function demoDataPresent(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM edition WHERE year = $1`, [MARKER_YEAR]);
  return rows.length > 0;
}

export async function seedDemoData(manager: EntityManager, options: DemoSeedOptions = {}): Promise<DemoSeedSummary> {
  const password = options.password ?? DEMO_PASSWORD;
  for (const account of DEMO_ACCOUNTS) assertPasswordPolicy(password, account.email);
  const summary = (seeded: boolean): DemoSeedSummary => ({ seeded, password, accounts: demoAccountsSummary() });
  if (await demoDataPresent(manager)) return summary(false);
  // Hashed once, outside the transaction, for every account.
  const passwordHash = options.passwordHash ?? (await hashPassword(password));
  const demoYear = options.demoYear ?? Math.max(currentWarsawYear(), MARKER_YEAR + 1);

  return manager.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [DEMO_SEED_LOCK]);
    if (await demoDataPresent(tx)) return summary(false);
    await new DemoSeeder(tx, passwordHash, demoYear).run();
    return summary(true);
  });
}

type Ids = Map<string, string>;

class DemoSeeder {
  private readonly cities: Ids = new Map();
  private readonly users: Ids = new Map();
  private readonly editions = new Map<DemoEditionKey, string>();
  /** Stage-history rows get increasing times within the seed (one transaction shares now()). */
  private tick = 0;

  constructor(
    private readonly tx: EntityManager,
    private readonly passwordHash: string,
    private readonly demoYear: number,
  ) {}

  async run(): Promise<void> {
    await this.assertFree();
    await this.insertCities();
    await this.insertAccounts();

    const edition2014 = await this.insertHistoricEdition('2014', EDITION_2014);
    const edition2015 = await this.insertHistoricEdition('2015', EDITION_2015);
    await this.insertDemoEdition();
    await this.insertGrants();

    const awards2014 = await this.insertLublinReport(EDITION_2014, edition2014, null);
    await this.insertLublinReport(EDITION_2015, edition2015, awards2014);
    // Published editions are in the catalogue's search index, as publishing would have put them.
    for (const editionId of [edition2014, edition2015]) await this.tx.query(CATALOGUE_INDEX_SQL, [editionId]);

    await this.tx.query(
      `INSERT INTO audit_event (action, object_type, outcome, details) VALUES ('demo.seed', 'edition', 'success', $1::jsonb)`,
      [JSON.stringify({ years: [EDITION_2014.year, EDITION_2015.year, this.demoYear], accounts: DEMO_ACCOUNTS.length })],
    );
  }

  /** The years and addresses the demo data needs must be free: a half-filled database is an error. */
  private async assertFree(): Promise<void> {
    const years: { year: number }[] = await this.tx.query(`SELECT year FROM edition WHERE year = ANY($1::int[]) ORDER BY year`, [
      [EDITION_2014.year, this.demoYear],
    ]);
    if (years.length > 0) {
      throw new Error(`cannot load the demo data: an edition of ${years.map((row) => row.year).join(', ')} exists already`);
    }
    const emails: { email: string }[] = await this.tx.query(`SELECT email FROM app_user WHERE email = ANY($1::text[]) ORDER BY email`, [
      DEMO_ACCOUNTS.map((account) => account.email),
    ]);
    if (emails.length > 0) {
      throw new Error(`cannot load the demo data: the account(s) ${emails.map((row) => row.email).join(', ')} exist already`);
    }
  }

  // ---- cities and accounts ----------------------------------------------------------------

  private async insertCities(): Promise<void> {
    // Cities that exist already (names are unique regardless of case) are reused.
    await this.tx.query(
      `INSERT INTO city (name, region) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [DEMO_CITIES.map((city) => city.name), DEMO_CITIES.map((city) => city.region)],
    );
    const rows: { id: string; name: string }[] = await this.tx.query(
      `SELECT c.id, wanted.name FROM unnest($1::text[]) AS wanted(name) JOIN city c ON lower(c.name) = lower(wanted.name)`,
      [DEMO_CITIES.map((city) => city.name)],
    );
    for (const row of rows) this.cities.set(row.name, row.id);
  }

  private city(name: DemoCityName): string {
    const id = this.cities.get(name);
    if (!id) throw new Error(`demo city ${name} is missing`);
    return id;
  }

  private async insertAccounts(): Promise<void> {
    const rows: { id: string; email: string }[] = await this.tx.query(
      `INSERT INTO app_user (email, name, locale, password_hash, status)
       SELECT email, name, locale, $4, 'active' FROM unnest($1::text[], $2::text[], $3::text[]) AS a(email, name, locale)
       RETURNING id, email`,
      [DEMO_ACCOUNTS.map((a) => a.email), DEMO_ACCOUNTS.map((a) => a.name), DEMO_ACCOUNTS.map((a) => a.locale), this.passwordHash],
    );
    for (const row of rows) this.users.set(row.email, row.id);
  }

  private user(email: string): string {
    const id = this.users.get(email);
    if (!id) throw new Error(`demo account ${email} is missing`);
    return id;
  }

  private async insertGrants(): Promise<void> {
    for (const account of DEMO_ACCOUNTS) {
      for (const grant of account.grants) {
        const editionId = 'edition' in grant ? this.editions.get(grant.edition)! : null;
        const cityId = grant.role === 'juror' ? this.city(grant.juror.city) : 'city' in grant ? this.city(grant.city) : null;
        await this.tx.query(
          `INSERT INTO role_grant (user_id, role, edition_id, city_id, country_of_origin) VALUES ($1, $2, $3, $4, $5)`,
          [
            this.user(account.email),
            grant.role,
            editionId,
            cityId,
            grant.role === 'juror' ? grant.juror.countryOfOrigin : null,
          ],
        );
      }
    }
  }

  // ---- editions -----------------------------------------------------------------------------

  private async insertHistoricEdition(key: DemoEditionKey, edition: HistoricEdition): Promise<string> {
    const [{ id }]: { id: string }[] = await this.tx.query(
      `INSERT INTO edition (year, name, stage, ceremony_starts_at, ceremony_venue, ceremony_city, occasion, occasion_period, organisers)
       VALUES ($1, $2, 'published', $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        edition.year,
        edition.name,
        edition.ceremony.startsAt,
        edition.ceremony.venue,
        edition.ceremony.city,
        edition.ceremony.occasion,
        edition.ceremony.occasionPeriod,
        edition.organisers,
      ],
    );
    this.editions.set(key, id);
    // Only the publication the sources date; the earlier moves' dates are not known.
    if (edition.publishedAt) {
      await this.tx.query(`INSERT INTO edition_stage_event (edition_id, from_stage, to_stage, actor_id, at) VALUES ($1, 'decided', 'published', NULL, $2)`, [
        id,
        edition.publishedAt,
      ]);
    }
    return id;
  }

  private async insertDemoEdition(): Promise<void> {
    const demo = DEMO_EDITION;
    // Deadlines at the end of a day and the ceremony at 15:30, Warsaw time, counted from today.
    const local = (days: string, time: string) =>
      `(date_trunc('day', now() AT TIME ZONE $3) + make_interval(days => ${days}) + ${time}::interval) AT TIME ZONE $3`;
    const [{ id }]: { id: string }[] = await this.tx.query(
      `INSERT INTO edition (year, name, stage, reports_due_at, scoring_due_at, ceremony_starts_at, ceremony_venue, ceremony_city)
       VALUES ($1, $2, 'reportsOpen', ${local('$4', '$7')}, ${local('$5', '$7')}, ${local('$6', '$8')}, $9, $10)
       RETURNING id`,
      [
        this.demoYear,
        demo.name,
        demo.timeZone,
        demo.reportsDueInDays,
        demo.scoringDueInDays,
        demo.ceremonyInDays,
        demo.deadlineTime,
        demo.ceremonyTime,
        demo.ceremonyVenue,
        demo.ceremonyCity,
      ],
    );
    this.editions.set('demo', id);
    await this.insertHistory(id, 'reportsOpen');
    const categories = EDITION_2015.categories.filter((category) => (demo.categoryKeys as readonly string[]).includes(category.key));
    await this.insertCategories(id, categories);
  }

  /** The moves draft → … → `to`, as the stage machine would have written them, by no actor. */
  private async insertHistory(editionId: string, to: EditionStage): Promise<void> {
    const stages = EDITION_STAGES.slice(0, EDITION_STAGES.indexOf(to) + 1);
    for (let i = 1; i < stages.length; i++) {
      await this.tx.query(
        `INSERT INTO edition_stage_event (edition_id, from_stage, to_stage, actor_id, at) VALUES ($1, $2, $3, NULL, now() + $4 * interval '1 millisecond')`,
        [editionId, stages[i - 1], stages[i], this.tick++],
      );
    }
  }

  private async insertCategories(editionId: string, categories: HistoricEdition['categories']): Promise<Ids> {
    const ids: Ids = new Map();
    for (const [position, category] of categories.entries()) {
      const [{ id }]: { id: string }[] = await this.tx.query(
        `INSERT INTO category (edition_id, name, translations, position) VALUES ($1, $2, $3::jsonb, $4) RETURNING id`,
        [editionId, category.name, JSON.stringify(category.translations), position],
      );
      ids.set(category.key, id);
    }
    return ids;
  }

  // ---- Lublin's report, practices, distinctions and follow-ups -------------------------------

  /**
   * The submitted report of the edition's city, its distinguished practices, the awards, and (for
   * 2015) the follow-ups of the previous edition's awards. Returns the awards' ids by key.
   */
  private async insertLublinReport(edition: HistoricEdition, editionId: string, previousAwards: Ids | null): Promise<Ids> {
    const categories = await this.insertCategories(editionId, edition.categories);
    const cityId = this.city(edition.city);
    const expertEmail = DEMO_ACCOUNTS.find((account) =>
      account.grants.some((grant) => grant.role === 'expert' && grant.edition === String(edition.year) && grant.city === edition.city),
    )?.email;
    const expertId = expertEmail ? this.user(expertEmail) : null;
    const [{ id: reportId }]: { id: string }[] = await this.tx.query(
      `INSERT INTO report (edition_id, city_id, status, summary, created_by, submitted_by) VALUES ($1, $2, 'submitted', $3, $4, $4) RETURNING id`,
      [editionId, cityId, edition.reportSummary, expertId],
    );

    const practices: Ids = new Map();
    for (const [position, practice] of edition.practices.entries()) {
      const [{ id }]: { id: string }[] = await this.tx.query(
        `INSERT INTO practice (report_id, title, description, recipient_units, status, position) VALUES ($1, $2, $3, $4, 'distinguished', $5) RETURNING id`,
        [reportId, practice.title, practice.description, practice.recipientUnits, position],
      );
      practices.set(practice.key, id);
      await this.link('practice_category', 'practice_id', id, 'category_id', practice.categoryKeys.map((key) => pick(categories, key)));
    }

    const awards: Ids = new Map();
    for (const [position, award] of edition.awards.entries()) {
      const [{ id }]: { id: string }[] = await this.tx.query(
        `INSERT INTO award (edition_id, city_id, recipient_unit, citation, position, received_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [editionId, cityId, award.recipientUnit, award.citation, position, award.receivedBy ?? null],
      );
      awards.set(award.key, id);
      await this.link('award_category', 'award_id', id, 'category_id', award.categoryKeys.map((key) => pick(categories, key)));
      await this.link('award_practice', 'award_id', id, 'practice_id', award.practiceKeys.map((key) => pick(practices, key)));
    }

    if (previousAwards) {
      for (const followUp of FOLLOW_UPS_2015) {
        await this.tx.query(`INSERT INTO follow_up (report_id, award_id, status, assessment) VALUES ($1, $2, $3, $4)`, [
          reportId,
          pick(previousAwards, followUp.awardKey2014),
          followUp.status,
          followUp.assessment,
        ]);
      }
    }
    return awards;
  }

  private async link(table: string, ownerColumn: string, ownerId: string, otherColumn: string, otherIds: string[]): Promise<void> {
    await this.tx.query(`INSERT INTO ${table} (${ownerColumn}, ${otherColumn}) SELECT $1, unnest($2::uuid[])`, [ownerId, otherIds]);
  }
}

function pick(ids: Ids, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`demo data: unknown key ${key}`);
  return id;
}
