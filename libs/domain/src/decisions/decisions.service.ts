// Deliberation and decisions: awards (distinctions) to a city and often a named unit of it,
// covering eligible practices of that city, in one or more categories; deliberation notes; the
// jury's comments. Awards change only in stage deliberation: finalising (stage decided) locks them.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, queryRows, UnitOfWork } from '@app/core';
import { CertificatesService } from '../certificates/certificates.service';
import { visibleToSql } from '../jury/conflicts.access';
import { AwardShape, categoriesOutsidePractices, findIdenticalAward, insertAward, lockEditionForAwards, visiblePracticeIds } from './awards.repository';
import { AwardView, CreateAwardDto, DeliberationNoteView, JurorCommentView, UpdateAwardDto } from './dto/decisions.dto';

export const AWARD_SELECT = `
  SELECT a.id, a.edition_id AS "editionId", json_build_object('id', c.id, 'name', c.name) AS city,
         a.recipient_unit AS "recipientUnit", a.citation, a.position,
         COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position, cat.name)
                     FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
         COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title) ORDER BY p.position, p.title)
                     FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id), '[]') AS practices
    FROM award a JOIN city c ON c.id = a.city_id`;

@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditRecorder,
    private readonly certificates: CertificatesService,
  ) {}

  /**
   * The edition's awards; for a viewer (a juror), without the practices they are conflicted with,
   * and without the awards left with none of their practices (an award to a city they are tied to).
   */
  async listAwards(editionId: string, viewer: string | null = null): Promise<AwardView[]> {
    const awards: AwardView[] = await this.dataSource.query(`${AWARD_SELECT} WHERE a.edition_id = $1 ORDER BY a.position, a.created_at`, [editionId]);
    if (viewer === null) return awards;
    const visible = new Set(await visiblePracticeIds(this.dataSource, editionId, viewer));
    return awards
      .filter((award) => award.practices.length === 0 || award.practices.some((practice) => visible.has(practice.id)))
      .map((award) => ({ ...award, practices: award.practices.filter((practice) => visible.has(practice.id)) }));
  }

  async award(awardId: string): Promise<AwardView> {
    const [row] = await this.dataSource.query(`${AWARD_SELECT} WHERE a.id = $1`, [awardId]);
    if (!row) throw new NotFoundError('Award');
    return row;
  }

  /**
   * Records a distinction. Creations queue on the edition's lock, so an identical award sent twice
   * (a double click, a retried request) is refused with award_duplicate and positions never repeat.
   */
  async createAward(principal: Principal, editionId: string, dto: CreateAwardDto): Promise<AwardView> {
    const id = await this.uow.run(async ({ manager, emit }) => {
      await this.lockDeliberation(manager, editionId, 'award', true);
      const shape = { cityId: dto.cityId, recipientUnit: dto.recipientUnit ?? null, categoryIds: dto.categoryIds, practiceIds: dto.practiceIds };
      await this.assertCoverage(manager, editionId, dto.cityId, dto.categoryIds, dto.practiceIds);
      await this.assertNotDuplicate(manager, editionId, shape, null);
      const id = await insertAward(manager, editionId, shape, dto.citation?.trim() || null, principal.userId);
      await this.setLinks(manager, id, dto.categoryIds, dto.practiceIds);
      await emit('award.changed', { awardId: id });
      await this.audit.record({ actorId: principal.userId, action: 'award.create', objectType: 'award', objectId: id, outcome: 'success' }, manager);
      return id;
    });
    return this.award(id);
  }

  async updateAward(principal: Principal, awardId: string, dto: UpdateAwardDto): Promise<AwardView> {
    await this.uow.run(async ({ manager, emit }) => {
      const current = await this.lockAward(manager, awardId);
      const categoryIds = dto.categoryIds ?? (await this.linked(manager, 'award_category', 'category_id', awardId));
      const practiceIds = dto.practiceIds ?? (await this.linked(manager, 'award_practice', 'practice_id', awardId));
      await this.assertCoverage(manager, current.edition_id, current.city_id, categoryIds, practiceIds);
      const recipientUnit = dto.recipientUnit !== undefined ? dto.recipientUnit || null : current.recipient_unit;
      await this.assertNotDuplicate(manager, current.edition_id, { cityId: current.city_id, recipientUnit, categoryIds, practiceIds }, awardId);
      await manager.query(
        `UPDATE award SET recipient_unit = CASE WHEN $2::boolean THEN NULLIF($3, '') ELSE recipient_unit END,
                          citation = CASE WHEN $4::boolean THEN NULLIF(trim($5), '') ELSE citation END, updated_at = now()
          WHERE id = $1`,
        [awardId, dto.recipientUnit !== undefined, dto.recipientUnit ?? null, dto.citation !== undefined, dto.citation ?? null],
      );
      await this.setLinks(manager, awardId, categoryIds, practiceIds);
      // The worker re-issues the certificates (a new code) when what they state changed.
      await emit('award.changed', { awardId });
      await this.audit.record({ actorId: principal.userId, action: 'award.update', objectType: 'award', objectId: awardId, outcome: 'success' }, manager);
    });
    return this.award(awardId);
  }

  async deleteAward(principal: Principal, awardId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.lockAward(manager, awardId);
      await this.certificates.revokeForAward(manager, awardId);
      await manager.query(`DELETE FROM award WHERE id = $1`, [awardId]);
      await this.audit.record({ actorId: principal.userId, action: 'award.delete', objectType: 'award', objectId: awardId, outcome: 'success' }, manager);
    });
  }

  /**
   * Checks that the edition is in deliberation, holding its row: in share mode for notes (finalising,
   * which locks it for update, waits, then sees the change), exclusively among award changes so they
   * queue (see lockEditionForAwards). The refusal names what was refused.
   */
  private async lockDeliberation(manager: EntityManager, editionId: string, what: 'award' | 'note', exclusive = false): Promise<void> {
    const stage = exclusive
      ? await lockEditionForAwards(manager, editionId)
      : ((await manager.query(`SELECT stage FROM edition WHERE id = $1 FOR SHARE`, [editionId])) as { stage: string }[])[0]?.stage ?? null;
    if (stage === null) throw new NotFoundError('Edition');
    if (stage !== 'deliberation') {
      const message = what === 'award'
        ? `Awards change only in stage deliberation (the edition is in ${stage})`
        : `Deliberation notes are added only in stage deliberation (the edition is in ${stage})`;
      throw new ConflictError('wrong_stage', message, { stage });
    }
  }

  private async assertNotDuplicate(manager: EntityManager, editionId: string, shape: AwardShape, exceptAwardId: string | null): Promise<void> {
    const existing = await findIdenticalAward(manager, editionId, shape, exceptAwardId);
    if (existing) {
      throw new ConflictError('award_duplicate', 'An identical award (same city, unit, categories and practices) is already recorded', { awardId: existing });
    }
  }

  private async lockAward(manager: EntityManager, awardId: string): Promise<{ edition_id: string; city_id: string; recipient_unit: string | null }> {
    const [award]: { edition_id: string; city_id: string; recipient_unit: string | null }[] = await manager.query(
      `SELECT edition_id, city_id, recipient_unit FROM award WHERE id = $1`,
      [awardId],
    );
    if (!award) throw new NotFoundError('Award');
    await this.lockDeliberation(manager, award.edition_id, 'award', true);
    await manager.query(`SELECT id FROM award WHERE id = $1 FOR UPDATE`, [awardId]);
    return award;
  }

  private async assertCoverage(manager: EntityManager, editionId: string, cityId: string, categoryIds: string[], practiceIds: string[]): Promise<void> {
    const [city] = await manager.query(`SELECT id FROM city WHERE id = $1`, [cityId]);
    if (!city) throw new InvalidInputError('cityId', 'is not an existing city');
    const categories = [...new Set(categoryIds)];
    const [{ count: categoryCount }] = await manager.query(
      `SELECT count(*)::int AS count FROM category WHERE edition_id = $1 AND id = ANY($2::uuid[])`,
      [editionId, categories],
    );
    if (categoryCount !== categories.length) throw new InvalidInputError('categoryIds', 'must name categories of this edition');
    const practices = [...new Set(practiceIds)];
    const [{ count: practiceCount }] = await manager.query(
      `SELECT count(*)::int AS count FROM practice p JOIN report r ON r.id = p.report_id
        WHERE r.edition_id = $1 AND r.city_id = $2 AND p.status = 'eligible' AND p.id = ANY($3::uuid[])`,
      [editionId, cityId, practices],
    );
    if (practiceCount !== practices.length) throw new InvalidInputError('practiceIds', 'must be eligible practices of that city in this edition');
    const [outside] = await categoriesOutsidePractices(manager, categories, practices);
    if (outside) {
      throw new InvalidInputError(`categoryIds.${categoryIds.indexOf(outside.id)}`, `names the category "${outside.name}", under which none of the named practices is filed`);
    }
  }

  private async linked(manager: EntityManager, table: 'award_category' | 'award_practice', column: string, awardId: string): Promise<string[]> {
    const rows: Record<string, string>[] = await manager.query(`SELECT ${column} FROM ${table} WHERE award_id = $1`, [awardId]);
    return rows.map((row) => row[column]);
  }

  private async setLinks(manager: EntityManager, awardId: string, categoryIds: string[], practiceIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM award_category WHERE award_id = $1`, [awardId]);
    await manager.query(`DELETE FROM award_practice WHERE award_id = $1`, [awardId]);
    await manager.query(`INSERT INTO award_category (award_id, category_id) SELECT $1, unnest($2::uuid[])`, [awardId, [...new Set(categoryIds)]]);
    await manager.query(`INSERT INTO award_practice (award_id, practice_id) SELECT $1, unnest($2::uuid[])`, [awardId, [...new Set(practiceIds)]]);
  }

  // ---- deliberation notes and the jury's comments ------------------------------------

  async addNote(principal: Principal, editionId: string, text: string): Promise<DeliberationNoteView> {
    return this.uow.run(async ({ manager }) => {
      await this.lockDeliberation(manager, editionId, 'note');
      const [row] = await queryRows<{ id: string; created_at: Date }>(
        manager,
        `INSERT INTO deliberation_note (edition_id, author_id, text) VALUES ($1, $2, $3) RETURNING id, created_at`,
        [editionId, principal.userId, text.trim()],
      );
      return { id: row.id, authorId: principal.userId, authorName: principal.name, text: text.trim(), createdAt: row.created_at };
    });
  }

  notes(editionId: string): Promise<DeliberationNoteView[]> {
    return this.dataSource.query(
      `SELECT n.id, n.author_id AS "authorId", u.name AS "authorName", n.text, n.created_at AS "createdAt"
         FROM deliberation_note n JOIN app_user u ON u.id = n.author_id WHERE n.edition_id = $1 ORDER BY n.created_at`,
      [editionId],
    );
  }

  /** Every juror's comment with the practice it is about (shown to the jury once scoring has closed; a viewer's conflicted practices left out). */
  comments(editionId: string, viewer: string | null = null): Promise<JurorCommentView[]> {
    return this.dataSource.query(
      `SELECT s.practice_id AS "practiceId", p.title AS "practiceTitle", c.name AS "cityName", s.juror_id AS "jurorId",
              u.name AS "jurorName", s.comment, s.updated_at AS "updatedAt"
         FROM score s JOIN practice p ON p.id = s.practice_id JOIN report r ON r.id = p.report_id
         JOIN city c ON c.id = r.city_id JOIN app_user u ON u.id = s.juror_id
        WHERE s.edition_id = $1 AND s.comment IS NOT NULL
          AND ${visibleToSql('$2', 'p.id', 'r.edition_id', 'r.city_id')}
        ORDER BY c.name, p.title, u.name`,
      [editionId, viewer],
    );
  }
}
