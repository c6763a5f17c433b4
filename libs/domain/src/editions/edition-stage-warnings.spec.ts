import { EDITION_STAGES, transitionWarnings, WARNED_TARGETS, WarningFacts } from './edition-stage';

describe('transitionWarnings', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  const future = new Date(now + 28 * 86_400_000);
  const past = new Date(now - 60_000);
  const none: WarningFacts = { citiesNotStarted: [], citiesNotSubmitted: [], ballots: [], languageGaps: [], reportsDueAt: null, scoringDueAt: null };

  it('names the cities without a submitted report and a reports deadline still ahead when scoring opens', () => {
    const facts: WarningFacts = { ...none, citiesNotStarted: ['Kraków'], citiesNotSubmitted: ['Gdańsk', 'Lublin'], reportsDueAt: future };
    expect(transitionWarnings('juryScoring', facts, now)).toEqual([
      { code: 'reports_not_started', message: 'no report started for: Kraków', params: { count: 1, cities: ['Kraków'] } },
      { code: 'reports_not_submitted', message: 'report not submitted for: Gdańsk, Lublin', params: { count: 2, cities: ['Gdańsk', 'Lublin'] } },
      { code: 'reports_deadline_ahead', message: `the reports deadline (${future.toISOString()}) has not passed yet`, params: { dueAt: future.toISOString() } },
    ]);
  });

  it("names the jurors' languages some practice has no version in when scoring opens", () => {
    const languageGaps = [{ language: 'en', missing: 2, total: 2 }, { language: 'uk', missing: 1, total: 2 }];
    expect(transitionWarnings('juryScoring', { ...none, languageGaps }, now)).toEqual([
      { code: 'translations_missing', message: "practices without a version in a juror's language: en 2 of 2, uk 1 of 2", params: { count: 2, languages: languageGaps } },
    ]);
    expect(transitionWarnings('deliberation', { ...none, languageGaps }, now)).toEqual([]);
  });

  it('names the jurors with an incomplete ballot and a scoring deadline still ahead when scoring closes', () => {
    const ballots = [{ name: 'Anna', scored: 2, total: 2 }, { name: 'Bogdan', scored: 0, total: 2 }, { name: 'Chen', scored: 1, total: 2 }];
    expect(transitionWarnings('deliberation', { ...none, ballots, scoringDueAt: future }, now)).toEqual([
      { code: 'scoring_deadline_ahead', message: `the scoring deadline (${future.toISOString()}) has not passed yet`, params: { dueAt: future.toISOString() } },
      {
        code: 'ballots_incomplete',
        message: '2 juror(s) have not scored their whole ballot: Bogdan 0/2, Chen 1/2',
        params: { count: 2, jurors: [{ name: 'Bogdan', scored: 0, total: 2 }, { name: 'Chen', scored: 1, total: 2 }] },
      },
    ]);
  });

  it('says nothing when the work is done or the deadlines passed, and nothing for other moves', () => {
    expect(transitionWarnings('juryScoring', { ...none, reportsDueAt: past }, now)).toEqual([]);
    expect(transitionWarnings('deliberation', { ...none, ballots: [{ name: 'Anna', scored: 2, total: 2 }], scoringDueAt: past }, now)).toEqual([]);
    const everything: WarningFacts = { citiesNotStarted: ['Kraków'], citiesNotSubmitted: ['Gdańsk'], ballots: [{ name: 'Bogdan', scored: 0, total: 2 }], languageGaps: [{ language: 'uk', missing: 1, total: 2 }], reportsDueAt: future, scoringDueAt: future };
    for (const to of EDITION_STAGES.filter((stage) => !WARNED_TARGETS.includes(stage))) expect(transitionWarnings(to, everything, now)).toEqual([]);
    expect(transitionWarnings('juryScoring', everything, now).map((warning) => warning.code)).toEqual(['reports_not_started', 'reports_not_submitted', 'reports_deadline_ahead', 'translations_missing']);
    expect(transitionWarnings('deliberation', everything, now).map((warning) => warning.code)).toEqual(['scoring_deadline_ahead', 'ballots_incomplete']);
  });
});
