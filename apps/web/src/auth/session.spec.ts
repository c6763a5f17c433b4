// The token session: bearer on requests, silent renewal, no refresh token spent twice across tabs.
import { describe, expect, it } from '@jest/globals';
import { ApiError, NETWORK_ERROR } from '../api/errors';
import type { TokenPair } from '../api/types';
import { createSession, RENEW_MARGIN_MS, STORAGE_KEY, type SessionDeps } from './session';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Web Locks in miniature: one holder per name, the others queue. */
class MemoryLocks {
  private tail: Promise<unknown> = Promise.resolve();
  request<T>(_name: string, work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

const pair = (n: number, expiresIn = 900): TokenPair => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn });

function setup(overrides: Partial<SessionDeps> = {}) {
  let clock = 1_000_000;
  const storage = new MemoryStorage();
  const locks = new MemoryLocks();
  const seen: (string | null)[] = [];
  const spent: string[] = [];
  let next = 2;
  const deps: SessionDeps = {
    storage,
    locks,
    now: () => clock,
    refresh: async (refreshToken) => {
      if (spent.includes(refreshToken)) throw new ApiError(401, { statusCode: 401, error: 'Unauthorized', message: 'reused' });
      spent.push(refreshToken);
      return pair(next++);
    },
    fetch: async (request) => {
      seen.push(request.headers.get('authorization'));
      return new Response('{}', { status: 200 });
    },
    ...overrides,
  };
  return { deps, storage, seen, spent, tick: (ms: number) => (clock += ms), session: createSession(deps) };
}

const get = (path = '/api/me') => new Request(`http://127.0.0.1${path}`);

describe('session', () => {
  it('sends no token when signed out, the access token when signed in', async () => {
    const { session, seen, storage } = setup();
    await session.authorizedFetch(get());
    session.start(pair(1));
    await session.authorizedFetch(get());
    expect(seen).toEqual([null, 'Bearer access-1']);
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}').refreshToken).toBe('refresh-1');
  });

  it('never adds the token to the login and refresh calls', async () => {
    const { session, seen } = setup();
    session.start(pair(1));
    await session.authorizedFetch(new Request('http://127.0.0.1/api/auth/login', { method: 'POST' }));
    expect(seen).toEqual([null]);
  });

  it('renews shortly before expiry, once for concurrent requests', async () => {
    const { session, seen, spent, tick } = setup();
    session.start(pair(1, 60));
    tick(60_000 - RENEW_MARGIN_MS + 1);
    await Promise.all([session.authorizedFetch(get()), session.authorizedFetch(get()), session.authorizedFetch(get())]);
    expect(spent).toEqual(['refresh-1']);
    expect(seen).toEqual(['Bearer access-2', 'Bearer access-2', 'Bearer access-2']);
  });

  it('after a 401 renews and retries the request once, body included', async () => {
    const bodies: string[] = [];
    const { session, spent } = setup({
      fetch: async (request) => {
        bodies.push(await request.text());
        return new Response('{}', { status: request.headers.get('authorization') === 'Bearer access-1' ? 401 : 201 });
      },
    });
    session.start(pair(1));
    const response = await session.authorizedFetch(new Request('http://127.0.0.1/api/editions', { method: 'POST', body: '{"year":2015}' }));
    expect(response.status).toBe(201);
    expect(spent).toEqual(['refresh-1']);
    expect(bodies).toEqual(['{"year":2015}', '{"year":2015}']);
  });

  it('ends the session when the refresh token is refused, keeps it when the server is unreachable', async () => {
    const refused = setup({
      refresh: async () => {
        throw new ApiError(401, { statusCode: 401, error: 'Unauthorized', message: 'revoked' });
      },
    });
    refused.session.start(pair(1, 60));
    refused.tick(60_000);
    expect(await refused.session.accessToken()).toBeNull();
    expect(refused.session.current()).toBeNull();
    expect(refused.session.lastEnd()).toBe('expired');

    const offline = setup({
      refresh: async () => {
        throw new ApiError(NETWORK_ERROR, null);
      },
    });
    offline.session.start(pair(1, 60));
    offline.tick(60_000);
    expect(await offline.session.accessToken()).toBeNull();
    expect(offline.session.current()?.refreshToken).toBe('refresh-1');
  });

  it('two tabs sharing storage spend each refresh token once', async () => {
    const a = setup();
    a.session.start(pair(1, 60));
    // Tab B: same storage, same locks, same server; its own memory.
    const b = createSession({ ...a.deps });
    expect(b.current()?.refreshToken).toBe('refresh-1');
    a.tick(60_000);
    const [tokenA, tokenB] = await Promise.all([a.session.renew(), b.renew()]);
    expect(a.spent).toEqual(['refresh-1']);
    expect(tokenA).toBe('access-2');
    expect(tokenB).toBe('access-2');
  });

  it('follows a sign-out in another tab', () => {
    const { session, storage } = setup();
    session.start(pair(1));
    let changes = 0;
    session.subscribe(() => changes++);
    storage.removeItem(STORAGE_KEY);
    session.syncFromStorage();
    expect(session.current()).toBeNull();
    expect(session.lastEnd()).toBe('signedOut');
    expect(changes).toBe(1);
  });
});
