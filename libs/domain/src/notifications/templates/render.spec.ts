import { MailFacts, MAIL_LOCALES, TEMPLATE_KEYS } from './facts';
import { renderMail, resolveLocale } from './render';

const facts: MailFacts = {
  recipient: { name: 'Ngo <Hoang> Minh', email: 'minh@example.org' },
  edition: {
    id: 'e1',
    name: 'Miasta Otwarte 2015',
    year: 2015,
    reportsDueAt: new Date('2015-03-31T21:59:00Z'),
    scoringDueAt: null,
    ceremony: { startsAt: new Date('2015-05-14T13:30:00Z'), venue: 'Synagoga pod Białym Bocianem', city: 'Wrocław' },
  },
  report: { city: 'Lublin' },
  practice: { title: 'Punkt obsługi cudzoziemców', city: 'Lublin', eligible: false, reason: 'Poza zakresem' },
  dueAt: new Date('2015-03-31T21:59:00Z'),
  reason: 'Brakuje dowodów',
  message: { subject: '{{edition}}: {{city}}', body: 'Termin: {{deadline}}\nStrona: {{link}}', city: 'Lublin', hasDeadline: true },
  actionUrl: 'https://miasta.example.org/editions/e1?a=1&b=2',
};

describe('mail templates', () => {
  it('picks the reader’s language, English for languages without templates', () => {
    expect(resolveLocale('pl')).toBe('pl');
    expect(resolveLocale('uk-UA')).toBe('uk');
    expect(resolveLocale('EN_gb')).toBe('en');
    expect(resolveLocale('vi')).toBe('en');
    expect(resolveLocale(null)).toBe('en');
  });

  it.each(MAIL_LOCALES.flatMap((locale) => TEMPLATE_KEYS.map((key) => [locale, key] as const)))('renders %s %s', (locale, key) => {
    const mail = renderMail(key, locale, facts);
    expect(mail.locale).toBe(locale);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.text).toContain('Ngo <Hoang> Minh');
    expect(mail.html).toContain('Ngo &lt;Hoang&gt; Minh');
    expect(mail.html).not.toContain('<Hoang>');
    expect(mail.html).toContain(`<html lang="${locale}">`);
    // Every mail leads somewhere: the recipient's next step (action-links.ts).
    expect(mail.text).toContain(facts.actionUrl);
    expect(mail.html).toContain(`<a href="${facts.actionUrl.replace(/&/g, '&amp;')}">`);
  });

  it('writes deadlines in Polish time and the reader’s language', () => {
    expect(renderMail('reportsOpen', 'pl', facts).text).toContain('Termin złożenia raportu: 31 marca 2015 23:59.');
    expect(renderMail('reportsOpen', 'en', facts).text).toContain('Reports are due: March 31, 2015 at 11:59 PM.');
    expect(renderMail('scoringOpen', 'en', facts).text).toContain('Scoring closes: not set yet.');
    expect(renderMail('eligibilityDecided', 'pl', facts).text).toContain('Uzasadnienie: Poza zakresem');
    expect(renderMail('reportReopened', 'uk', facts).text).toContain('Причина: Brakuje dowodów');
    expect(renderMail('scoringDeadlineExtended', 'pl', facts).subject).toContain('31 marca 2015 23:59');
  });

  it('fills a group mail’s merge fields for its recipient, the deadline in the reader’s language', () => {
    const pl = renderMail('groupMail', 'pl', facts);
    expect(pl.subject).toBe('Miasta Otwarte 2015: Lublin');
    expect(pl.text).toContain('Termin: 31 marca 2015 23:59\nStrona: https://miasta.example.org/editions/e1?a=1&b=2');
    const official = renderMail('groupMail', 'en', { ...facts, message: { ...facts.message!, hasDeadline: false } });
    expect(official.text).toContain('Termin: \n');
  });
});
