import fc from 'fast-check';
import { SuggestionPractice, suggestJurors, suggestPanels } from './assignment-suggestion';

/** An edition: jurors each tied to a city (or none), practices each of a city; conflicted = tied to its city. */
const edition = fc
  .record({
    cities: fc.integer({ min: 1, max: 6 }),
    jurorCities: fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 1, maxLength: 12 }),
    practiceCities: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 30 }),
    k: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ cities, jurorCities, practiceCities, k }) => {
    const jurors = jurorCities.map((_, i) => `j${String(i).padStart(2, '0')}`);
    const cityOf = new Map(jurors.map((juror, i) => [juror, jurorCities[i] % cities]));
    const practices: SuggestionPractice[] = practiceCities.map((city, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      conflicted: new Set(jurors.filter((juror) => cityOf.get(juror) === city % cities)),
    }));
    return { jurors, practices, k };
  });

describe('suggestJurors', () => {
  it('never gives a juror a practice they are conflicted with, gives k where conflicts allow, and leaves no move that would even the load', () => {
    fc.assert(
      fc.property(edition, ({ jurors, practices, k }) => {
        const proposal = suggestJurors(practices, jurors, k);
        const load = new Map(jurors.map((j) => [j, 0]));
        for (const practice of practices) {
          const chosen = proposal.get(practice.id)!;
          expect(new Set(chosen).size).toBe(chosen.length);
          for (const juror of chosen) expect(practice.conflicted.has(juror)).toBe(false);
          expect(chosen.length).toBe(Math.min(k, jurors.filter((j) => !practice.conflicted.has(j)).length));
          for (const juror of chosen) load.set(juror, load.get(juror)! + 1);
        }
        for (const from of jurors) {
          for (const to of jurors) {
            if (load.get(from)! - load.get(to)! < 2) continue;
            const movable = practices.some((p) => proposal.get(p.id)!.includes(from) && !proposal.get(p.id)!.includes(to) && !p.conflicted.has(to));
            expect(movable).toBe(false);
          }
        }
        // Deterministic: the same input, in another order, gives the same proposal.
        expect(suggestJurors([...practices].reverse(), [...jurors].reverse(), k)).toEqual(proposal);
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it('without conflicts, loads differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 4 }), (jurorCount, practiceCount, k) => {
        const jurors = Array.from({ length: jurorCount }, (_, i) => `j${i}`);
        const practices = Array.from({ length: practiceCount }, (_, i) => ({ id: `p${i}`, conflicted: new Set<string>() }));
        const loads = jurors.map((j) => [...suggestJurors(practices, jurors, k).values()].filter((chosen) => chosen.includes(j)).length);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(loads.reduce((a, b) => a + b, 0)).toBe(practiceCount * Math.min(k, jurorCount));
      }),
      { seed: 19, numRuns: 200 },
    );
  });

  it('balances around a juror conflicted with most practices', () => {
    const practices = ['a', 'b', 'c', 'd'].map((id) => ({ id, conflicted: new Set(id === 'd' ? [] : ['j1']) }));
    const proposal = suggestJurors(practices, ['j1', 'j2', 'j3'], 1);
    expect([...proposal.entries()]).toEqual([['a', ['j2']], ['b', ['j3']], ['c', ['j2']], ['d', ['j1']]]);
  });
});

describe('suggestPanels', () => {
  it('spreads practices over the panels that can score them, never to a panel whose members are all conflicted', () => {
    const panels = [{ id: 'A', members: ['j1'] }, { id: 'B', members: ['j2', 'j3'] }];
    const practices = [
      { id: 'p1', conflicted: new Set(['j1']) },
      { id: 'p2', conflicted: new Set<string>() },
      { id: 'p3', conflicted: new Set(['j2', 'j3']) },
      { id: 'p4', conflicted: new Set(['j1', 'j2', 'j3']) },
    ];
    expect([...suggestPanels(practices, panels).entries()]).toEqual([['p1', 'B'], ['p2', 'A'], ['p3', 'A']]);
  });
});
