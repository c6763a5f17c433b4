// A group mail's content: the coordinator's subject and body with the merge fields filled for one
// recipient (the greeting, the button to their page and the signature come from the locale).
import { editionOf, Formatters, MailFacts, TemplateText } from './facts';
import { fillMergeFields } from './merge-fields';

export function groupMailText(facts: MailFacts, format: Formatters, action: string): TemplateText {
  const message = facts.message;
  if (!message) throw new Error('a group mail needs its message');
  const values = {
    name: facts.recipient.name,
    city: message.city ?? '',
    edition: editionOf(facts).name,
    deadline: message.hasDeadline ? format.dateTime(facts.dueAt) : '',
    link: facts.actionUrl,
  };
  return {
    subject: fillMergeFields(message.subject, values).replace(/\s+/g, ' ').trim(),
    lines: fillMergeFields(message.body, values).split(/\r?\n/),
    action,
  };
}
