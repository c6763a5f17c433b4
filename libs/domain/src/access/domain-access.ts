// The domain's answer to the guard's question (core's OBJECT_ACCESS): the rules and predicates of
// each domain (<domain>.access.ts) gathered by object kind. One query loads what the rules look
// at; the rule decides. `visibleIds` answers for a set of ids at once, like immich's AccessRepository.
import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessDecision, OBJECT_ACCESS, ObjectAccess, ObjectKind, Permission, PERMISSIONS, Principal, queryRows } from '@app/core';
import { AWARD_ACCESS } from '../awards/awards.access';
import { CATEGORY_ACCESS } from '../categories/categories.access';
import { CITY_ACCESS } from '../cities/cities.access';
import { PRACTICE_COMMENT_ACCESS } from '../decisions/comments.access';
import { EDITION_ACCESS } from '../editions/editions.access';
import { VISIBLE_FILE_IDS_SQL } from '../files/files.access';
import { VISIBLE_GRANT_IDS_SQL } from '../grants/grants.access';
import { PRACTICE_ACCESS } from '../practices/practices.access';
import { FOLLOW_UP_ACCESS, REPORT_ACCESS } from '../reports/reports.access';
import { AccessRule, AccessTarget, ObjectAccessSpec } from './access-rule';

const SPECS: readonly ObjectAccessSpec[] = [EDITION_ACCESS, CATEGORY_ACCESS, CITY_ACCESS, REPORT_ACCESS, PRACTICE_ACCESS, AWARD_ACCESS, PRACTICE_COMMENT_ACCESS, FOLLOW_UP_ACCESS];

@Injectable()
export class DomainAccess implements ObjectAccess {
  private readonly specs = new Map<ObjectKind, ObjectAccessSpec>(SPECS.map((spec) => [spec.kind, spec]));
  private readonly rules: Partial<Record<Permission, AccessRule>> = Object.assign({}, ...SPECS.map((spec) => spec.rules));

  constructor(private readonly dataSource: DataSource) {
    // Deny by default, loudly: an object permission without a rule is a programming error found at boot.
    for (const [permission, spec] of Object.entries(PERMISSIONS) as [Permission, { object?: ObjectKind }][]) {
      if (spec.object && !this.rules[permission]) throw new Error(`no access rule for permission ${permission}`);
    }
  }

  async check(principal: Principal, permission: Permission, objectId: string): Promise<AccessDecision> {
    const kind = (PERMISSIONS[permission] as { object?: ObjectKind }).object;
    if (!kind) return 'allow';
    const rule = this.rules[permission];
    if (!rule) throw new Error(`no access rule for permission ${permission}`);
    const settled = this.spec(kind).settledByGrants?.[permission]?.(principal, objectId);
    if (settled) return settled;
    const target = await this.target(this.dataSource.manager, kind, objectId, principal.userId);
    if (!target) return 'notFound';
    return rule(principal, target);
  }

  /** The ids among `ids` of objects of `kind` that the user may see. */
  visibleIds(manager: EntityManager, kind: ObjectKind, userId: string, ids: readonly string[]): Promise<Set<string>> {
    return this.permittedIds(manager, this.spec(kind).visibleIdsSql, userId, ids);
  }

  /** The ids among `ids` of report files the user may read (report.file.read, as a set). */
  visibleFileIds(manager: EntityManager, userId: string, ids: readonly string[]): Promise<Set<string>> {
    return this.permittedIds(manager, VISIBLE_FILE_IDS_SQL, userId, ids);
  }

  /** The ids among `ids` of assignments (role grants) the user may see. */
  visibleGrantIds(manager: EntityManager, userId: string, ids: readonly string[]): Promise<Set<string>> {
    return this.permittedIds(manager, VISIBLE_GRANT_IDS_SQL, userId, ids);
  }

  private async permittedIds(manager: EntityManager, sql: string, userId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await queryRows<{ id: string }>(manager, sql, [[...new Set(ids)], userId]);
    return new Set(rows.map((row) => row.id));
  }

  private async target(manager: EntityManager, kind: ObjectKind, id: string, userId: string): Promise<AccessTarget | undefined> {
    const { targetSql } = this.spec(kind);
    const [row] = await queryRows<AccessTarget>(manager, targetSql, targetSql.includes('$2') ? [id, userId] : [id]);
    return row;
  }

  private spec(kind: ObjectKind): ObjectAccessSpec {
    const spec = this.specs.get(kind);
    if (!spec) throw new Error(`no access rules for objects of kind ${kind}`);
    return spec;
  }
}

/** Provides the domain's access rules to core's guard. */
@Global()
@Module({ providers: [DomainAccess, { provide: OBJECT_ACCESS, useExisting: DomainAccess }], exports: [DomainAccess, OBJECT_ACCESS] })
export class AccessModule {}
