// Signs the bench accounts in through the API (POST /api/auth/login, as a client would) once per
// invocation, and hands the scenarios their access tokens. Sign-ins are argon2id verifications on
// purpose slow, so they run two at a time and before any measured run.
import type { BenchContext } from './scenario';

export interface Session {
  userId: string;
  email: string;
  /** The city the account is tied to (jurors, officials), if any. */
  cityId: string | null;
  accessToken: string;
}

export interface Sessions {
  coordinator: Session;
  jurors: Session[];
  officials: Session[];
  /** Seconds the sign-ins took. */
  seconds: number;
}

async function signIn(apiUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(new URL('/api/auth/login', apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  return body.accessToken;
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

let cached: { url: string; sessions: Promise<Sessions> } | null = null;

/** Every juror of the current edition, the first coordinator and every city official, signed in (memoised per API). */
export function sessions(ctx: BenchContext): Promise<Sessions> {
  const url = ctx.api.url;
  if (cached?.url === url) return cached.sessions;
  const { data } = ctx;
  const began = performance.now();
  const signInAs = (person: { id: string; email: string; cityId?: string | null }) =>
    signIn(url, person.email, data.password).then((accessToken): Session => ({ userId: person.id, email: person.email, cityId: person.cityId ?? null, accessToken }));
  const all = mapLimited([data.coordinators[0], ...data.jurors, ...data.officials], 2, signInAs).then((signedIn) => {
    const seconds = (performance.now() - began) / 1000;
    ctx.log(`  signed in ${signedIn.length} accounts through the API in ${seconds.toFixed(1)} s`);
    return {
      coordinator: signedIn[0],
      jurors: signedIn.slice(1, 1 + data.jurors.length),
      officials: signedIn.slice(1 + data.jurors.length),
      seconds,
    };
  });
  cached = { url, sessions: all };
  return all;
}
