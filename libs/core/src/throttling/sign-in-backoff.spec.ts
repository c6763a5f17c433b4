import { HttpException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { backoffSeconds, FAILURE_WINDOW_MS, FailureStore, MAX_BACKOFF_SECONDS, MemoryFailureStore, SignInBackoff } from './sign-in-backoff';

const T0 = Date.UTC(2026, 11, 7, 8, 0, 0);

/** A back-off on the in-memory store (no REDIS_URL), letting `allowance` failures through. */
function backoffWith(allowance: number): SignInBackoff {
  return new SignInBackoff({ REDIS_URL: undefined, QUEUE_PREFIX: 'oc', AUTH_RATE_LIMIT_PER_ACCOUNT: allowance } as AppConfig);
}

describe('sign-in back-off', () => {
  // Date.now() is the store's clock: frozen at T0, moved on by each test.
  beforeEach(() => jest.useFakeTimers({ now: T0 }));
  afterEach(() => jest.useRealTimers());

  it('waits nothing within the allowance, then 1, 2, 4 s and never more than 5 s', () => {
    expect([0, 4, 5, 6, 7, 8, 50].map((failures) => backoffSeconds(failures, 5))).toEqual([0, 0, 1, 2, 4, MAX_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS]);
    expect([0, 1, 2, 3].map((failures) => backoffSeconds(failures, 1))).toEqual([0, 1, 2, 4]);
  });

  it('counts failures per account in memory and forgets them on clear', async () => {
    const store = new MemoryFailureStore();
    await store.addFailure('email:a', T0);
    await store.addFailure('email:a', T0 + 700);
    expect(await store.get('email:a')).toMatchObject({ failures: 2, lastFailureMs: T0 + 700 });
    expect(await store.get('email:b')).toBeNull();
    await store.clear('email:a');
    expect(await store.get('email:a')).toBeNull();
  });

  it('forgets failures once the 15-minute window after the last one has passed', async () => {
    const store = new MemoryFailureStore();
    await store.addFailure('email:a', T0);
    jest.setSystemTime(T0 + FAILURE_WINDOW_MS - 1);
    expect(await store.get('email:a')).toMatchObject({ failures: 1 });
    await store.addFailure('email:a', T0 + FAILURE_WINDOW_MS - 1);
    jest.setSystemTime(T0 + 2 * FAILURE_WINDOW_MS - 2);
    expect(await store.get('email:a')).toMatchObject({ failures: 2 });
    jest.setSystemTime(T0 + 2 * FAILURE_WINDOW_MS - 1);
    expect(await store.get('email:a')).toBeNull();
    // A failure after the window starts a new count.
    await store.addFailure('email:a', T0 + 2 * FAILURE_WINDOW_MS - 1);
    expect(await store.get('email:a')).toMatchObject({ failures: 1 });
  });

  it('keeps memory bounded: past 10 000 accounts it drops those whose window has passed', async () => {
    const store = new MemoryFailureStore();
    const held = () => store['records'].size;
    for (let i = 0; i < 9_999; i++) await store.addFailure(`email:old-${i}`, T0);
    // The old ones expire exactly now, but 10 000 accounts are still within the bound.
    jest.setSystemTime(T0 + FAILURE_WINDOW_MS);
    await store.addFailure('email:recent', T0 + FAILURE_WINDOW_MS);
    expect(held()).toBe(10_000);
    await store.addFailure('email:new', T0 + FAILURE_WINDOW_MS);
    expect(held()).toBe(2);
    expect(await store.get('email:recent')).not.toBeNull();
  });

  it('makes an account wait the back-off after its last failure, in whole seconds rounded up', async () => {
    const backoff = backoffWith(2);
    await expect(backoff.waitFor('email:a')).resolves.toBe(0);
    await backoff.failed('email:a');
    await backoff.failed('email:a');
    // Two failures are the allowance: the third attempt waits 1 s.
    expect(await Promise.all([T0, T0 + 1, T0 + 999, T0 + 1000].map((now) => backoff.waitFor('email:a', now)))).toEqual([1, 1, 1, 0]);
    await backoff.failed('email:a');
    expect(await Promise.all([T0, T0 + 1000, T0 + 1001, T0 + 1999, T0 + 2000, T0 + 9000].map((now) => backoff.waitFor('email:a', now)))).toEqual([2, 1, 1, 1, 0, 0]);
    jest.setSystemTime(T0 + 1500);
    await expect(backoff.waitFor('email:a')).resolves.toBe(1);
    await expect(backoff.waitFor('email:b')).resolves.toBe(0);
    await backoff.succeeded('email:a');
    await expect(backoff.waitFor('email:a', T0)).resolves.toBe(0);
    await expect(backoff.onApplicationShutdown()).resolves.toBeUndefined();
  });

  it('closes a store that holds a connection when the application shuts down', async () => {
    const backoff = backoffWith(2);
    const close = jest.fn(async () => undefined);
    // The Redis store is the one with a connection; a memory store with a close() stands in for it.
    (backoff as unknown as { store: FailureStore }).store = Object.assign(new MemoryFailureStore(), { close });
    await backoff.onApplicationShutdown();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('refuses an early attempt with 429 and a Retry-After, and lets a timely one through untouched', async () => {
    const backoff = backoffWith(1);
    const headers: [string, string][] = [];
    const reply = { header: (name: string, value: string) => headers.push([name, value]) };
    await expect(backoff.assertMayTry('email:a', reply)).resolves.toBeUndefined();
    await backoff.failed('email:a');
    await backoff.failed('email:a');
    jest.setSystemTime(T0 + 500);
    const refusal = await backoff.assertMayTry('email:a', reply).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpException);
    expect((refusal as HttpException).getStatus()).toBe(429);
    expect((refusal as HttpException).getResponse()).toEqual({ message: 'Too many failed sign-ins for this account; try again in 2 s', code: 'rate_limited' });
    expect(headers).toEqual([['Retry-After', '2']]);
    jest.setSystemTime(T0 + 2000);
    await expect(backoff.assertMayTry('email:a', reply)).resolves.toBeUndefined();
    expect(headers).toHaveLength(1);
  });
});
