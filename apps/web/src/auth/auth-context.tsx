// The signed-in user for the whole app: sign-in, sign-out and the user's roles (GET /api/me),
// on top of the token session in session.ts. The user is remembered per sign-in (session id), so a
// sign-in in another tab as someone else never shows the previous user.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { client, session } from '../api/client';
import { ApiError, toApiError, unwrap } from '../api/errors';
import type { Me } from '../api/types';
import { adoptAccountLanguage } from '../i18n/i18n';
import type { SessionEnd } from './session';

export type AuthState =
  | { status: 'anonymous'; ended: SessionEnd | null }
  | { status: 'loading' }
  | { status: 'signedIn'; user: Me }
  | { status: 'failed'; error: ApiError };

interface AuthApi {
  state: AuthState;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  reloadUser(): void;
}

/** What GET /api/me answered for one sign-in (`key`: session id and load attempt). */
type Account = { key: string; user: Me } | { key: string; error: ApiError };

const AuthContext = createContext<AuthApi | null>(null);

/** `accessToken` for the first call right after login, before the session holds it. */
async function loadMe(accessToken?: string): Promise<Me> {
  return unwrap(client.GET('/api/me', accessToken ? { headers: { authorization: `Bearer ${accessToken}` } } : {}));
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const tokens = useSyncExternalStore(session.subscribe, session.current);
  const [attempt, setAttempt] = useState(0);
  const [account, setAccount] = useState<Account | null>(null);
  const latest = useRef<Account | null>(null);
  const key = tokens ? `${tokens.id}:${attempt}` : null;

  const remember = useCallback((next: Account) => {
    latest.current = next;
    setAccount(next);
  }, []);

  useEffect(() => {
    if (!key || latest.current?.key === key) return;
    let cancelled = false;
    loadMe().then(
      (user) => {
        if (cancelled) return;
        remember({ key, user });
        adoptAccountLanguage(user.locale);
      },
      (failure: unknown) => {
        if (!cancelled) remember({ key, error: toApiError(failure) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, remember]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const pair = await unwrap(client.POST('/api/auth/login', { body: { email, password } }));
      const user = await loadMe(pair.accessToken);
      const started = session.start(pair);
      remember({ key: `${started.id}:${attempt}`, user });
      adoptAccountLanguage(user.locale);
      return user;
    },
    [attempt, remember],
  );

  const signOut = useCallback(async () => {
    const refreshToken = session.current()?.refreshToken;
    try {
      if (refreshToken) await client.POST('/api/auth/logout', { body: { refreshToken } });
    } finally {
      // Signed out here even when the server cannot be told (offline): the tokens are gone.
      session.end('signedOut');
    }
  }, []);

  const reloadUser = useCallback(() => setAttempt((n) => n + 1), []);

  const state: AuthState = useMemo(() => {
    if (!key) return { status: 'anonymous', ended: session.lastEnd() };
    if (account?.key !== key) return { status: 'loading' };
    return 'user' in account ? { status: 'signedIn', user: account.user } : { status: 'failed', error: account.error };
  }, [key, account]);

  const api = useMemo(() => ({ state, signIn, signOut, reloadUser }), [state, signIn, signOut, reloadUser]);
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const api = useContext(AuthContext);
  if (!api) throw new Error('useAuth outside AuthProvider');
  return api;
}
