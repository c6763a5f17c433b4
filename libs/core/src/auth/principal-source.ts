// The port between the principal cache and the domain: "who is signed in with this session, now".
// Core holds the cache and its invalidation; the domain, which knows where users, sessions and
// grants are kept, provides the lookup under PRINCIPAL_SOURCE (as it provides OBJECT_ACCESS).
import { Principal } from './principal';

export interface SessionPrincipal {
  principal: Principal;
  /** When the session ends, in ms since the epoch: a cached session still ends on time. */
  sessionExpiresAt: number;
}

export interface PrincipalSource {
  /** The user's principal while the session is theirs, live and the user active; null otherwise. */
  load(userId: string, sessionId: string): Promise<SessionPrincipal | null>;
}

/** The injection token of the domain's PrincipalSource. */
export const PRINCIPAL_SOURCE = Symbol('PrincipalSource');
