// Polish templates.
import { groupMailText } from './group-mail';
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
    reportReopened: (f) => ({
      subject: `${editionOf(f).name}: raport o mieście ${f.report!.city} otwarty do poprawy`,
      lines: [
        `Koordynator ponownie otworzył złożony raport o mieście ${f.report!.city}, aby można było go poprawić.`,
        `Powód: ${f.reason ?? '–'}`,
        'Wprowadź poprawki i złóż raport ponownie.',
      ],
      action: 'Otwórz raport',
    }),
    eligibilityRevised: (f) => ({
      subject: `${editionOf(f).name}: zmieniona decyzja w sprawie praktyki „${f.practice!.title}”`,
      lines: [
        f.practice!.eligible
          ? `Praktyka „${f.practice!.title}” (${f.practice!.city}) została jednak zakwalifikowana do oceny jury.`
          : `Praktyka „${f.practice!.title}” (${f.practice!.city}) nie jest już zakwalifikowana do oceny jury.`,
        `Powód zmiany: ${f.reason ?? '–'}`,
      ],
      action: 'Otwórz raport',
    }),
    steppedBackToReports: (f, fmt) => ({
      subject: `${editionOf(f).name}: powrót do etapu raportów eksperckich`,
      lines: [
        'Koordynator cofnął edycję z etapu oceny jury do etapu raportów eksperckich; ocena rozpocznie się ponownie później.',
        `Powód: ${f.reason ?? '–'}`,
        `Termin złożenia raportu: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Otwórz platformę',
    }),
    steppedBackToScoring: (f, fmt) => ({
      subject: `${editionOf(f).name}: ocena jury została wznowiona`,
      lines: [
        'Koordynator cofnął edycję z etapu obrad do etapu oceny jury.',
        `Powód: ${f.reason ?? '–'}`,
        `Termin oceny: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Przejdź do oceny',
    }),
    reportsDeadlineExtended: (f, fmt) => ({
      subject: `${editionOf(f).name}: termin Twojego raportu przedłużono do ${fmt.dateTime(f.dueAt)}`,
      lines: [`Twój indywidualny termin złożenia raportu to teraz ${fmt.dateTime(f.dueAt)}.`, `Powód: ${f.reason ?? '–'}`],
      action: 'Otwórz raport',
    }),
    scoringDeadlineExtended: (f, fmt) => ({
      subject: `${editionOf(f).name}: termin Twojej oceny przedłużono do ${fmt.dateTime(f.dueAt)}`,
      lines: [`Twój indywidualny termin oceny to teraz ${fmt.dateTime(f.dueAt)}.`, `Powód: ${f.reason ?? '–'}`],
      action: 'Przejdź do oceny',
    }),
    groupMail: (f, fmt) => groupMailText(f, fmt, 'Przejdź do swojej strony'),
    addedAsExpert: (f, fmt) => ({
      subject: `${editionOf(f).name}: powierzono Ci rolę eksperta dla miasta ${f.city ?? '–'}`,
      lines: [
        `Koordynator dodał Cię jako eksperta dla miasta ${f.city ?? '–'} w edycji „${editionOf(f).name}”.`,
        'Przygotujesz raport o praktykach samorządu tego miasta na rzecz migrantów.',
        `Termin złożenia raportu: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Otwórz stronę raportu',
    }),
    addedAsJuror: (f, fmt) => ({
      subject: `${editionOf(f).name}: powołanie do jury`,
      lines: [
        `Koordynator dodał Cię do jury edycji „${editionOf(f).name}”.`,
        'Ocenisz zakwalifikowane praktyki, gdy rozpocznie się ocena jury; powiadomimy Cię o tym.',
        `Termin oceny: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Otwórz kartę oceny',
    }),
  },
};
