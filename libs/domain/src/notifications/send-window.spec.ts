import { SendWindow } from './send-window';

describe('SendWindow', () => {
  it('runs at most its size at once, the rest in the order they came', async () => {
    const window = new SendWindow(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return n;
    };
    await expect(Promise.all([1, 2, 3, 4, 5].map((n) => window.run(task(n))))).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it('frees the slot of a task that failed', async () => {
    const window = new SendWindow(1);
    await expect(window.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(window.run(async () => 'next')).resolves.toBe('next');
  });
});
