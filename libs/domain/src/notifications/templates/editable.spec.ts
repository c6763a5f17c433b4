import { EDITABLE_TEMPLATE_KEYS } from './editable';
import { MailFacts, MAIL_LOCALES } from './facts';
import { unknownMergeFields } from './merge-fields';
import { defaultTemplateText, renderMail } from './render';

const facts: MailFacts = {
  recipient: { name: 'Olena', email: 'olena@example.org' },
  edition: { id: 'e1', name: 'Miasta Otwarte 2031', year: 2031, reportsDueAt: new Date('2031-03-31T21:59:00Z'), scoringDueAt: null, ceremony: null },
  report: null,
  practice: null,
  city: 'Lublin',
  dueAt: null,
  actionUrl: 'https://miasta.example.org/expert',
};

describe('editable templates', () => {
  it.each(MAIL_LOCALES.flatMap((locale) => EDITABLE_TEMPLATE_KEYS.map((key) => [locale, key] as const)))('the default %s %s reads as text with known merge fields', (locale, key) => {
    const text = defaultTemplateText(key, locale, { id: 'e1', year: 2031 });
    expect(`${text.subject}\n${text.body}`).toContain('{{edition}}');
    expect(unknownMergeFields(`${text.subject}\n${text.body}`)).toEqual([]);
    expect(text.body.length).toBeGreaterThan(10);
  });

  it('renders an override with its merge fields filled, keeping greeting, button and signature', () => {
    const mail = renderMail('addedAsExpert', 'en', facts, { subject: '{{edition}} –\n{{city}}', body: 'Dear {{ name }},\n\nreport by {{deadline}} at {{link}} {{unknown}}' });
    expect(mail.subject).toBe('Miasta Otwarte 2031 – Lublin');
    expect(mail.text).toContain('Hello Olena,\n\nDear Olena,\nreport by March 31, 2031 at 11:59 PM at https://miasta.example.org/expert {{unknown}}\n\nOpen your report page: https://miasta.example.org/expert');
    expect(mail.text).toContain('The Open Cities (Miasta Otwarte) team');
    expect(mail.html).toContain('<p>Dear Olena,</p>');
  });

  it('renders the built-in text without an override', () => {
    expect(renderMail('addedAsExpert', 'pl', facts, null).subject).toBe('Miasta Otwarte 2031: powierzono Ci rolę eksperta dla miasta Lublin');
  });
});
