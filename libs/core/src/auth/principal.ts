// The signed-in caller as the access layer sees it: who, which session, which grants.
import { Grant, Role } from './roles';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  locale: string;
  sessionId: string;
  grants: Grant[];
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.grants.some((grant) => roles.includes(grant.role));
}

export function isCoordinator(principal: Principal): boolean {
  return hasRole(principal, 'coordinator');
}

export function grantsOf(principal: Principal, role: Role): Grant[] {
  return principal.grants.filter((grant) => grant.role === role);
}
