// Every statement on the role_grant table for assignments (experts, jurors, officials).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryRows, Role } from '@app/core';
import { AssignmentView } from '../editions/dto/edition.dto';

const ASSIGNMENT_SELECT = `
  SELECT g.id, g.user_id AS "userId", u.name, u.email, g.city_id AS "cityId", c.name AS "cityName",
         g.country_of_origin AS "countryOfOrigin", g.languages,
         g.extended_due_at AS "extendedDueAt", g.extension_reason AS "extensionReason"
    FROM role_grant g JOIN app_user u ON u.id = g.user_id LEFT JOIN city c ON c.id = g.city_id`;

export interface NewGrant {
  userId: string;
  role: Role;
  editionId: string | null;
  cityId: string | null;
  countryOfOrigin: string | null;
  languages: string[] | null;
  grantedBy: string;
}

export interface GrantScope {
  editionId: string | null;
  cityId: string | null;
}

@Injectable()
export class GrantsRepository {
  list(manager: EntityManager, role: Role, scope: GrantScope): Promise<AssignmentView[]> {
    return queryRows(
      manager,
      `${ASSIGNMENT_SELECT}
        WHERE g.role = $1 AND ($2::uuid IS NULL OR g.edition_id = $2) AND ($3::uuid IS NULL OR g.city_id = $3)
        ORDER BY c.name NULLS LAST, u.name`,
      [role, scope.editionId, scope.cityId],
    );
  }

  async find(manager: EntityManager, grantId: string): Promise<AssignmentView | undefined> {
    const [row] = await queryRows<AssignmentView>(manager, `${ASSIGNMENT_SELECT} WHERE g.id = $1`, [grantId]);
    return row;
  }

  /** Whether the user exists and is not disabled (only such users can be assigned). */
  async isEnabledUser(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = await queryRows(manager, `SELECT id FROM app_user WHERE id = $1 AND status <> 'disabled'`, [userId]);
    return rows.length > 0;
  }

  async insert(manager: EntityManager, grant: NewGrant): Promise<string> {
    const [{ id }] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO role_grant (user_id, role, edition_id, city_id, country_of_origin, languages, granted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [grant.userId, grant.role, grant.editionId, grant.cityId, grant.countryOfOrigin, grant.languages, grant.grantedBy],
    );
    return id;
  }

  /** The grant of this role within the scope, locked FOR UPDATE. */
  async lock(manager: EntityManager, grantId: string, role: Role, scope: GrantScope): Promise<{ id: string; user_id: string; edition_id: string | null } | undefined> {
    const [row] = await queryRows<{ id: string; user_id: string; edition_id: string | null }>(
      manager,
      `SELECT id, user_id, edition_id FROM role_grant WHERE id = $1 AND role = $2
          AND ($3::uuid IS NULL OR edition_id = $3) AND ($4::uuid IS NULL OR city_id = $4) FOR UPDATE`,
      [grantId, role, scope.editionId, scope.cityId],
    );
    return row;
  }

  /** Sets the grant's personal deadline and its reason (the grant is locked by the caller). */
  async setExtension(manager: EntityManager, grantId: string, dueAt: string, reason: string): Promise<void> {
    await manager.query(`UPDATE role_grant SET extended_due_at = $2, extension_reason = $3 WHERE id = $1`, [grantId, dueAt, reason]);
  }

  async delete(manager: EntityManager, grantId: string): Promise<void> {
    await manager.query(`DELETE FROM role_grant WHERE id = $1`, [grantId]);
  }
}
