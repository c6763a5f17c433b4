// What a notification mail may say: the facts loaded at send time, and the shape of a template.
export const MAIL_LOCALES = ['pl', 'en', 'uk'] as const;
export type Locale = (typeof MAIL_LOCALES)[number];

export const TEMPLATE_KEYS = [
  'invitation',
  'passwordReset',
  'reportsOpen',
  'scoringOpen',
  'scoringClosed',
  'decisionsFinalised',
  'resultsPublished',
  'ceremonyInvitation',
  'reportSubmitted',
  'eligibilityDecided',
  'reportsReminder',
  'scoringReminder',
  'reportReopened',
  'eligibilityRevised',
  'steppedBackToReports',
  'steppedBackToScoring',
  'reportsDeadlineExtended',
  'scoringDeadlineExtended',
  'groupMail',
  'addedAsExpert',
  'addedAsJuror',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface EditionFacts {
  id: string;
  name: string;
  year: number;
  reportsDueAt: Date | null;
  scoringDueAt: Date | null;
  ceremony: { startsAt: Date; venue: string | null; city: string | null } | null;
}

export interface MailFacts {
  recipient: { name: string; email: string };
  edition: EditionFacts | null;
  report: { city: string } | null;
  practice: { title: string; city: string; eligible: boolean; reason: string | null } | null;
  /** The deadline a reminder or an extension is about. */
  dueAt: Date | null;
  /** Why a coordinator made a correction (reopen, revision, step back, extension). */
  reason?: string | null;
  /** A group mail's text as the coordinator wrote it (the version for this recipient), with what its merge fields need. */
  message?: GroupMessage | null;
  /** The city of the assignment an `addedAs…` mail is about (an expert's city, a juror's own city). */
  city?: string | null;
  /** Where the mail's button leads: the app, or a single-use invitation/reset link. */
  actionUrl: string;
}

export interface GroupMessage {
  subject: string;
  body: string;
  /** The city the mail concerns for this recipient (their own, or the group's filter city for jurors). */
  city: string | null;
  /** The language the version is written in (null: the one version for all, read in the reader's). */
  language?: Locale | null;
  /** Whether `{{deadline}}` means something for this recipient (experts and jurors); `dueAt` holds it. */
  hasDeadline: boolean;
}

/** Dates as a reader in Poland sees them, in the reader's language. */
export interface Formatters {
  dateTime(date: Date | null): string;
  date(date: Date): string;
  time(date: Date): string;
}

export interface TemplateText {
  subject: string;
  /** Paragraphs of the body; rendered as text and as simple HTML. */
  lines: string[];
  /** The call to action (a link); its URL is facts.actionUrl. */
  action?: string;
}

export type Template = (facts: MailFacts, format: Formatters) => TemplateText;

export interface LocaleTemplates {
  greeting(name: string): string;
  signature: string;
  /** Shown when a date is not set. */
  notSet: string;
  templates: { readonly [K in TemplateKey]: Template };
}

/** The edition a template is about; templates are only used for events that have one. */
export function editionOf(facts: MailFacts): EditionFacts {
  if (!facts.edition) throw new Error('this template needs an edition');
  return facts.edition;
}
