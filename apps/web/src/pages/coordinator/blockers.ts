// Why a stage move is blocked, in the interface language. The API gives each blocker as an English
// sentence without a code (GET /api/editions/:id/transitions): the known ones are recognised here and
// translated; an unknown one is shown as the API wrote it.
import type { TFunction } from 'i18next';

const KNOWN: { pattern: RegExp; say: (t: TFunction, match: RegExpExecArray) => string }[] = [
  { pattern: /^add at least one category$/, say: (t) => t('blockers.category') },
  { pattern: /^assign at least one expert$/, say: (t) => t('blockers.expert') },
  { pattern: /^reportsDueAt is in the past$/, say: (t) => t('blockers.reportsDue') },
  { pattern: /^(\d+) submitted practice\(s\) still need an eligibility decision$/, say: (t, m) => t('blockers.unchecked', { count: Number(m[1]) }) },
  { pattern: /^no practice is eligible yet$/, say: (t) => t('blockers.noEligible') },
  { pattern: /^assign at least 3 jurors \(now (\d+)\)$/, say: (t, m) => t('blockers.jurors', { now: Number(m[1]) }) },
  { pattern: /^scoringDueAt is in the past$/, say: (t) => t('blockers.scoringDue') },
  { pattern: /^record at least one award$/, say: (t) => t('blockers.award') },
];

export function blockerText(t: TFunction, blocker: string): string {
  for (const { pattern, say } of KNOWN) {
    const match = pattern.exec(blocker);
    if (match) return say(t, match);
  }
  return blocker;
}
