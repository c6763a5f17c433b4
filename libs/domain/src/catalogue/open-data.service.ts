// Open data of the public catalogue: the CSV and JSON downloads, the Atom feed and the statistics
// across years, each stating the configured licence. Published editions only (the repositories' SQL).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, NotFoundError } from '@app/core';
import { OpenDataCatalogue, PublicStatistics } from './dto/open-data.dto';
import { atomFeed, catalogueCsv, Licence, OpenDataPractice } from './open-data';
import { OpenDataRepository } from './open-data.repository';
import { StatisticsRepository } from './statistics.repository';

@Injectable()
export class OpenDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly openData: OpenDataRepository,
    private readonly statistics: StatisticsRepository,
  ) {}

  get licence(): Licence {
    return { name: this.config.OPEN_DATA_LICENCE, url: this.config.OPEN_DATA_LICENCE_URL };
  }

  private get publicUrl(): string {
    return this.config.publicUrl.replace(/\/+$/, '');
  }

  /** Every published practice, with the addresses of its public pages. */
  async practices(): Promise<OpenDataPractice[]> {
    const rows = await this.openData.practices(this.dataSource.manager);
    return rows.map((row) => ({
      ...row,
      links: { practice: `${this.publicUrl}/catalogue/${row.id}`, edition: `${this.publicUrl}/editions/${row.year}` },
    }));
  }

  async catalogueJson(): Promise<OpenDataCatalogue> {
    return { licence: this.licence, generatedAt: new Date().toISOString(), practices: await this.practices() };
  }

  async catalogueCsv(): Promise<string> {
    return catalogueCsv(await this.practices(), this.licence);
  }

  async feed(): Promise<string> {
    const manager = this.dataSource.manager;
    const [editions, awards] = await Promise.all([this.openData.feedEditions(manager), this.openData.feedAwards(manager)]);
    const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));
    return atomFeed({
      publicUrl: this.publicUrl,
      licence: this.licence,
      editions: editions.map((edition) => ({
        ...edition,
        publishedAt: new Date(edition.publishedAt),
        ceremony: edition.ceremony && { ...edition.ceremony, startsAt: asDate(edition.ceremony.startsAt) },
      })),
      awards: awards.map((award) => ({ ...award, publishedAt: new Date(award.publishedAt), updatedAt: new Date(award.updatedAt) })),
    });
  }

  /** Distinctions per city and year, per category, and the follow-ups a later edition gave them. */
  async statisticsOf(cityId: string | null): Promise<PublicStatistics> {
    const manager = this.dataSource.manager;
    if (cityId && !(await this.statistics.cityExists(manager, cityId))) throw new NotFoundError('City');
    const [cities, byCityYear, byCategory, followUps] = await Promise.all([
      this.statistics.cities(manager),
      this.statistics.byCityYear(manager, cityId),
      this.statistics.byCategory(manager, cityId),
      this.statistics.followUps(manager, cityId),
    ]);
    return { cityId, cities, byCityYear, byCategory, followUps, licence: this.licence };
  }
}
