// The port between the guard and the domain: "may this principal do P on object X". Core holds the
// guard, the principal and this interface; the domain, which knows its tables and its rules,
// provides the implementation under OBJECT_ACCESS. Foreign objects answer notFound (404, existence
// not disclosed); a visible object the role may not act on (yet) answers forbidden (403).
import { Permission } from './permissions';
import { Principal } from './principal';

export type AccessDecision = 'allow' | 'notFound' | 'forbidden';

export interface ObjectAccess {
  check(principal: Principal, permission: Permission, objectId: string): Promise<AccessDecision>;
}

/** The injection token of the domain's ObjectAccess. */
export const OBJECT_ACCESS = Symbol('ObjectAccess');
