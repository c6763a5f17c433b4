// English templates (also the fallback for languages without their own).
import { groupMailText } from './group-mail';
import { editionOf, LocaleTemplates } from './facts';

export const en: LocaleTemplates = {
  greeting: (name) => `Hello ${name},`,
  signature: 'The Open Cities (Miasta Otwarte) team',
  notSet: 'not set yet',
  templates: {
    invitation: () => ({
      subject: 'Your invitation to Open Cities (Miasta Otwarte)',
      lines: [
        'A coordinator of the Open Cities awards has created an account for you.',
        'To activate it, choose a password. The link works once and is valid for 7 days.',
      ],
      action: 'Choose a password',
    }),
    passwordReset: () => ({
      subject: 'Reset your Open Cities password',
      lines: [
        'We received a request to reset the password of your account.',
        'The link works once and is valid for one hour. If this was not you, ignore this message.',
      ],
      action: 'Choose a new password',
    }),
    reportsOpen: (f, fmt) => ({
      subject: `${editionOf(f).name}: the expert report stage has opened`,
      lines: [
        'You can now prepare the report on the practices of your city government.',
        `Reports are due: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Open the report',
    }),
    scoringOpen: (f, fmt) => ({
      subject: `${editionOf(f).name}: jury scoring has opened`,
      lines: [
        'The practices of this edition are waiting for your scores.',
        `Scoring closes: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Start scoring',
    }),
    scoringClosed: (f) => ({
      subject: `${editionOf(f).name}: jury scoring has closed`,
      lines: ['Thank you for your scores. The results are now open to the jury: time to deliberate.'],
      action: 'See the results',
    }),
    decisionsFinalised: (f) => ({
      subject: `${editionOf(f).name}: the jury's decisions are final`,
      lines: ['The distinctions of this edition have been confirmed. The results will be published soon.'],
      action: 'See the decisions',
    }),
    resultsPublished: (f) => ({
      subject: `${editionOf(f).name}: the results are published`,
      lines: [`The results of the ${editionOf(f).year} Open Cities awards are now public.`],
      action: 'See the results',
    }),
    ceremonyInvitation: (f, fmt) => {
      const edition = editionOf(f);
      const ceremony = edition.ceremony!;
      return {
        subject: `Invitation: Open Cities ${edition.year} award ceremony`,
        lines: [
          `You are warmly invited to the award ceremony of “${edition.name}”.`,
          `Date: ${fmt.date(ceremony.startsAt)}`,
          `Time: ${fmt.time(ceremony.startsAt)}`,
          `Venue: ${ceremony.venue ?? 'to be announced'}`,
          `City: ${ceremony.city ?? 'to be announced'}`,
          'The calendar event is attached (.ics).',
        ],
        action: 'See the awards',
      };
    },
    reportSubmitted: (f) => ({
      subject: `${editionOf(f).name}: report submitted – ${f.report!.city}`,
      lines: [`The expert has submitted the report on the practices of ${f.report!.city}.`],
      action: 'Open the report',
    }),
    eligibilityDecided: (f) => ({
      subject: `${editionOf(f).name}: decision on the practice “${f.practice!.title}”`,
      lines: f.practice!.eligible
        ? [`The practice “${f.practice!.title}” (${f.practice!.city}) is eligible and goes to the jury.`]
        : [
            `The practice “${f.practice!.title}” (${f.practice!.city}) is not eligible for the jury.`,
            `Reason: ${f.practice!.reason ?? '–'}`,
          ],
      action: 'Open the report',
    }),
    reportsReminder: (f, fmt) => ({
      subject: `Reminder: your report is due ${fmt.dateTime(f.dueAt)}`,
      lines: [
        `Reports for “${editionOf(f).name}” are due ${fmt.dateTime(f.dueAt)}.`,
        "Your city's report has not been submitted yet.",
      ],
      action: 'Open the report',
    }),
    scoringReminder: (f, fmt) => ({
      subject: `Reminder: scoring closes ${fmt.dateTime(f.dueAt)}`,
      lines: [
        `Scoring for “${editionOf(f).name}” closes ${fmt.dateTime(f.dueAt)}.`,
        'Some practices do not have your scores yet.',
      ],
      action: 'Continue scoring',
    }),
    reportReopened: (f) => ({
      subject: `${editionOf(f).name}: your report on ${f.report!.city} is open for a correction`,
      lines: [
        `A coordinator has reopened the submitted report on ${f.report!.city} so that you can correct it.`,
        `Reason: ${f.reason ?? '–'}`,
        'Make the correction and submit the report again.',
      ],
      action: 'Open the report',
    }),
    eligibilityRevised: (f) => ({
      subject: `${editionOf(f).name}: revised decision on the practice “${f.practice!.title}”`,
      lines: [
        f.practice!.eligible
          ? `The practice “${f.practice!.title}” (${f.practice!.city}) is now eligible and goes to the jury.`
          : `The practice “${f.practice!.title}” (${f.practice!.city}) is now not eligible for the jury.`,
        `Reason for the revision: ${f.reason ?? '–'}`,
      ],
      action: 'Open the report',
    }),
    steppedBackToReports: (f, fmt) => ({
      subject: `${editionOf(f).name}: back to the expert report stage`,
      lines: [
        'A coordinator has moved the edition back from jury scoring to the expert report stage; scoring will open again later.',
        `Reason: ${f.reason ?? '–'}`,
        `Reports are due: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Open the platform',
    }),
    steppedBackToScoring: (f, fmt) => ({
      subject: `${editionOf(f).name}: jury scoring has reopened`,
      lines: [
        'A coordinator has moved the edition back from deliberation to jury scoring.',
        `Reason: ${f.reason ?? '–'}`,
        `Scoring closes: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Continue scoring',
    }),
    reportsDeadlineExtended: (f, fmt) => ({
      subject: `${editionOf(f).name}: your report deadline is extended to ${fmt.dateTime(f.dueAt)}`,
      lines: [`Your personal deadline for the report is now ${fmt.dateTime(f.dueAt)}.`, `Reason: ${f.reason ?? '–'}`],
      action: 'Open the report',
    }),
    scoringDeadlineExtended: (f, fmt) => ({
      subject: `${editionOf(f).name}: your scoring deadline is extended to ${fmt.dateTime(f.dueAt)}`,
      lines: [`Your personal deadline for scoring is now ${fmt.dateTime(f.dueAt)}.`, `Reason: ${f.reason ?? '–'}`],
      action: 'Continue scoring',
    }),
    groupMail: (f, fmt) => groupMailText(f, fmt, 'Go to your page'),
    addedAsExpert: (f, fmt) => ({
      subject: `${editionOf(f).name}: you are the expert for ${f.city ?? '–'}`,
      lines: [
        `A coordinator has added you as the expert for ${f.city ?? '–'} in “${editionOf(f).name}”.`,
        'You will write the report on the practices of this city government for migrants.',
        `Reports are due: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Open your report page',
    }),
    addedAsJuror: (f, fmt) => ({
      subject: `${editionOf(f).name}: you are a member of the jury`,
      lines: [
        `A coordinator has added you to the jury of “${editionOf(f).name}”.`,
        'You will score the eligible practices once jury scoring opens; you will be told then.',
        `Scoring closes: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Open your ballot',
    }),
  },
};
