// The one place object-level access rules live: "may this principal do P on object X", answered
// from the grants, the edition's stage and conflicts of interest. Foreign objects answer notFound
// (404, existence not disclosed); a visible object the role may not act on (yet) answers forbidden.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflictedSql, tiedToCitySql } from './conflict-of-interest.sql';
import { ObjectKind, Permission, PERMISSIONS } from './permissions';
import { grantsOf, isCoordinator, Principal } from './principal';

export type AccessDecision = 'allow' | 'notFound' | 'forbidden';

type Stage = 'draft' | 'reportsOpen' | 'juryScoring' | 'deliberation' | 'decided' | 'published';
const STAGE_ORDER: Stage[] = ['draft', 'reportsOpen', 'juryScoring', 'deliberation', 'decided', 'published'];
const atOrAfter = (stage: Stage, from: Stage) => STAGE_ORDER.indexOf(stage) >= STAGE_ORDER.indexOf(from);

/** What the rules need to know about an object, loaded in one query. */
interface Target {
  editionId: string | null;
  cityId: string | null;
  stage: Stage | null;
  /** Practices: whether the caller is conflicted with it (conflictedSql: declared, or tied to its city). */
  conflict?: boolean;
  /** Practices and reports: whether the caller is tied to its city (tiedToCitySql, part of the same definition). */
  tied?: boolean;
  /** Practices and reports: whether it (or one of the report's practices) is before the jury. */
  onBallot?: boolean;
}

/** Practice statuses before the jury, as an SQL list: on the ballot, and after it the decisions. */
export const JURY_PRACTICE_STATUSES_SQL = `('eligible', 'distinguished', 'notDistinguished')`;

/** Whose conflicts filter what the principal reads: nobody's for a coordinator (null), their own otherwise. */
export function conflictViewer(principal: Principal): string | null {
  return isCoordinator(principal) ? null : principal.userId;
}

type Rule = (principal: Principal, target: Target, objectId: string) => AccessDecision | Promise<AccessDecision>;

@Injectable()
export class AccessService {
  constructor(private readonly dataSource: DataSource) {}

  async check(principal: Principal, permission: Permission, objectId: string): Promise<AccessDecision> {
    const kind = (PERMISSIONS[permission] as { object?: ObjectKind }).object;
    if (!kind) return 'allow';
    const rule = this.rules[permission];
    if (!rule) throw new Error(`no access rule for permission ${permission}`);
    const target = await this.load(kind, objectId, principal.userId);
    if (!target) return 'notFound';
    return rule(principal, target, objectId);
  }

  /** The expert assigned to this city in this edition (who may start and write its report). */
  isExpertOf(principal: Principal, editionId: string, cityId: string): boolean {
    return grantsOf(principal, 'expert').some((grant) => grant.editionId === editionId && grant.cityId === cityId);
  }

  /**
   * Decisions (distinguished or not) stay hidden from a practice's own expert until publication;
   * coordinators and the jury, who make them, see them.
   */
  hidesDecisionsFrom(principal: Principal, practice: { editionId: string; cityId: string }): boolean {
    return !isCoordinator(principal) && this.isExpertOf(principal, practice.editionId, practice.cityId);
  }

  /**
   * Whose conflicts of interest filter what the principal reads (visibleToSql): nobody's for a
   * coordinator, who sees everything; the principal's own otherwise.
   */
  conflictViewer(principal: Principal): string | null {
    return conflictViewer(principal);
  }

  /**
   * Which editions the principal may list: coordinators all (ids null); others those of their
   * grants, and officials also every edition that has started (as edition.read allows).
   */
  editionListFilter(principal: Principal): { ids: string[] | null; startedToo: boolean } {
    if (isCoordinator(principal)) return { ids: null, startedToo: false };
    return {
      ids: principal.grants.map((grant) => grant.editionId).filter((id): id is string => id !== null),
      startedToo: grantsOf(principal, 'cityOfficial').length > 0,
    };
  }

  private async load(kind: ObjectKind, id: string, userId: string): Promise<Target | null> {
    const sql = TARGET_SQL[kind];
    if (!sql) throw new Error(`no target loader for ${kind}`);
    const rows: Target[] = await this.dataSource.query(sql, kind === 'practice' || kind === 'report' ? [id, userId] : [id]);
    return rows[0] ?? null;
  }

  private readonly juror = (principal: Principal, editionId: string | null) =>
    grantsOf(principal, 'juror').find((grant) => grant.editionId === editionId);

  private readonly expertOf = (principal: Principal, target: Target) =>
    grantsOf(principal, 'expert').some((grant) => grant.editionId === target.editionId && grant.cityId === target.cityId);

