// The public read side: published editions with their ceremony, their awards, and the catalogue
// of distinguished practices across editions, searchable in Polish without diacritics.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@app/core';
import { pageTotal } from '../common/pg-errors';
import { CatalogueQuery, PublicAwardsView, PublicEditionView, PublicFollowUp, PublicPracticeDetail, PublicPracticePage } from '../decisions/dto/decisions.dto';
import { PracticeTranslationsService } from '../practices/practice-translations.service';
import { TextTranslationsService } from '../text-translations/text-translations.service';
import { CatalogueRepository } from './catalogue.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A search text as a tsquery of word prefixes, a light stand-in for Polish stemming (PostgreSQL
 * has none): each word keeps at least 4 letters and drops up to 2 of its ending, so "studia"
 * finds "studiów" and "studentów" does not need to match "studia". Only letters and digits pass.
 */
export function prefixQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((word) => `${word.length > 5 ? word.slice(0, Math.max(4, word.length - 2)) : word}:*`).join(' & ');
}

@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueRepository,
    private readonly translations: PracticeTranslationsService,
    private readonly textTranslations: TextTranslationsService,
  ) {}

  editions(): Promise<PublicEditionView[]> {
    return this.catalogue.editions(this.dataSource.manager);
  }

  /** The edition's awards, each citation in `language` where a translation exists (null: as written). */
  async awards(year: number, language: string | null = null): Promise<PublicAwardsView> {
    const edition = await this.catalogue.edition(this.dataSource.manager, year);
    if (!edition) throw new NotFoundError('Published edition');
    const awards = await this.catalogue.awards(this.dataSource.manager, year);
    return { edition, awards: await this.textTranslations.localize('awardCitation', awards, 'citation', language) };
  }

  async practices(query: CatalogueQuery): Promise<PublicPracticePage> {
    const cityId = query.city && UUID.test(query.city) ? query.city : null;
    const categoryId = query.category && UUID.test(query.category) ? query.category : null;
    const rows = await this.catalogue.practices(this.dataSource.manager, {
      tsquery: query.q ? prefixQuery(query.q) : null,
      cityId,
      cityName: query.city && !cityId ? query.city : null,
      categoryId,
      categoryName: query.category && !categoryId ? query.category : null,
      year: query.year ?? null,
      limit: query.limit,
      offset: query.offset,
    });
    const items = await this.translations.localize(rows.map(({ total: _total, relevance: _relevance, ...item }) => item), query.lang ?? null);
    return { items, total: pageTotal(rows) };
  }

  /** One published practice with its distinctions and the follow-ups later editions' reports gave them. */
  async practice(practiceId: string, language: string | null = null): Promise<PublicPracticeDetail> {
    const practice = await this.catalogue.practice(this.dataSource.manager, practiceId);
    if (!practice) throw new NotFoundError('Practice');
    const [[localized], awards, followUps] = await Promise.all([
      this.translations.localize([practice], language),
      this.textTranslations.localize('awardCitation', practice.awards, 'citation', language),
      this.textTranslations.localize('followUpNote', practice.followUps as (PublicFollowUp & { id: string })[], 'assessment', language),
    ]);
    return { ...localized, awards, followUps };
  }
}
