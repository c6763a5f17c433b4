// An edition's categories: added, changed, moved and removed only before jury scoring starts,
// since from then on jurors, results and awards refer to them as they are.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { uniqueViolation } from '../common/pg-errors';
import { CategoryView, CreateCategoryDto, UpdateCategoryDto } from '../editions/dto/edition.dto';
import { isAtOrAfter } from '../editions/edition-stage';
import { EditionsService } from '../editions/editions.service';
import { TextTranslationsService } from '../text-translations/text-translations.service';
import { CategoriesRepository } from './categories.repository';
import { CategoryNameTranslationsView } from './category-name-translation.dto';

/** Translations are keyed by language code, each a name like the category's own. */
function assertTranslations(translations: Record<string, unknown>): void {
  for (const [locale, name] of Object.entries(translations)) {
    if (!/^[a-z]{2,3}$/.test(locale)) throw new InvalidInputError(`translations.${locale}`, 'must be keyed by a language code such as en or uk');
    if (typeof name !== 'string' || name.trim() === '' || name.length > 300) throw new InvalidInputError(`translations.${locale}`, 'must be a name of 1 to 300 characters');
  }
}

@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly categories: CategoriesRepository,
    private readonly editions: EditionsService,
    private readonly audit: AuditRecorder,
    private readonly textTranslations: TextTranslationsService,
  ) {}

  /** The categories with each description in `language` where a translation exists (null: as written). */
  async list(editionId: string, language: string | null = null): Promise<CategoryView[]> {
    const categories = await this.categories.listByEdition(this.dataSource.manager, editionId);
    return this.textTranslations.localize('categoryDescription', categories, 'description', language);
  }

  async create(actor: Principal, editionId: string, dto: CreateCategoryDto): Promise<CategoryView> {
    const translations = dto.translations ?? {};
    assertTranslations(translations);
    return this.uow.run(async ({ manager }) => {
      const edition = await this.editions.row(manager, editionId, true);
      if (isAtOrAfter(edition.stage, 'juryScoring')) throw new ConflictError('categories_locked', 'Categories cannot be added once jury scoring has started');
      try {
        const row = await this.categories.insert(manager, { editionId, name: dto.name.trim(), description: dto.description ?? null, translations });
        await this.audit.record({ actorId: actor.userId, action: 'category.create', objectType: 'category', objectId: row.id, outcome: 'success', details: { editionId } }, manager);
        return row;
      } catch (error) {
        if (uniqueViolation(error, 'category_edition_name_unique')) throw new ConflictError('category_exists', `The category "${dto.name}" already exists in this edition`);
        throw error;
      }
    });
  }

  /** Renames, re-describes, re-translates or moves a category, before jury scoring starts. */
  async update(actor: Principal, categoryId: string, dto: UpdateCategoryDto): Promise<CategoryView> {
    if (dto.translations) assertTranslations(dto.translations);
    return this.uow.run(async ({ manager }) => {
      const category = await this.lockCategory(manager, categoryId, 'changed');
      await this.textTranslations.originalChanging(manager, 'categoryDescription', categoryId, dto.description);
      try {
        await this.categories.update(manager, categoryId, { name: dto.name?.trim(), description: dto.description, translations: dto.translations });
      } catch (error) {
        if (uniqueViolation(error, 'category_edition_name_unique')) throw new ConflictError('category_exists', `The category "${dto.name}" already exists in this edition`);
        throw error;
      }
      if (dto.position !== undefined) await this.move(manager, category.editionId, categoryId, dto.position);
      await this.audit.record({ actorId: actor.userId, action: 'category.update', objectType: 'category', objectId: categoryId, outcome: 'success' }, manager);
      return (await this.categories.find(manager, categoryId))!;
    });
  }

  /**
   * Removes a category nothing refers to, before jury scoring starts. A category that a practice or
   * an award names stays (409 category_in_use): the expert or coordinator moves those first.
   */
  async delete(actor: Principal, categoryId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      const category = await this.lockCategory(manager, categoryId, 'removed');
      // The category row is locked: a practice naming it meanwhile waits, then finds it gone (400).
      const use = await this.categories.uses(manager, categoryId);
      if (use.practices > 0 || use.awards > 0) {
        throw new ConflictError(
          'category_in_use',
          `The category is named by ${use.practices} practice(s) and ${use.awards} award(s); change those first`,
          { practices: use.practices, awards: use.awards },
        );
      }
      await this.categories.delete(manager, categoryId);
      await this.categories.renumber(manager, category.editionId);
      // The edition in details: the audit trail's edition filter finds the event once the row is gone.
      await this.audit.record({ actorId: actor.userId, action: 'category.delete', objectType: 'category', objectId: categoryId, outcome: 'success', details: { editionId: category.editionId } }, manager);
    });
  }

  /** The name as written and its translations (the translations screen's editor). */
  async nameTranslations(categoryId: string): Promise<CategoryNameTranslationsView> {
    const row = await this.categories.names(this.dataSource.manager, categoryId);
    if (!row) throw new NotFoundError('Category');
    return {
      id: categoryId,
      original: { language: row.originalLanguage, name: row.name },
      translations: Object.entries(row.translations)
        .filter(([language, name]) => language !== row.originalLanguage && name.trim() !== '')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([language, name]) => ({ language, name })),
      editable: !isAtOrAfter(row.stage, 'juryScoring'),
    };
  }

  /**
   * Adds, replaces or (null) removes the name's translation into `language`, before jury scoring
   * starts, as the set-up screen's `translations` does; for coordinators and the edition's translators.
   */
  async setNameTranslation(actor: Principal, categoryId: string, language: string, name: string | null): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      await this.lockCategory(manager, categoryId, 'changed');
      const row = (await this.categories.names(manager, categoryId))!;
      if (language === row.originalLanguage) throw new InvalidInputError('lang', `is the language of the category's name (${language}); rename the category instead`);
      if (!(await this.categories.setNameTranslation(manager, categoryId, language, name))) return;
      await this.audit.record(
        { actorId: actor.userId, action: name === null ? 'category.name_translation_deleted' : 'category.name_translation_put', objectType: 'category', objectId: categoryId, outcome: 'success', details: { language, editionId: row.editionId } },
        manager,
      );
    });
  }

  /** The category, locked with its edition (so the stage cannot move on meanwhile); 409 once scoring has started. */
  private async lockCategory(manager: EntityManager, categoryId: string, what: 'changed' | 'removed'): Promise<{ editionId: string }> {
    const found = await this.categories.find(manager, categoryId);
    if (!found) throw new NotFoundError('Category');
    const edition = await this.editions.row(manager, found.editionId, true);
    if (!(await this.categories.lock(manager, categoryId))) throw new NotFoundError('Category');
    if (isAtOrAfter(edition.stage, 'juryScoring')) {
      throw new ConflictError('categories_locked', `Categories cannot be ${what} once jury scoring has started`, { stage: edition.stage });
    }
    return { editionId: found.editionId };
  }

  /** Puts the category at `position` (clamped to the list) and numbers the edition's categories 0..n-1. */
  private async move(manager: EntityManager, editionId: string, categoryId: string, position: number): Promise<void> {
    const order = (await this.categories.orderedIds(manager, editionId)).filter((id) => id !== categoryId);
    order.splice(Math.min(position, order.length), 0, categoryId);
    await this.categories.setOrder(manager, order);
  }
}
