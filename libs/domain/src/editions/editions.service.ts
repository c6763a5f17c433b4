// Editions: creation, settings, the stage machine with its guards, categories, cities and the
// assignments (experts, jurors, officials) that are the role grants of the access layer.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AccessService,
  AuditRecorder,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  Principal,
  queryRows,
  Role,
  UnitOfWork,
} from '@app/core';
import {
  AssignExpertDto,
  AssignJurorDto,
  AssignmentView,
  CategoryView,
  CityView,
  CreateCategoryDto,
  CreateCityDto,
  CreateEditionDto,
  EditionView,
  TransitionsView,
  UpdateCategoryDto,
  UpdateEditionDto,
} from './dto/edition.dto';
import { CATALOGUE_INDEX_SQL } from '../catalogue/catalogue-index';
import { allowedTargets, assertTransition, EDITION_STAGES, EditionStage, isAtOrAfter, TransitionBlocker, transitionBlockers, TransitionFacts } from './edition-stage';

interface EditionRow {
  id: string;
  year: number;
  name: string;
  stage: EditionStage;
  reports_due_at: Date | null;
  scoring_due_at: Date | null;
  ceremony_starts_at: Date | null;
  ceremony_venue: string | null;
  ceremony_city: string | null;
  scoring_scale_max: number;
  scoring_weights: EditionView['scoring']['weights'];
  reports_reminder_days: number;
  scoring_reminder_days: number;
  created_at: Date;
}

export function toEditionView(row: EditionRow): EditionView {
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    stage: row.stage,
    reportsDueAt: row.reports_due_at,
    scoringDueAt: row.scoring_due_at,
    ceremony: row.ceremony_starts_at
      ? { startsAt: row.ceremony_starts_at, venue: row.ceremony_venue ?? '', city: row.ceremony_city ?? '' }
      : null,
    scoring: { scaleMax: row.scoring_scale_max, weights: row.scoring_weights },
    reminders: { reportsDays: row.reports_reminder_days, scoringDays: row.scoring_reminder_days },
    allowedTransitions: [...allowedTargets(row.stage)],
    createdAt: row.created_at,
  };
}

/** What entering a stage does to the edition's practices, in the transition's transaction. */
const STAGE_EFFECTS: Partial<Record<EditionStage, string[]>> = {
  // Finalising: the decisions are in; every eligible practice is now distinguished or not.
  decided: [
    `UPDATE practice p
        SET status = CASE WHEN EXISTS (SELECT 1 FROM award_practice ap JOIN award a ON a.id = ap.award_id
                                        WHERE ap.practice_id = p.id AND a.edition_id = $1)
                          THEN 'distinguished'::practice_status ELSE 'notDistinguished'::practice_status END,
            updated_at = now()
       FROM report r WHERE r.id = p.report_id AND r.edition_id = $1 AND p.status = 'eligible'`,
  ],
  // Publishing: the distinguished practices enter the public catalogue's full-text index.
  published: [CATALOGUE_INDEX_SQL],
};

/** Which stage consumes each kind of assignment: it can be removed only before that stage. */
const ASSIGNMENT_USED_FROM: Record<'expert' | 'juror', EditionStage> = { expert: 'reportsOpen', juror: 'juryScoring' };

const CATEGORY_SELECT = `SELECT id, edition_id AS "editionId", name, description, translations, position FROM category`;

/** Translations are keyed by language code, each a name like the category's own. */
function assertTranslations(translations: Record<string, unknown>): void {
  for (const [locale, name] of Object.entries(translations)) {
    if (!/^[a-z]{2,3}$/.test(locale)) throw new InvalidInputError(`translations.${locale}`, 'must be keyed by a language code such as en or uk');
    if (typeof name !== 'string' || name.trim() === '' || name.length > 300) throw new InvalidInputError(`translations.${locale}`, 'must be a name of 1 to 300 characters');
  }
}

const uniqueViolation = (error: unknown, constraint?: string) => {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
};

