// The events that leave through the outbox, with their payloads (ids only). The notifications
// worker resolves recipients and content from these at send time.
export interface OutboxEventPayloads {
  /** Written by the foundation's self-check and by tests; carries no recipients. */
  'system.ping': { note: string };
  /** A coordinator created an account: send the invitation (its token is minted at send time). */
  'user.invited': { userId: string };
  /** Someone asked to reset the password of an active account. */
  'user.passwordResetRequested': { userId: string };
  /** An edition moved to another stage (reportsOpen, juryScoring, deliberation, decided, published). */
  'edition.stageChanged': { editionId: string; from: string; to: string; stageEventId: string };
  /** An expert submitted the city's report. */
  'report.submitted': { reportId: string };
  /** A coordinator marked a submitted practice eligible or ineligible. */
  'practice.eligibilityDecided': { practiceId: string };
  /** A report deadline is near (written once per edition and deadline by the reminder schedule). */
  'reminder.reportsDue': { editionId: string; dueAt: string };
  /** An award was recorded or corrected in deliberation: its certificates are (re)issued. */
  'award.changed': { awardId: string };
  /** A scoring deadline is near (written once per edition and deadline by the reminder schedule). */
  'reminder.scoringDue': { editionId: string; dueAt: string };
  /** A coordinator reopened a submitted report for a correction (tells its expert why). */
  'report.reopened': { reportId: string; reason: string };
  /** A coordinator revised an eligibility decision before scoring opened (tells the practice's expert). */
  'practice.eligibilityRevised': { practiceId: string; reason: string };
  /** A coordinator stepped an edition back one stage (tells whoever works in the stages concerned). */
  'edition.steppedBack': { editionId: string; from: string; to: string; stageEventId: string; reason: string };
  /** A coordinator gave one expert (reports) or juror (scoring) a later deadline. */
  'grant.deadlineExtended': { grantId: string; userId: string; editionId: string; kind: 'reports' | 'scoring'; dueAt: string; reason: string };
  /** A coordinator sent a message to a group of an edition (its recipients are stored with it). */
  'groupMail.sent': { groupMailId: string; editionId: string; role: 'expert' | 'juror' | 'cityOfficial' };
  /** A coordinator made someone the expert of a city or a juror of an edition (tells that person). */
  'grant.added': { grantId: string; userId: string; editionId: string; role: 'expert' | 'juror'; cityId: string | null };
}
export type OutboxEventType = keyof OutboxEventPayloads;