  private readonly rules: Partial<Record<Permission, Rule>> = {
    'edition.read': (p, t) => {
      if (isCoordinator(p)) return 'allow';
      if (p.grants.some((grant) => grant.editionId !== null && grant.editionId === t.editionId)) return 'allow';
      // Officials follow their city across every edition that has started.
      if (grantsOf(p, 'cityOfficial').length > 0 && t.stage !== 'draft') return 'allow';
      return 'notFound';
    },
    'edition.manage': (p) => (isCoordinator(p) ? 'allow' : 'notFound'),
    'edition.jury.manage': (p) => (isCoordinator(p) ? 'allow' : 'notFound'),
    'category.manage': (p) => (isCoordinator(p) ? 'allow' : 'notFound'),
    'edition.report.create': (p, t) =>
      grantsOf(p, 'expert').some((grant) => grant.editionId === t.editionId) ? 'allow' : 'notFound',
    'edition.practices.read': (p, t) => {
      if (isCoordinator(p)) return 'allow';
      if (!this.juror(p, t.editionId)) return 'notFound';
      return atOrAfter(t.stage!, 'juryScoring') ? 'allow' : 'forbidden';
    },
    'edition.ballot.read': (p, t) => (this.juror(p, t.editionId) ? 'allow' : 'notFound'),
    'edition.results.read': (p, t) => {
      if (isCoordinator(p)) return 'allow';
      if (!this.juror(p, t.editionId)) return 'notFound';
      // Blind until scoring has closed.
      return atOrAfter(t.stage!, 'deliberation') ? 'allow' : 'forbidden';
    },
    // The jury deliberates once scoring has closed: results, comments, notes, draft awards.
    'edition.deliberation.read': (p, t) => this.jurySeesDeliberation(p, t),
    'edition.deliberation.write': (p, t) => this.jurySeesDeliberation(p, t),
    'city.manage': (p) => (isCoordinator(p) ? 'allow' : 'notFound'),
    'city.status.read': (p, t) => {
      if (isCoordinator(p)) return 'allow';
      return grantsOf(p, 'cityOfficial').some((grant) => grant.cityId === t.cityId) ? 'allow' : 'notFound';
    },
    'report.read': (p, t) => (isCoordinator(p) || this.expertOf(p, t) ? 'allow' : 'notFound'),
    'report.write': (p, t) => (this.expertOf(p, t) ? 'allow' : 'notFound'),
    'report.file.read': (p, t) => this.evidenceAccess(p, t),
    'practice.read': (p, t) => this.evidenceAccess(p, t),
    'practice.write': (p, t) => (this.expertOf(p, t) ? 'allow' : 'notFound'),
    'practice.eligibility': (p) => (isCoordinator(p) ? 'allow' : 'notFound'),
    'practice.score': (p, t) => this.jurorOnPractice(p, t),
    'practice.conflict.declare': (p, t) => this.jurorOnPractice(p, t),
    'award.manage': (p) => (isCoordinator(p) ? 'allow' : 'notFound'),
  };

  private jurySeesDeliberation(p: Principal, t: Target): AccessDecision {
    if (isCoordinator(p)) return 'allow';
    if (!this.juror(p, t.editionId)) return 'notFound';
    return atOrAfter(t.stage!, 'deliberation') ? 'allow' : 'forbidden';
  }

  /** Reports' files and practices: their expert, coordinators, and the edition's jurors from juryScoring on, for what is before the jury (never their own city's). */
  private evidenceAccess(p: Principal, t: Target): AccessDecision {
    if (isCoordinator(p) || this.expertOf(p, t)) return 'allow';
    if (!this.juror(p, t.editionId)) return 'notFound';
    // A tie to the city bars reading; a declared conflict bars scoring, not reading.
    if (t.tied) return 'forbidden';
    // Only what is before the jury: not an ineligible practice, nor a report with none on the ballot.
    return atOrAfter(t.stage!, 'juryScoring') && t.onBallot ? 'allow' : 'notFound';
  }

  /** A juror may act on practices of their edition, except those they are conflicted with (403). */
  private jurorOnPractice(p: Principal, t: Target): AccessDecision {
    if (!this.juror(p, t.editionId)) return 'notFound';
    return t.conflict ? 'forbidden' : 'allow';
  }
}

/**
 * One query per object kind: the edition, city and stage that the rules look at. A practice's and a
 * report's also say whether the caller ($2) is conflicted with it, so a juror's score write is
 * checked in one round trip instead of two.
 */
const TARGET_SQL: Partial<Record<ObjectKind, string>> = {
  edition: `SELECT e.id AS "editionId", NULL::uuid AS "cityId", e.stage::text AS stage FROM edition e WHERE e.id = $1`,
  category: `SELECT c.edition_id AS "editionId", NULL::uuid AS "cityId", e.stage::text AS stage
               FROM category c JOIN edition e ON e.id = c.edition_id WHERE c.id = $1`,
  city: `SELECT NULL::uuid AS "editionId", c.id AS "cityId", NULL::text AS stage FROM city c WHERE c.id = $1`,
  report: `SELECT r.edition_id AS "editionId", r.city_id AS "cityId", e.stage::text AS stage,
                  EXISTS (SELECT 1 FROM practice p WHERE p.report_id = r.id AND p.status IN ${JURY_PRACTICE_STATUSES_SQL}) AS "onBallot",
                  ${tiedToCitySql('$2::uuid', 'r.edition_id', 'r.city_id')} AS tied
             FROM report r JOIN edition e ON e.id = r.edition_id WHERE r.id = $1`,
  practice: `SELECT r.edition_id AS "editionId", r.city_id AS "cityId", e.stage::text AS stage,
                    pr.status IN ${JURY_PRACTICE_STATUSES_SQL} AS "onBallot",
                    ${conflictedSql('$2::uuid', 'pr.id', 'r.edition_id', 'r.city_id')} AS conflict,
                    ${tiedToCitySql('$2::uuid', 'r.edition_id', 'r.city_id')} AS tied
               FROM practice pr JOIN report r ON r.id = pr.report_id JOIN edition e ON e.id = r.edition_id
              WHERE pr.id = $1`,
  award: `SELECT a.edition_id AS "editionId", a.city_id AS "cityId", e.stage::text AS stage
            FROM award a JOIN edition e ON e.id = a.edition_id WHERE a.id = $1`,
};
