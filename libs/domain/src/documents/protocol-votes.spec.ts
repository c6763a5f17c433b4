// The recorded vote on an award as the protocol words it: the counts per choice, and who voted what.
import { countVotes } from '../decisions/votes.service';
import { voteInWords } from './protocol-pdf';

describe('the vote on an award in the protocol', () => {
  const votes = [
    { jurorId: 'a', jurorName: 'Anna', choice: 'for' as const },
    { jurorId: 'b', jurorName: 'Bogdan', choice: 'against' as const },
    { jurorId: 'c', jurorName: 'Cyryl', choice: 'for' as const },
  ];

  it('counts each choice', () => {
    expect(countVotes(votes)).toEqual({ for: 2, against: 1, abstain: 0 });
    expect(countVotes([])).toEqual({ for: 0, against: 0, abstain: 0 });
  });

  it('words a closed vote with its counts and the names per choice, leaving out choices nobody made', () => {
    const lines = voteInWords({ openedAt: new Date('2026-05-01T08:00:00Z'), closedAt: new Date('2026-05-01T10:00:00Z'), counts: countVotes(votes), votes });
    expect(lines[0]).toMatch(/^Głosowanie jury \(zamknięte 1 maja 2026 .*12:00\): za 2, przeciw 1, wstrzymujących się 0\.$/);
    expect(lines.slice(1)).toEqual(['za: Anna, Cyryl', 'przeciw: Bogdan']);
  });

  it('says when a vote was never closed', () => {
    expect(voteInWords({ openedAt: new Date(), closedAt: null, counts: countVotes([]), votes: [] })).toEqual([
      'Głosowanie jury (niezamknięte): za 0, przeciw 0, wstrzymujących się 0.',
    ]);
  });
});
