// The reads the jury's protocol needs beyond the results, agreement, conflicts and awards (which
// come from their own services): the edition, its jurors with their cities, its stage history.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows } from '@app/core';
import type { EditionStage } from '../editions/edition-stage';

export interface ProtocolEdition {
  id: string;
  year: number;
  name: string;
  stage: EditionStage;
  ceremony: { startsAt: string | null; venue: string | null; city: string | null };
  scaleMax: number;
}

export interface ProtocolJuror {
  id: string;
  name: string;
  countryOfOrigin: string | null;
  cityName: string | null;
}

export interface ProtocolStageEvent {
  from: EditionStage;
  to: EditionStage;
  at: Date;
  actorName: string | null;
}

@Injectable()
export class ProtocolRepository {
  async edition(manager: EntityManager, editionId: string): Promise<ProtocolEdition | undefined> {
    const [row] = await queryRows<ProtocolEdition>(
      manager,
      `SELECT e.id, e.year, e.name, e.stage, e.scoring_scale_max AS "scaleMax",
              json_build_object('startsAt', e.ceremony_starts_at, 'venue', e.ceremony_venue, 'city', e.ceremony_city) AS ceremony
         FROM edition e WHERE e.id = $1`,
      [editionId],
    );
    return row;
  }

  jurors(manager: EntityManager, editionId: string): Promise<ProtocolJuror[]> {
    return queryRows(
      manager,
      `SELECT u.id, u.name, g.country_of_origin AS "countryOfOrigin", c.name AS "cityName"
         FROM role_grant g JOIN app_user u ON u.id = g.user_id LEFT JOIN city c ON c.id = g.city_id
        WHERE g.role = 'juror' AND g.edition_id = $1
        ORDER BY u.name, u.id`,
      [editionId],
    );
  }

  stageHistory(manager: EntityManager, editionId: string): Promise<ProtocolStageEvent[]> {
    return queryRows(
      manager,
      `SELECT h.from_stage AS "from", h.to_stage AS "to", h.at, u.name AS "actorName"
         FROM edition_stage_event h LEFT JOIN app_user u ON u.id = h.actor_id
        WHERE h.edition_id = $1 ORDER BY h.at, h.id`,
      [editionId],
    );
  }
}
