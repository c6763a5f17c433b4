import { MailTemplatesRepository, OverrideRow } from './mail-templates.repository';
import { OverrideCache } from './override-cache';

/** The overrides as stored, and how often they were read. */
function store(rows: Record<string, Omit<OverrideRow, 'updated_at' | 'updated_by'>[]>) {
  const reads: string[] = [];
  const repository = {
    overridesOf: async (editionId: string) => {
      reads.push(editionId);
      return (rows[editionId] ?? []).map((row) => ({ ...row, updated_at: new Date(0), updated_by: null }));
    },
  } as unknown as MailTemplatesRepository;
  return { reads, rows, cache: new OverrideCache(repository) };
}

describe('the senders’ copy of template overrides', () => {
  it('reads an edition once for a whole batch, and again only when its revision moved', async () => {
    const { reads, rows, cache } = store({ e1: [{ template: 'scoringOpen', locale: 'pl', subject: 'A', body: 'a' }] });
    const batch = await Promise.all(Array.from({ length: 25 }, () => cache.find('e1', 3, 'scoringOpen', 'pl')));
    expect(batch.every((override) => override?.subject === 'A')).toBe(true);
    expect(await cache.find('e1', 3, 'scoringOpen', 'en')).toBeNull();
    expect(reads).toEqual(['e1']);

    rows.e1 = [{ template: 'scoringOpen', locale: 'pl', subject: 'B', body: 'b' }];
    // A claim that read the edition before the change (an older revision) does not reload.
    expect((await cache.find('e1', 2, 'scoringOpen', 'pl'))?.subject).toBe('A');
    expect((await cache.find('e1', 4, 'scoringOpen', 'pl'))?.subject).toBe('B');
    expect(reads).toEqual(['e1', 'e1']);
    expect(await cache.find('e2', 0, 'scoringOpen', 'pl')).toBeNull();
    expect(reads).toEqual(['e1', 'e1', 'e2']);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const repository = {
      overridesOf: async () => {
        if (fail) throw new Error('connection lost');
        return [{ template: 'reportsOpen', locale: 'en', subject: 'S', body: 'b', updated_at: new Date(0), updated_by: null }];
      },
    } as unknown as MailTemplatesRepository;
    const cache = new OverrideCache(repository);
    await expect(cache.find('e1', 1, 'reportsOpen', 'en')).rejects.toThrow('connection lost');
    fail = false;
    expect((await cache.find('e1', 1, 'reportsOpen', 'en'))?.subject).toBe('S');
  });
});
