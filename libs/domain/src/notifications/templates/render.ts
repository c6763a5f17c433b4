// Renders a template in the recipient's language: a subject, a plain-text body and simple HTML.
import { EditableTemplateKey, mergeValues, paragraphsOf, placeholderFacts, TemplateOverride } from './editable';
import { en } from './en';
import { EditionFacts, Formatters, Locale, MAIL_LOCALES, LocaleTemplates, MailFacts, TemplateKey, TemplateText } from './facts';
import { fillMergeFields } from './merge-fields';
import { pl } from './pl';
import { uk } from './uk';

/** The programme runs in Poland: times are shown as they are there. */
export const MAIL_TIME_ZONE = 'Europe/Warsaw';

const BY_LOCALE: Record<Locale, LocaleTemplates> = { pl, en, uk };

/** 'pl', 'pl-PL' → pl; a language without templates reads English. */
export function resolveLocale(preferred: string | null | undefined): Locale {
  const language = (preferred ?? '').toLowerCase().split(/[-_]/)[0];
  return (MAIL_LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (~12% of a fan-out's CPU
// when built per mail), so each locale's formatters are built once.
const FORMATTERS = new Map<string, Formatters>();

// Formatting itself still costs ~10% of composing a mail, and a fan-out formats the same deadline
// for every recipient: the last few results of each formatter are kept.
const FORMATTED = new WeakMap<Intl.DateTimeFormat, Map<number, string>>();
function remembered(format: Intl.DateTimeFormat, value: Date): string {
  let known = FORMATTED.get(format);
  if (!known) FORMATTED.set(format, (known = new Map()));
  const at = value.getTime();
  let text = known.get(at);
  if (text === undefined) {
    if (known.size >= 64) known.clear();
    text = format.format(value);
    known.set(at, text);
  }
  return text;
}

export function formattersFor(locale: Locale, notSet: string): Formatters {
  const key = `${locale}\u0000${notSet}`;
  let formatters = FORMATTERS.get(key);
  if (!formatters) {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: MAIL_TIME_ZONE });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: MAIL_TIME_ZONE });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: MAIL_TIME_ZONE });
    formatters = {
      dateTime: (value) => (value ? remembered(dateTime, value) : notSet),
      date: (value) => remembered(date, value),
      time: (value) => remembered(time, value),
    };
    FORMATTERS.set(key, formatters);
  }
  return formatters;
}

export interface RenderedMail {
  locale: Locale;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The built-in subject and body of an editable template, with merge fields where its facts go. */
export function defaultTemplateText(key: EditableTemplateKey, locale: Locale, edition: Pick<EditionFacts, 'id' | 'year'>): TemplateOverride {
  const { facts, format } = placeholderFacts(edition);
  const content = BY_LOCALE[locale].templates[key](facts, format);
  return { subject: content.subject, body: content.lines.join('\n') };
}

/**
 * Renders the mail of `key` in the recipient's language: the built-in text, or the edition's
 * override for that language (its merge fields filled); the greeting, the button and the
 * signature are the built-in ones either way.
 */
export function renderMail(key: TemplateKey, preferredLocale: string | null | undefined, facts: MailFacts, override?: TemplateOverride | null): RenderedMail {
  const locale = resolveLocale(preferredLocale);
  const set = BY_LOCALE[locale];
  const format = formattersFor(locale, set.notSet);
  let content: TemplateText = set.templates[key](facts, format);
  if (override) {
    const values = mergeValues(key, facts, format);
    content = {
      subject: fillMergeFields(override.subject, values).replace(/\s*[\r\n]+\s*/g, ' '),
      lines: paragraphsOf(fillMergeFields(override.body, values)),
      action: content.action,
    };
  }
  const greeting = set.greeting(facts.recipient.name);
  const text = [
    greeting,
    '',
    ...content.lines.flatMap((line) => [line]),
    ...(content.action ? ['', `${content.action}: ${facts.actionUrl}`] : []),
    '',
    '-- ',
    set.signature,
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...content.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    content.action ? `<p><a href="${escapeHtml(facts.actionUrl)}">${escapeHtml(content.action)}</a></p>` : '',
    `<p style="color: #666">— ${escapeHtml(set.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { locale, subject: content.subject, text, html };
}
