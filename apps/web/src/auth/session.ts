// The signed-in session: the token pair from POST /api/auth/login, kept in localStorage so that a
// reload or a second tab stays signed in. It adds the access token to API requests, renews the pair
// silently (POST /api/auth/refresh) shortly before expiry or after a 401, and ends on sign-out.
//
// Refresh tokens rotate and a spent one revokes the whole session when reused, so two tabs must never
// spend the same one: a refresh runs under a Web Lock shared by the tabs and re-reads storage inside
// it; if another tab has already rotated the pair, this tab adopts it instead of spending it again.
import { ApiError, NETWORK_ERROR } from '../api/errors';
import type { TokenPair } from '../api/types';

export interface StoredSession {
  /** Stays the same across renewals: tells one sign-in from the next (another user, another tab). */
  id: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

export type SessionEnd = 'signedOut' | 'expired';

/** The part of the Web Locks API used here (navigator.locks; absent outside secure contexts). */
export interface Locks {
  request<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export interface SessionDeps {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Spends a refresh token for a new pair; throws ApiError (401 when spent, revoked or expired). */
  refresh: (refreshToken: string) => Promise<TokenPair>;
  fetch: (request: Request) => Promise<Response>;
  locks?: Locks | null;
  now?: () => number;
}

export const STORAGE_KEY = 'oc.session';
const LOCK_NAME = 'oc.session.refresh';
/** Renew when the access token has less than this left, so requests never race its expiry. */
export const RENEW_MARGIN_MS = 30_000;
const AUTH_ROUTES = ['/api/auth/login', '/api/auth/refresh', '/api/auth/password-reset', '/api/invitations/accept'];

export interface Session {
  current(): StoredSession | null;
  /** Why the last session ended, until the next sign-in. */
  lastEnd(): SessionEnd | null;
  subscribe(listener: () => void): () => void;
  start(pair: TokenPair): StoredSession;
  end(reason: SessionEnd): void;
  /** A usable access token (renewed when close to expiry), or null when signed out. */
  accessToken(): Promise<string | null>;
  /** Renews the pair; null when the session is over (and it is then cleared). */
  renew(): Promise<string | null>;
  /** Called by another tab's storage change. */
  syncFromStorage(): void;
  authorizedFetch(request: Request): Promise<Response>;
}

function parse(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (
      typeof value.id === 'string' &&
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      return value as StoredSession;
    }
  } catch {
    // A damaged entry is the same as none.
  }
  return null;
}

export function createSession(deps: SessionDeps): Session {
  const now = deps.now ?? (() => Date.now());
  const listeners = new Set<() => void>();
  let state = parse(deps.storage.getItem(STORAGE_KEY));
  let ended: SessionEnd | null = null;
  let renewing: Promise<string | null> | null = null;

  const notify = () => listeners.forEach((listener) => listener());
  const set = (next: StoredSession | null) => {
    state = next;
    if (next) deps.storage.setItem(STORAGE_KEY, JSON.stringify(next));
    else deps.storage.removeItem(STORAGE_KEY);
    notify();
  };
  const fromPair = (pair: TokenPair, id: string): StoredSession => ({
    id,
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    expiresAt: now() + pair.expiresIn * 1000,
  });
  const fresh = (s: StoredSession | null) => s !== null && s.expiresAt - now() > RENEW_MARGIN_MS;

  const withLock = <T>(work: () => Promise<T>): Promise<T> =>
    deps.locks ? deps.locks.request(LOCK_NAME, work) : work();

  async function renewOnce(spent: string | null): Promise<string | null> {
    return withLock(async () => {
      const stored = parse(deps.storage.getItem(STORAGE_KEY));
      if (!stored) {
        if (state) set(null);
        return null;
      }
      // Another tab renewed while we waited for the lock: use its pair.
      if (stored.refreshToken !== spent && fresh(stored)) {
        state = stored;
        notify();
        return stored.accessToken;
      }
      try {
        const next = fromPair(await deps.refresh(stored.refreshToken), stored.id);
        set(next);
        return next.accessToken;
      } catch (error) {
        // Offline or a server fault: keep the session and let the caller see its error.
        if (error instanceof ApiError && (error.status === NETWORK_ERROR || error.status >= 500 || error.status === 429)) {
          return null;
        }
        ended = 'expired';
        set(null);
        return null;
      }
    });
  }

  const session: Session = {
    current: () => state,
    lastEnd: () => ended,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(pair) {
      ended = null;
      const started = fromPair(pair, `${now().toString(36)}-${Math.random().toString(36).slice(2)}`);
      set(started);
      return started;
    },
    end(reason) {
      ended = reason;
      set(null);
    },
    async accessToken() {
      if (!state) return null;
      if (fresh(state)) return state.accessToken;
      return session.renew();
    },
    renew() {
      // One renewal at a time in this tab; the lock covers the other tabs.
      renewing ??= renewOnce(state?.refreshToken ?? null).finally(() => {
        renewing = null;
      });
      return renewing;
    },
    syncFromStorage() {
      const stored = parse(deps.storage.getItem(STORAGE_KEY));
      if (stored?.accessToken === state?.accessToken) return;
      if (!stored && state) ended = 'signedOut';
      state = stored;
      notify();
    },
    async authorizedFetch(request) {
      const path = new URL(request.url).pathname;
      if (AUTH_ROUTES.includes(path)) return deps.fetch(request);
      const retry = request.clone();
      const token = await session.accessToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      const response = await deps.fetch(request);
      if (response.status !== 401 || !token) return response;
      // The access token was refused (revoked, or the clock is off): renew once and retry.
      const renewed = await session.renew();
      if (!renewed || renewed === token) return response;
      retry.headers.set('authorization', `Bearer ${renewed}`);
      return deps.fetch(retry);
    },
  };
  return session;
}
