import { describe, expect, it } from '@jest/globals';
import { Autosaver, type SaveResult, type SaveStatus, type Timers } from './autosaver';

/** Timers driven by hand: `advance(ms)` fires what falls due. */
function manualTimers() {
  let clock = 0;
  let next = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    set: (run, ms) => {
      next += 1;
      pending.set(next, { at: clock + ms, run });
      return next;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    clock += ms;
    for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= clock) {
        pending.delete(id);
        timer.run();
      }
    }
  };
  return { timers, advance, now: () => clock, count: () => pending.size };
}

/** A save whose answer the test gives. */
function controlledSave() {
  const calls: { value: string; resolve: (result?: SaveResult) => void; reject: (error: unknown) => void }[] = [];
  const save = (value: string) => new Promise<SaveResult>((resolve, reject) => calls.push({ value, resolve: (result) => resolve(result), reject }));
  return { save, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(initial = '') {
  const clock = manualTimers();
  const server = controlledSave();
  const statuses: SaveStatus['kind'][] = [];
  const saver = new Autosaver<string>({ initial, save: server.save, onStatus: (s) => statuses.push(s.kind), delayMs: 1500, timers: clock.timers, now: clock.now });
  return { saver, clock, server, statuses };
}

describe('Autosaver', () => {
  it('saves the latest value once typing pauses for the delay, not before', async () => {
    const { saver, clock, server, statuses } = setup();
    saver.change('a');
    clock.advance(1000);
    saver.change('ab');
    clock.advance(1499);
    expect(server.calls).toHaveLength(0);
    expect(saver.dirty).toBe(true);
    clock.advance(1);
    expect(server.calls.map((c) => c.value)).toEqual(['ab']);
    expect(saver.current.kind).toBe('saving');
    server.calls[0].resolve();
    await tick();
    expect(saver.current).toEqual({ kind: 'saved', at: 2500 });
    expect(saver.dirty).toBe(false);
    expect(statuses).toEqual(['pending', 'saving', 'saved']);
  });

  it('flush saves at once (leaving the field) and answers whether everything is saved', async () => {
    const { saver, server, clock } = setup('old');
    saver.change('new');
    const flushed = saver.flush();
    expect(server.calls.map((c) => c.value)).toEqual(['new']);
    server.calls[0].resolve();
    await expect(flushed).resolves.toBe(true);
    clock.advance(5000);
    expect(server.calls).toHaveLength(1);
  });

  it('typing back to the saved value cancels the pending save', () => {
    const { saver, clock, server } = setup('same');
    saver.change('changed');
    saver.change('same');
    clock.advance(5000);
    expect(server.calls).toHaveLength(0);
    expect(saver.current.kind).toBe('idle');
    expect(saver.dirty).toBe(false);
  });

  it('never runs two saves at once: what is typed meanwhile goes after, in order', async () => {
    const { saver, clock, server } = setup();
    saver.change('first');
    clock.advance(1500);
    saver.change('second');
    clock.advance(1500); // the pause is over while "first" is still on its way
    expect(server.calls.map((c) => c.value)).toEqual(['first']);
    expect(saver.current.kind).toBe('saving');
    server.calls[0].resolve();
    await tick();
    expect(server.calls.map((c) => c.value)).toEqual(['first', 'second']);
    server.calls[1].resolve();
    await tick();
    expect(saver.current.kind).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  it('a failed save keeps the value as unsaved and reports the error; the next change tries again', async () => {
    const { saver, clock, server } = setup();
    saver.change('draft');
    const flushed = saver.flush();
    server.calls[0].reject(new Error('400 title'));
    await expect(flushed).resolves.toBe(false);
    expect(saver.current).toEqual({ kind: 'failed', error: new Error('400 title') });
    expect(saver.dirty).toBe(true);
    saver.change('draft, fixed');
    clock.advance(1500);
    expect(server.calls.map((c) => c.value)).toEqual(['draft', 'draft, fixed']);
  });

  it('a value not complete enough to save is kept as unsaved without an error', async () => {
    const { saver, server } = setup();
    saver.change('title only');
    const flushed = saver.flush();
    server.calls[0].resolve(false);
    await expect(flushed).resolves.toBe(false);
    expect(saver.current.kind).toBe('incomplete');
    expect(saver.dirty).toBe(true);
  });

  it('a flush while a save is on its way waits for it and then saves what is newer', async () => {
    const { saver, server } = setup();
    saver.change('one');
    const first = saver.flush();
    saver.change('two');
    const second = saver.flush();
    server.calls[0].resolve();
    await tick();
    expect(server.calls.map((c) => c.value)).toEqual(['one', 'two']);
    server.calls[1].resolve();
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    expect(server.calls).toHaveLength(2);
  });

  it('dispose stops a pending save', () => {
    const { saver, clock, server } = setup();
    saver.change('gone');
    saver.dispose();
    clock.advance(5000);
    expect(server.calls).toHaveLength(0);
    expect(clock.count()).toBe(0);
  });
});
