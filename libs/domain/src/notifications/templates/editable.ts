// Which automatic mails a coordinator may rewrite per edition and language, the built-in text of
// each with merge fields where its facts go, and the values those fields take in one mail.
//
// Editable are the edition's mails whose facts the merge fields cover. Left built-in: the invitation
// and the password reset (no edition), and the mails whose point is a fact no merge field carries:
// a practice's decision and title, a correction's reason, the ceremony's date and venue.
import { EditionFacts, Formatters, MailFacts, TemplateKey } from './facts';
import { MergeField } from './merge-fields';

export const EDITABLE_TEMPLATE_KEYS = [
  'addedAsExpert',
  'addedAsJuror',
  'reportsOpen',
  'reportsReminder',
  'reportSubmitted',
  'scoringOpen',
  'scoringReminder',
  'scoringClosed',
  'decisionsFinalised',
  'resultsPublished',
] as const satisfies readonly TemplateKey[];
export type EditableTemplateKey = (typeof EDITABLE_TEMPLATE_KEYS)[number];

export const isEditableTemplate = (key: string): key is EditableTemplateKey => (EDITABLE_TEMPLATE_KEYS as readonly string[]).includes(key);

/** A coordinator's text of a template: the body's lines are its paragraphs. */
export interface TemplateOverride {
  subject: string;
  body: string;
}

/** The deadline `{{deadline}}` names when the mail carries none of its own (a reminder's). */
const DEADLINE_OF: Partial<Record<TemplateKey, 'reports' | 'scoring'>> = {
  addedAsExpert: 'reports',
  reportsOpen: 'reports',
  reportsReminder: 'reports',
  reportSubmitted: 'reports',
  addedAsJuror: 'scoring',
  scoringOpen: 'scoring',
  scoringReminder: 'scoring',
  scoringClosed: 'scoring',
};

function deadlineOf(key: TemplateKey, facts: MailFacts): Date | null {
  if (facts.dueAt) return facts.dueAt;
  const which = DEADLINE_OF[key];
  if (!which || !facts.edition) return null;
  return which === 'reports' ? facts.edition.reportsDueAt : facts.edition.scoringDueAt;
}

/** What each merge field says in this mail. */
export function mergeValues(key: TemplateKey, facts: MailFacts, format: Formatters): Record<MergeField, string> {
  return {
    name: facts.recipient.name,
    city: facts.city ?? facts.report?.city ?? facts.practice?.city ?? '',
    edition: facts.edition?.name ?? '',
    deadline: format.dateTime(deadlineOf(key, facts)),
    link: facts.actionUrl,
  };
}

/** Facts whose every value is its merge field, so that a built-in template renders as text with merge fields. */
export function placeholderFacts(edition: Pick<EditionFacts, 'id' | 'year'>): { facts: MailFacts; format: Formatters } {
  const someDate = new Date(0);
  return {
    facts: {
      recipient: { name: '{{name}}', email: '' },
      edition: { id: edition.id, name: '{{edition}}', year: edition.year, reportsDueAt: someDate, scoringDueAt: someDate, ceremony: null },
      report: { city: '{{city}}' },
      practice: null,
      city: '{{city}}',
      dueAt: someDate,
      reason: null,
      actionUrl: '{{link}}',
    },
    format: { dateTime: () => '{{deadline}}', date: () => '{{deadline}}', time: () => '{{deadline}}' },
  };
}

/** A body's paragraphs: one per non-empty line. */
export const paragraphsOf = (body: string): string[] => body.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
