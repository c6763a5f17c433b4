import { GroupWriter } from './group-writer';

describe('GroupWriter', () => {
  it('writes the first item at once and groups those that arrive while a statement runs', async () => {
    const statements: number[][] = [];
    let release!: () => void;
    const firstDone = new Promise<void>((resolve) => (release = resolve));
    const writer = new GroupWriter<number>(async (items) => {
      statements.push(items);
      if (statements.length === 1) await firstDone;
    });
    const first = writer.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(statements).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => writer.add(n));
    release();
    await Promise.all([first, ...rest]);
    expect(statements).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every item of a statement that failed, and goes on with the next group', async () => {
    let calls = 0;
    const writer = new GroupWriter<string>(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
    });
    const failed = [writer.add('a'), writer.add('b')];
    await expect(Promise.all(failed)).rejects.toThrow('connection lost');
    await expect(writer.add('c')).resolves.toBeUndefined();
  });

  it('splits a long queue into groups of at most the given size', async () => {
    const sizes: number[] = [];
    const writer = new GroupWriter<number>(async (items) => void sizes.push(items.length), 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => writer.add(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
