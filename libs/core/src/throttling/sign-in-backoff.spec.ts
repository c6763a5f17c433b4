import { backoffSeconds, MAX_BACKOFF_SECONDS, MemoryFailureStore } from './sign-in-backoff';

describe('sign-in back-off', () => {
  it('waits nothing within the allowance, then 1, 2, 4 s and never more than 5 s', () => {
    expect([0, 4, 5, 6, 7, 8, 50].map((failures) => backoffSeconds(failures, 5))).toEqual([0, 0, 1, 2, 4, MAX_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS]);
  });

  it('counts failures per account in memory and forgets them on clear', async () => {
    const store = new MemoryFailureStore();
    await store.addFailure('email:a', Date.now());
    await store.addFailure('email:a', Date.now());
    expect((await store.get('email:a'))!.failures).toBe(2);
    expect(await store.get('email:b')).toBeNull();
    await store.clear('email:a');
    expect(await store.get('email:a')).toBeNull();
  });
});
