// Cities: the list, adding one, and the status page an official follows their city on.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, NotFoundError, onOneConnection, Principal } from '@app/core';
import { pageTotal, uniqueViolation } from '../common/pg-errors';
import { CityView, CreateCityDto } from '../editions/dto/edition.dto';
import { maskBeforePublication } from '../practices/practice-status';
import { CityStatusView } from '../reports/dto/report.dto';
import { CitiesRepository } from './cities.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cities: CitiesRepository,
    private readonly audit: AuditRecorder,
  ) {}

  /** Cities by name; q matches a part of the name regardless of case and Polish letters. */
  async list(limit: number, offset: number, q?: string): Promise<{ items: CityView[]; total: number }> {
    const rows = await this.cities.list(this.dataSource.manager, limit, offset, q ?? null);
    return { items: rows.map(({ total: _total, ...city }) => city), total: pageTotal(rows) };
  }

  async create(actor: Principal, dto: CreateCityDto): Promise<CityView> {
    try {
      const row = await this.cities.insert(this.dataSource.manager, { name: dto.name.trim().normalize('NFC'), region: dto.region?.trim() || null });
      await this.audit.record({ actorId: actor.userId, action: 'city.create', objectType: 'city', objectId: row.id, outcome: 'success' });
      return row;
    } catch (error) {
      if (uniqueViolation(error, 'city_name_unique')) throw new ConflictError('city_exists', `The city "${dto.name}" already exists`);
      throw error;
    }
  }

  /** A city named by its id or its name (case and Polish letters aside; the exact spelling wins a tie). */
  async findByIdOrName(manager: EntityManager, idOrName: string): Promise<CityView | undefined> {
    if (UUID.test(idOrName)) return this.cities.find(manager, idOrName);
    const [exact] = await this.cities.findByName(manager, idOrName.trim().normalize('NFC'));
    return exact;
  }

  async exists(manager: EntityManager, cityId: string): Promise<boolean> {
    return (await this.cities.find(manager, cityId)) !== undefined;
  }

  /**
   * What an official sees of the city: per edition that has started, the report's status and each
   * practice with its status and history. No scores and no awards before publication.
   */
  async status(cityId: string, editionId?: string): Promise<CityStatusView> {
    const read = await onOneConnection(this.dataSource, async (manager) => {
      const city = await this.cities.find(manager, cityId);
      if (!city) return undefined;
      const editions = await this.cities.startedEditions(manager, editionId ?? null);
      const reports = await this.cities.reports(manager, cityId);
      const practices = await this.cities.submittedPractices(manager, cityId);
      // Distinctions show only once their edition is published.
      const awards = await this.cities.publishedAwards(manager, cityId);
      return { city, editions, reports, practices, awards };
    });
    if (!read) throw new NotFoundError('City');
    const { city, editions, reports, practices, awards } = read;
    return {
      city,
      editions: editions.map((edition) => {
        const report = reports.find((r) => r.edition_id === edition.id) ?? null;
        return {
          editionId: edition.id,
          year: edition.year,
          name: edition.name,
          stage: edition.stage,
          report: report ? { id: report.id, status: report.status, submittedAt: report.submitted_at } : null,
          awards: edition.stage === 'published' ? awards.filter((a) => a.editionId === edition.id).map(({ editionId: _e, ...award }) => award) : [],
          practices: practices
            .filter((p) => p.editionId === edition.id)
            .map((p) => ({
              id: p.id,
              title: p.title,
              categories: p.categories,
              recipientUnits: p.recipientUnits,
              status: maskBeforePublication(p.status, edition.stage),
              eligibilityReason: p.status === 'ineligible' ? (p.eligibilityReason ?? null) : null,
              history: [
                ...(p.submittedAt ? [{ status: 'submitted' as const, at: p.submittedAt }] : []),
                ...(p.eligibilityDecidedAt ? [{ status: p.status === 'ineligible' ? ('ineligible' as const) : ('eligible' as const), at: p.eligibilityDecidedAt }] : []),
              ],
            })),
        };
      }),
    };
  }
}
