// Which area of the app each role works in, and where a user lands after signing in.
import type { Role, RoleGrant } from '../api/types';

export const ROLES: readonly Role[] = ['coordinator', 'expert', 'juror', 'cityOfficial', 'translator'];

export const ROLE_HOME: Record<Role, string> = {
  coordinator: '/coordinator',
  expert: '/expert',
  juror: '/juror',
  cityOfficial: '/city',
  translator: '/translator',
};

/** The roles a user holds, once each, in a stable order. */
export function heldRoles(grants: readonly RoleGrant[]): Role[] {
  return ROLES.filter((role) => grants.some((grant) => grant.role === role));
}

export function grantsOf(grants: readonly RoleGrant[], role: Role): RoleGrant[] {
  return grants.filter((grant) => grant.role === role);
}

/** One role: its area. Several: the chooser. None (an account without assignments yet): the chooser too. */
export function homeFor(grants: readonly RoleGrant[]): string {
  const roles = heldRoles(grants);
  return roles.length === 1 ? ROLE_HOME[roles[0]] : '/dashboard';
}

/** Only a path of this site may follow sign-in (`?next=`), never another origin. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if ([...next].some((char) => char.charCodeAt(0) < 0x20)) return null;
  return next;
}