@Injectable()
export class EditionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly audit: AuditRecorder,
  ) {}

  // ---- editions -------------------------------------------------------------------------

  async create(actor: Principal, dto: CreateEditionDto): Promise<EditionView> {
    try {
      const [row]: EditionRow[] = await this.dataSource.query(
        `INSERT INTO edition (year, name, ceremony_starts_at, ceremony_venue, ceremony_city, reports_due_at, scoring_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [dto.year, dto.name.trim(), dto.ceremony?.startsAt ?? null, dto.ceremony?.venue ?? null, dto.ceremony?.city ?? null, dto.reportsDueAt ?? null, dto.scoringDueAt ?? null],
      );
      await this.audit.record({ actorId: actor.userId, action: 'edition.create', objectType: 'edition', objectId: row.id, outcome: 'success' });
      return toEditionView(row);
    } catch (error) {
      if (uniqueViolation(error, 'edition_year_unique')) throw new ConflictError('edition_year_taken', `An edition for ${dto.year} already exists`);
      throw error;
    }
  }

  async list(principal: Principal, limit: number, offset: number): Promise<{ items: EditionView[]; total: number }> {
    const { ids: visible, startedToo } = this.access.editionListFilter(principal);
    const rows: (EditionRow & { total: string })[] = await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM edition
        WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) OR ($2 AND stage <> 'draft')
        ORDER BY year DESC LIMIT $3 OFFSET $4`,
      [visible, startedToo, limit, offset],
    );
    return { items: rows.map(toEditionView), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async get(editionId: string): Promise<EditionView> {
    return toEditionView(await this.row(this.dataSource.manager, editionId));
  }

  async update(actor: Principal, editionId: string, dto: UpdateEditionDto): Promise<EditionView> {
    return this.uow.run(async ({ manager }) => {
      const current = await this.row(manager, editionId, true);
      if (dto.scoring && isAtOrAfter(current.stage, 'juryScoring')) {
        throw new ConflictError('scoring_settings_locked', 'The scale and weights cannot change once jury scoring has started');
      }
      if (dto.reportsDueAt !== undefined && isAtOrAfter(current.stage, 'juryScoring')) {
        throw new ConflictError('deadline_locked', 'reportsDueAt cannot change once the expert stage has closed');
      }
      if (dto.scoringDueAt !== undefined && isAtOrAfter(current.stage, 'deliberation')) {
        throw new ConflictError('deadline_locked', 'scoringDueAt cannot change once jury scoring has closed');
      }
      const weights = dto.scoring?.weights;
      if (weights && Object.values(weights).reduce((sum, w) => sum + w, 0) <= 0) {
        throw new InvalidInputError('scoring.weights', 'must not all be zero');
      }
      const set: string[] = [];
      const values: unknown[] = [editionId];
      const assign = (column: string, value: unknown, cast = '') => {
        values.push(value);
        set.push(`${column} = $${values.length}${cast}`);
      };
      if (dto.name !== undefined) assign('name', dto.name.trim());
      if (dto.reportsDueAt !== undefined) assign('reports_due_at', dto.reportsDueAt);
      if (dto.scoringDueAt !== undefined) assign('scoring_due_at', dto.scoringDueAt);
      if (dto.ceremony !== undefined) {
        assign('ceremony_starts_at', dto.ceremony?.startsAt ?? null);
        assign('ceremony_venue', dto.ceremony?.venue ?? null);
        assign('ceremony_city', dto.ceremony?.city ?? null);
      }
      if (dto.scoring?.scaleMax !== undefined) assign('scoring_scale_max', dto.scoring.scaleMax);
      if (weights) assign('scoring_weights', JSON.stringify(weights), '::jsonb');
      if (dto.reminders?.reportsDays !== undefined) assign('reports_reminder_days', dto.reminders.reportsDays);
      if (dto.reminders?.scoringDays !== undefined) assign('scoring_reminder_days', dto.reminders.scoringDays);
      if (set.length === 0) return toEditionView(current);
      const [row] = await queryRows<EditionRow>(
        manager,
        `UPDATE edition SET ${set.join(', ')}, updated_at = now() WHERE id = $1 RETURNING *`,
        values,
      );
      await this.audit.record({ actorId: actor.userId, action: 'edition.update', objectType: 'edition', objectId: editionId, outcome: 'success', details: { fields: Object.keys(dto) } }, manager);
      return toEditionView(row);
    });
  }

  // ---- the stage machine ----------------------------------------------------------------

  /**
   * Moves the edition one stage on: guards checked under a row lock, then one conditional UPDATE,
   * a history row and an outbox event, all in one transaction. Concurrent calls give one success.
   */
  async transition(actor: Principal, editionId: string, to: EditionStage): Promise<EditionView> {
    return this.uow.run(async (tx) => {
      const current = await this.row(tx.manager, editionId, true);
      assertTransition(current.stage, to);
      const blockerDetails = await this.blockers(tx.manager, current, to);
      if (blockerDetails.length > 0) {
        const blockers = blockerDetails.map((blocker) => blocker.message);
        throw new ConflictError('transition_blocked', `Cannot move to ${to}: ${blockers.join('; ')}`, { from: current.stage, to, blockers, blockerDetails });
      }
      const moved = await queryRows<EditionRow>(
        tx.manager,
        `UPDATE edition SET stage = $3, updated_at = now() WHERE id = $1 AND stage = $2 RETURNING *`,
        [editionId, current.stage, to],
      );
      if (moved.length === 0) throw new ConflictError('stage_changed', 'The edition changed stage meanwhile; reload and try again');
      const [event]: { id: string }[] = await tx.manager.query(
        `INSERT INTO edition_stage_event (edition_id, from_stage, to_stage, actor_id) VALUES ($1, $2, $3, $4) RETURNING id`,
        [editionId, current.stage, to, actor.userId],
      );
      for (const effect of STAGE_EFFECTS[to] ?? []) await tx.manager.query(effect, [editionId]);
      await tx.emit('edition.stageChanged', { editionId, from: current.stage, to, stageEventId: event.id });
      await this.audit.record({ actorId: actor.userId, action: 'edition.transition', objectType: 'edition', objectId: editionId, outcome: 'success', details: { from: current.stage, to } }, tx.manager);
      return toEditionView(moved[0]);
    });
  }

  async transitions(editionId: string): Promise<TransitionsView> {
    const manager = this.dataSource.manager;
    const current = await this.row(manager, editionId);
    const next = await Promise.all(
      allowedTargets(current.stage).map(async (to) => {
        const blockerDetails = await this.blockers(manager, current, to);
        return { to, ready: blockerDetails.length === 0, blockers: blockerDetails.map((blocker) => blocker.message), blockerDetails };
      }),
    );
    const history: TransitionsView['history'] = await manager.query(
      `SELECT from_stage AS "from", to_stage AS "to", actor_id AS "actorId", at FROM edition_stage_event WHERE edition_id = $1 ORDER BY at`,
      [editionId],
    );
    return { stage: current.stage, next, history };
  }

  /** The guards of a move: codes for clients, plain words for people. */
  private async blockers(manager: EntityManager, edition: EditionRow, to: EditionStage): Promise<TransitionBlocker[]> {
    const [counts]: Omit<TransitionFacts, 'reportsDueAt' | 'scoringDueAt'>[] = await manager.query(
      `SELECT (SELECT count(*)::int FROM category WHERE edition_id = $1) AS categories,
              (SELECT count(*)::int FROM role_grant WHERE edition_id = $1 AND role = 'expert') AS experts,
              (SELECT count(*)::int FROM role_grant WHERE edition_id = $1 AND role = 'juror') AS jurors,
              (SELECT count(*)::int FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 AND p.status = 'submitted') AS unchecked,
              (SELECT count(*)::int FROM practice p JOIN report r ON r.id = p.report_id WHERE r.edition_id = $1 AND p.status = 'eligible') AS eligible,
              (SELECT count(*)::int FROM award WHERE edition_id = $1) AS awards`,
      [edition.id],
    );
    return transitionBlockers(to, { ...counts, reportsDueAt: edition.reports_due_at, scoringDueAt: edition.scoring_due_at });
  }

  private async row(manager: EntityManager, editionId: string, lock = false): Promise<EditionRow> {
    const [row]: EditionRow[] = await manager.query(`SELECT * FROM edition WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [editionId]);
    if (!row) throw new NotFoundError('Edition');
    return row;
  }

  // ---- categories -----------------------------------------------------------------------

  async listCategories(editionId: string): Promise<CategoryView[]> {
    return this.dataSource.query(`${CATEGORY_SELECT} WHERE edition_id = $1 ORDER BY position, name`, [editionId]);
  }

  async createCategory(actor: Principal, editionId: string, dto: CreateCategoryDto): Promise<CategoryView> {
    const translations = dto.translations ?? {};
    assertTranslations(translations);
    return this.uow.run(async ({ manager }) => {
      const edition = await this.row(manager, editionId, true);
      if (isAtOrAfter(edition.stage, 'juryScoring')) throw new ConflictError('categories_locked', 'Categories cannot be added once jury scoring has started');
      try {
        const [row]: CategoryView[] = await manager.query(
          `INSERT INTO category (edition_id, name, description, translations, position)
           VALUES ($1, $2, $3, $4::jsonb, (SELECT count(*) FROM category WHERE edition_id = $1))
           RETURNING id, edition_id AS "editionId", name, description, translations, position`,
          [editionId, dto.name.trim(), dto.description ?? null, JSON.stringify(translations)],
        );
        await this.audit.record({ actorId: actor.userId, action: 'category.create', objectType: 'category', objectId: row.id, outcome: 'success' }, manager);
        return row;
      } catch (error) {
        if (uniqueViolation(error, 'category_edition_name_unique')) throw new ConflictError('category_exists', `The category "${dto.name}" already exists in this edition`);
        throw error;
      }
    });
  }

  /**
   * Renames, re-describes, re-translates or moves a category. Like adding one, only before jury
   * scoring starts: from then on jurors, results and awards refer to the categories as they are.
   */
  async updateCategory(actor: Principal, categoryId: string, dto: UpdateCategoryDto): Promise<CategoryView> {
    if (dto.translations) assertTranslations(dto.translations);
    return this.uow.run(async ({ manager }) => {
      const category = await this.lockCategory(manager, categoryId, 'changed');
      try {
        await manager.query(
          `UPDATE category SET name = COALESCE($2, name),
                  description = CASE WHEN $3::boolean THEN $4 ELSE description END,
                  translations = COALESCE($5::jsonb, translations)
            WHERE id = $1`,
          [categoryId, dto.name?.trim() ?? null, dto.description !== undefined, dto.description ?? null, dto.translations ? JSON.stringify(dto.translations) : null],
        );
      } catch (error) {
        if (uniqueViolation(error, 'category_edition_name_unique')) throw new ConflictError('category_exists', `The category "${dto.name}" already exists in this edition`);
        throw error;
      }
      if (dto.position !== undefined) await this.moveCategory(manager, category.editionId, categoryId, dto.position);
      await this.audit.record({ actorId: actor.userId, action: 'category.update', objectType: 'category', objectId: categoryId, outcome: 'success' }, manager);
      const [row]: CategoryView[] = await manager.query(`${CATEGORY_SELECT} WHERE id = $1`, [categoryId]);
      return row;
    });
  }

  /**
   * Removes a category nothing refers to, before jury scoring starts. A category that a practice or
   * an award names stays (409 category_in_use): the expert or coordinator moves those first.
   */
  async deleteCategory(actor: Principal, categoryId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      const category = await this.lockCategory(manager, categoryId, 'removed');
      // The category row is locked: a practice naming it meanwhile waits, then finds it gone (400).
      const [use]: { practices: number; awards: number }[] = await manager.query(
        `SELECT (SELECT count(*)::int FROM practice_category WHERE category_id = $1) AS practices,
                (SELECT count(*)::int FROM award_category WHERE category_id = $1) AS awards`,
        [categoryId],
      );
      if (use.practices > 0 || use.awards > 0) {
        throw new ConflictError(
          'category_in_use',
          `The category is named by ${use.practices} practice(s) and ${use.awards} award(s); change those first`,
          { practices: use.practices, awards: use.awards },
        );
      }
      await manager.query(`DELETE FROM category WHERE id = $1`, [categoryId]);
      await manager.query(
        `UPDATE category c SET position = ordered.index - 1
           FROM (SELECT id, row_number() OVER (ORDER BY position, name) AS index FROM category WHERE edition_id = $1) ordered
          WHERE c.id = ordered.id AND c.position <> ordered.index - 1`,
        [category.editionId],
      );
      await this.audit.record({ actorId: actor.userId, action: 'category.delete', objectType: 'category', objectId: categoryId, outcome: 'success' }, manager);
    });
  }

  /** The category, locked with its edition (so the stage cannot move on meanwhile); 409 once scoring has started. */
  private async lockCategory(manager: EntityManager, categoryId: string, what: 'changed' | 'removed'): Promise<{ editionId: string }> {
    const [found]: { edition_id: string }[] = await manager.query(`SELECT edition_id FROM category WHERE id = $1`, [categoryId]);
    if (!found) throw new NotFoundError('Category');
    const edition = await this.row(manager, found.edition_id, true);
    const [locked] = await manager.query(`SELECT id FROM category WHERE id = $1 FOR UPDATE`, [categoryId]);
    if (!locked) throw new NotFoundError('Category');
    if (isAtOrAfter(edition.stage, 'juryScoring')) {
      throw new ConflictError('categories_locked', `Categories cannot be ${what} once jury scoring has started`, { stage: edition.stage });
    }
    return { editionId: found.edition_id };
  }

  /** Puts the category at `position` (clamped to the list) and numbers the edition's categories 0..n-1. */
  private async moveCategory(manager: EntityManager, editionId: string, categoryId: string, position: number): Promise<void> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM category WHERE edition_id = $1 ORDER BY position, name`, [editionId]);
    const order = rows.map((row) => row.id).filter((id) => id !== categoryId);
    order.splice(Math.min(position, order.length), 0, categoryId);
    await manager.query(
      `UPDATE category c SET position = ordered.index - 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS ordered(id, index)
        WHERE c.id = ordered.id`,
      [order],
    );
  }

  // ---- cities ---------------------------------------------------------------------------

  /** Cities by name; q matches a part of the name regardless of case and Polish letters. */
  async listCities(limit: number, offset: number, q?: string): Promise<{ items: CityView[]; total: number }> {
    const rows: (CityView & { total: string })[] = await this.dataSource.query(
      `SELECT id, name, region, count(*) OVER () AS total FROM city
        WHERE $3::text IS NULL OR lower(unaccent(name)) LIKE '%' || lower(unaccent($3)) || '%'
        ORDER BY name COLLATE "C" LIMIT $1 OFFSET $2`,
      [limit, offset, q ?? null],
    );
    return { items: rows.map(({ total: _total, ...city }) => city), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async createCity(actor: Principal, dto: CreateCityDto): Promise<CityView> {
    try {
      const [row]: CityView[] = await this.dataSource.query(
        `INSERT INTO city (name, region) VALUES ($1, $2) RETURNING id, name, region`,
        [dto.name.trim().normalize('NFC'), dto.region?.trim() || null],
      );
      await this.audit.record({ actorId: actor.userId, action: 'city.create', objectType: 'city', objectId: row.id, outcome: 'success' });
      return row;
    } catch (error) {
      if (uniqueViolation(error, 'city_name_unique')) throw new ConflictError('city_exists', `The city "${dto.name}" already exists`);
      throw error;
    }
  }

  // ---- assignments (role grants) --------------------------------------------------------

  listAssignments(role: Role, scope: { editionId?: string; cityId?: string }): Promise<AssignmentView[]> {
    return this.dataSource.query(
      `SELECT g.id, g.user_id AS "userId", u.name, u.email, g.city_id AS "cityId", c.name AS "cityName",
              g.country_of_origin AS "countryOfOrigin", g.languages
         FROM role_grant g JOIN app_user u ON u.id = g.user_id LEFT JOIN city c ON c.id = g.city_id
        WHERE g.role = $1 AND ($2::uuid IS NULL OR g.edition_id = $2) AND ($3::uuid IS NULL OR g.city_id = $3)
        ORDER BY c.name NULLS LAST, u.name`,
      [role, scope.editionId ?? null, scope.cityId ?? null],
    );
  }

  assignExpert(actor: Principal, editionId: string, dto: AssignExpertDto): Promise<AssignmentView> {
    return this.grant(actor, 'expert', { editionId, cityId: dto.cityId, userId: dto.userId }, {
      role_grant_expert_per_city_unique: 'This city already has an expert in this edition',
      role_grant_expert_per_edition_unique: 'This user is already the expert of a city in this edition',
    });
  }

  assignJuror(actor: Principal, editionId: string, dto: AssignJurorDto): Promise<AssignmentView> {
    return this.grant(actor, 'juror', { editionId, cityId: dto.cityId ?? null, userId: dto.userId, countryOfOrigin: dto.countryOfOrigin ?? null, languages: dto.languages ?? null }, {
      role_grant_juror_unique: 'This user is already a juror of this edition',
    });
  }

  assignOfficial(actor: Principal, cityId: string, userId: string): Promise<AssignmentView> {
    return this.grant(actor, 'cityOfficial', { editionId: null, cityId, userId }, {
      role_grant_official_unique: 'This user is already an official of this city',
    });
  }

  private async grant(
    actor: Principal,
    role: Role,
    scope: { editionId: string | null; cityId: string | null; userId: string; countryOfOrigin?: string | null; languages?: string[] | null },
    duplicates: Record<string, string>,
  ): Promise<AssignmentView> {
    return this.uow.run(async ({ manager }) => {
      if (scope.editionId) {
        const edition = await this.row(manager, scope.editionId, true);
        const usedFrom = ASSIGNMENT_USED_FROM[role as 'expert' | 'juror'];
        if (usedFrom && isAtOrAfter(edition.stage, EDITION_STAGES[EDITION_STAGES.indexOf(usedFrom) + 1])) {
          throw new ConflictError('assignments_locked', `${role}s cannot be assigned once the edition is past ${usedFrom}`);
        }
      }
      const [user] = await manager.query(`SELECT id FROM app_user WHERE id = $1 AND status <> 'disabled'`, [scope.userId]);
      if (!user) throw new InvalidInputError('userId', 'is not an existing, enabled user');
      if (scope.cityId) {
        const [city] = await manager.query(`SELECT id FROM city WHERE id = $1`, [scope.cityId]);
        if (!city) throw new InvalidInputError('cityId', 'is not an existing city');
      }
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO role_grant (user_id, role, edition_id, city_id, country_of_origin, languages, granted_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [scope.userId, role, scope.editionId, scope.cityId, scope.countryOfOrigin ?? null, scope.languages ?? null, actor.userId],
        );
      } catch (error) {
        const constraint = Object.keys(duplicates).find((name) => uniqueViolation(error, name));
        if (constraint) throw new ConflictError('already_assigned', duplicates[constraint]);
        throw error;
      }
      await this.audit.record({ actorId: actor.userId, action: `grant.${role}`, objectType: 'user', objectId: scope.userId, outcome: 'success', details: { grantId: id, editionId: scope.editionId, cityId: scope.cityId } }, manager);
      const [view]: AssignmentView[] = await manager.query(
        `SELECT g.id, g.user_id AS "userId", u.name, u.email, g.city_id AS "cityId", c.name AS "cityName",
                g.country_of_origin AS "countryOfOrigin", g.languages
           FROM role_grant g JOIN app_user u ON u.id = g.user_id LEFT JOIN city c ON c.id = g.city_id WHERE g.id = $1`,
        [id],
      );
      return view;
    });
  }

  /** Removes an assignment, only before the stage that uses it. */
  async revoke(actor: Principal, role: Role, assignmentId: string, scope: { editionId?: string; cityId?: string }): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      const [grant]: { id: string; user_id: string; edition_id: string | null }[] = await manager.query(
        `SELECT id, user_id, edition_id FROM role_grant WHERE id = $1 AND role = $2
            AND ($3::uuid IS NULL OR edition_id = $3) AND ($4::uuid IS NULL OR city_id = $4) FOR UPDATE`,
        [assignmentId, role, scope.editionId ?? null, scope.cityId ?? null],
      );
      if (!grant) throw new NotFoundError('Assignment');
      if (grant.edition_id) {
        const edition = await this.row(manager, grant.edition_id, true);
        const usedFrom = ASSIGNMENT_USED_FROM[role as 'expert' | 'juror'];
        if (usedFrom && isAtOrAfter(edition.stage, usedFrom)) {
          throw new ConflictError('assignment_in_use', `A ${role} cannot be removed once the edition has reached ${usedFrom}`);
        }
      }
      await manager.query(`DELETE FROM role_grant WHERE id = $1`, [assignmentId]);
      await this.audit.record({ actorId: actor.userId, action: `revoke.${role}`, objectType: 'user', objectId: grant.user_id, outcome: 'success', details: { grantId: assignmentId } }, manager);
    });
  }
}
