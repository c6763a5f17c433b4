// Every permission a route can declare: which roles may ever use it (coarse, 403 otherwise) and,
// for object permissions, which object its route parameter names (checked by the guard through OBJECT_ACCESS).
import { Role } from './roles';

export type ObjectKind = 'edition' | 'category' | 'city' | 'report' | 'practice' | 'award' | 'user' | 'notification' | 'practiceComment' | 'followUp';

interface PermissionSpec {
  /** Roles that may use the route at all; 'anySignedIn' includes users without any grant. */
  roles: readonly Role[] | 'anySignedIn';
  /** The kind of object named by the route parameter, for the object-level check. */
  object?: ObjectKind;
}

const COORDINATOR = ['coordinator'] as const;

export const PERMISSIONS = {
  'session.self': { roles: 'anySignedIn' },
  'users.manage': { roles: COORDINATOR },
  'audit.read': { roles: COORDINATOR },
  'cities.read': { roles: 'anySignedIn' },
  'cities.manage': { roles: COORDINATOR },
  'city.manage': { roles: COORDINATOR, object: 'city' },
  'city.status.read': { roles: ['coordinator', 'cityOfficial'], object: 'city' },
  'editions.read': { roles: 'anySignedIn' },
  'editions.manage': { roles: COORDINATOR },
  'edition.read': { roles: ['coordinator', 'expert', 'juror', 'cityOfficial'], object: 'edition' },
  'edition.manage': { roles: COORDINATOR, object: 'edition' },
  'edition.report.create': { roles: ['expert'], object: 'edition' },
  'edition.practices.read': { roles: ['coordinator', 'juror', 'translator'], object: 'edition' },
  'edition.ballot.read': { roles: ['juror'], object: 'edition' },
  'edition.results.read': { roles: ['coordinator', 'juror'], object: 'edition' },
  'edition.jury.manage': { roles: COORDINATOR, object: 'edition' },
  'category.manage': { roles: COORDINATOR, object: 'category' },
  'edition.deliberation.read': { roles: ['coordinator', 'juror'], object: 'edition' },
  'edition.deliberation.write': { roles: ['coordinator', 'juror'], object: 'edition' },
  'report.read': { roles: ['coordinator', 'expert'], object: 'report' },
  'report.write': { roles: ['expert'], object: 'report' },
  'report.reopen': { roles: COORDINATOR, object: 'report' },
  'report.file.read': { roles: ['coordinator', 'expert', 'juror'], object: 'report' },
  'practice.read': { roles: ['coordinator', 'expert', 'juror'], object: 'practice' },
  'practice.write': { roles: ['expert'], object: 'practice' },
  'practice.eligibility': { roles: COORDINATOR, object: 'practice' },
  'practice.translate': { roles: ['coordinator', 'expert', 'translator'], object: 'practice' },
  'report.translate': { roles: ['coordinator', 'expert', 'translator'], object: 'report' },
  'category.translate': { roles: ['coordinator', 'translator'], object: 'category' },
  'award.translate': { roles: ['coordinator', 'translator'], object: 'award' },
  'edition.translations.read': { roles: ['coordinator', 'translator'], object: 'edition' },
  'followUp.translate': { roles: ['coordinator', 'expert', 'translator'], object: 'followUp' },
  'practice.score': { roles: ['juror'], object: 'practice' },
  'practice.conflict.declare': { roles: ['juror'], object: 'practice' },
  'award.manage': { roles: COORDINATOR, object: 'award' },
  'practice.deliberation.read': { roles: ['coordinator', 'juror'], object: 'practice' },
  'practice.deliberation.write': { roles: ['coordinator', 'juror'], object: 'practice' },
  'practiceComment.edit': { roles: ['coordinator', 'juror'], object: 'practiceComment' },
  'award.vote.manage': { roles: COORDINATOR, object: 'award' },
  'award.vote.read': { roles: ['coordinator', 'juror'], object: 'award' },
  'award.vote.cast': { roles: ['juror'], object: 'award' },
  'edition.protocol.read': { roles: COORDINATOR, object: 'edition' },
  'notifications.manage': { roles: COORDINATOR },
} as const satisfies Record<string, PermissionSpec>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionSpec(permission: Permission): PermissionSpec {
  return PERMISSIONS[permission];
}
