// The signed-in principal per session, kept in memory so an authenticated request costs no query.
// What the per-request reload bought (logout, revocation, disabling a user, a grant change take
// effect at once on every API process) is kept by invalidation: the database sends
// pg_notify('principal_changed') from triggers in the transaction that changes a session, a user or
// a grant (delivered at its commit; see migration PrincipalChangeNotify), and
// PrincipalChangeListener drops the entries concerned. PostgreSQL rather than Redis pub/sub: a
// NOTIFY commits or rolls back with the change itself, whatever code made it. While the listener
// is not subscribed (start-up, lost connection, re-subscribing) every request asks the domain's
// PrincipalSource (the database), as before. The TTL is only a safety net (e.g. a half-open
// listener socket between two heartbeats).
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Principal } from './principal';
import { PRINCIPAL_SOURCE, PrincipalSource, SessionPrincipal } from './principal-source';

export const PRINCIPAL_CACHE_MAX_SESSIONS = 10_000;
export const PRINCIPAL_CACHE_TTL_MS = 30_000;

/** Who the listener is, as the cache needs it: whether notifications are arriving right now. */
export interface InvalidationChannel {
  readonly subscribed: boolean;
}

@Injectable()
export class PrincipalCache {
  private readonly entries = new LRUCache<string, SessionPrincipal>({ max: PRINCIPAL_CACHE_MAX_SESSIONS, ttl: PRINCIPAL_CACHE_TTL_MS });
  /** Bumped by every invalidation: a load that raced with one is not stored (it may be stale). */
  private epoch = 0;
  private channel: InvalidationChannel = { subscribed: false };
  /** Reads from the database, for the tests and the bench's analysis. */
  loads = 0;

  constructor(@Inject(PRINCIPAL_SOURCE) private readonly source: PrincipalSource) {}

  /** Set by the listener once it exists (it depends on this cache, not the other way round). */
  attach(channel: InvalidationChannel): void {
    this.channel = channel;
  }

  async get(userId: string, sessionId: string): Promise<Principal | false> {
    const listening = this.channel.subscribed;
    if (listening) {
      const hit = this.entries.get(sessionId);
      if (hit && hit.principal.userId === userId && hit.sessionExpiresAt > Date.now()) return hit.principal;
    }
    const epochBefore = this.epoch;
    this.loads += 1;
    const loaded = await this.source.load(userId, sessionId);
    if (!loaded) return false;
    // Stored only when no invalidation arrived while the query ran and the channel stayed up.
    if (listening && this.channel.subscribed && this.epoch === epochBefore) this.entries.set(sessionId, loaded);
    return loaded.principal;
  }

  invalidateSession(sessionId: string): void {
    this.epoch += 1;
    this.entries.delete(sessionId);
  }

  invalidateUser(userId: string): void {
    this.epoch += 1;
    // Collected first: entries are not deleted while the cache is being iterated.
    const sessions = [...this.entries.entries()].filter(([, entry]) => entry.principal.userId === userId).map(([sessionId]) => sessionId);
    for (const sessionId of sessions) this.entries.delete(sessionId);
  }

  clear(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
