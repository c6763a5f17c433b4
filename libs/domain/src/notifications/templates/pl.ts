// Polish templates.
import { editionOf, LocaleTemplates } from './facts';

export const pl: LocaleTemplates = {
  greeting: (name) => `Dzień dobry, ${name}!`,
  signature: 'Zespół programu Miasta Otwarte',
  notSet: 'nie ustalono',
  templates: {
    invitation: () => ({
      subject: 'Zaproszenie do platformy Miasta Otwarte',
      lines: [
        'Koordynator programu Miasta Otwarte założył dla Ciebie konto.',
        'Aby je aktywować, ustaw hasło. Link działa tylko raz i jest ważny przez 7 dni.',
      ],
      action: 'Ustaw hasło',
    }),
    passwordReset: () => ({
      subject: 'Zmiana hasła – Miasta Otwarte',
      lines: [
        'Otrzymaliśmy prośbę o zmianę hasła do Twojego konta.',
        'Link działa tylko raz i jest ważny przez godzinę. Jeśli to nie Ty, zignoruj tę wiadomość.',
      ],
      action: 'Ustaw nowe hasło',
    }),
    reportsOpen: (f, fmt) => ({
      subject: `${editionOf(f).name}: rozpoczął się etap raportów eksperckich`,
      lines: [
        'Możesz już przygotowywać raport o praktykach samorządu przypisanego Ci miasta.',
        `Termin złożenia raportu: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Otwórz raport',
    }),
    scoringOpen: (f, fmt) => ({
      subject: `${editionOf(f).name}: rozpoczęła się ocena jury`,
      lines: [
        'Praktyki zgłoszone w tej edycji czekają na Twoją ocenę.',
        `Termin oceny: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Przejdź do oceny',
    }),
    scoringClosed: (f) => ({
      subject: `${editionOf(f).name}: ocena jury została zamknięta`,
      lines: ['Dziękujemy za oceny. Zestawienie wyników jest już dostępne dla jury – czas na obrady.'],
      action: 'Zobacz wyniki',
    }),
    decisionsFinalised: (f) => ({
      subject: `${editionOf(f).name}: decyzje jury są ostateczne`,
      lines: ['Wyróżnienia tej edycji zostały zatwierdzone. Wkrótce opublikujemy wyniki.'],
      action: 'Zobacz decyzje',
    }),
    resultsPublished: (f) => ({
      subject: `${editionOf(f).name}: wyniki zostały opublikowane`,
      lines: [`Wyniki edycji ${editionOf(f).year} programu Miasta Otwarte są już publiczne.`],
      action: 'Zobacz wyniki',
    }),
    ceremonyInvitation: (f, fmt) => {
      const edition = editionOf(f);
      const ceremony = edition.ceremony!;
      return {
        subject: `Zaproszenie na wręczenie wyróżnień Miasta Otwarte ${edition.year}`,
        lines: [
          `Serdecznie zapraszamy na uroczyste wręczenie wyróżnień edycji „${edition.name}”.`,
          `Data: ${fmt.date(ceremony.startsAt)}`,
          `Godzina: ${fmt.time(ceremony.startsAt)}`,
          `Miejsce: ${ceremony.venue ?? 'zostanie podane'}`,
          `Miasto: ${ceremony.city ?? 'zostanie podane'}`,
          'W załączniku przesyłamy wydarzenie do kalendarza (.ics).',
        ],
        action: 'Zobacz wyróżnienia',
      };
    },
    reportSubmitted: (f) => ({
      subject: `${editionOf(f).name}: złożono raport – ${f.report!.city}`,
      lines: [`Ekspert złożył raport o praktykach samorządu miasta ${f.report!.city}.`],
      action: 'Otwórz raport',
    }),
    eligibilityDecided: (f) => ({
      subject: `${editionOf(f).name}: decyzja w sprawie praktyki „${f.practice!.title}”`,
      lines: f.practice!.eligible
        ? [`Praktyka „${f.practice!.title}” (${f.practice!.city}) została zakwalifikowana do oceny jury.`]
        : [
            `Praktyka „${f.practice!.title}” (${f.practice!.city}) nie została zakwalifikowana do oceny jury.`,
            `Uzasadnienie: ${f.practice!.reason ?? '–'}`,
          ],
      action: 'Otwórz raport',
    }),
    reportsReminder: (f, fmt) => ({
      subject: `Przypomnienie: raport do ${fmt.dateTime(f.dueAt)}`,
      lines: [
        `Termin złożenia raportu w edycji „${editionOf(f).name}” upływa ${fmt.dateTime(f.dueAt)}.`,
        'Raport Twojego miasta nie został jeszcze złożony.',
      ],
      action: 'Otwórz raport',
    }),
    scoringReminder: (f, fmt) => ({
      subject: `Przypomnienie: ocena praktyk do ${fmt.dateTime(f.dueAt)}`,
      lines: [
        `Termin oceny praktyk w edycji „${editionOf(f).name}” upływa ${fmt.dateTime(f.dueAt)}.`,
        'Nie wszystkie praktyki mają jeszcze Twoją ocenę.',
      ],
      action: 'Przejdź do oceny',
    }),
  },
};
