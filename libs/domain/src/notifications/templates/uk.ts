// Ukrainian templates.
import { groupMailText } from './group-mail';
import { editionOf, LocaleTemplates } from './facts';

export const uk: LocaleTemplates = {
  greeting: (name) => `Вітаємо, ${name}!`,
  signature: 'Команда програми «Відкриті міста» (Miasta Otwarte)',
  notSet: 'ще не встановлено',
  templates: {
    invitation: () => ({
      subject: 'Запрошення до платформи «Відкриті міста» (Miasta Otwarte)',
      lines: [
        'Координатор програми «Відкриті міста» створив для вас обліковий запис.',
        'Щоб активувати його, встановіть пароль. Посилання працює лише один раз і дійсне 7 днів.',
      ],
      action: 'Встановити пароль',
    }),
    passwordReset: () => ({
      subject: 'Зміна пароля – «Відкриті міста»',
      lines: [
        'Ми отримали запит на зміну пароля до вашого облікового запису.',
        'Посилання працює лише один раз і дійсне одну годину. Якщо це були не ви, просто проігноруйте цей лист.',
      ],
      action: 'Встановити новий пароль',
    }),
    reportsOpen: (f, fmt) => ({
      subject: `${editionOf(f).name}: розпочався етап експертних звітів`,
      lines: [
        'Ви вже можете готувати звіт про практики органів самоврядування вашого міста.',
        `Термін подання звіту: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Відкрити звіт',
    }),
    scoringOpen: (f, fmt) => ({
      subject: `${editionOf(f).name}: розпочалося оцінювання журі`,
      lines: [
        'Практики цього конкурсу чекають на вашу оцінку.',
        `Термін оцінювання: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Перейти до оцінювання',
    }),
    scoringClosed: (f) => ({
      subject: `${editionOf(f).name}: оцінювання журі завершено`,
      lines: ['Дякуємо за ваші оцінки. Результати вже доступні журі – настав час обговорення.'],
      action: 'Переглянути результати',
    }),
    decisionsFinalised: (f) => ({
      subject: `${editionOf(f).name}: рішення журі остаточні`,
      lines: ['Відзнаки цього конкурсу затверджено. Незабаром ми опублікуємо результати.'],
      action: 'Переглянути рішення',
    }),
    resultsPublished: (f) => ({
      subject: `${editionOf(f).name}: результати опубліковано`,
      lines: [`Результати конкурсу «Відкриті міста» ${editionOf(f).year} року вже у відкритому доступі.`],
      action: 'Переглянути результати',
    }),
    ceremonyInvitation: (f, fmt) => {
      const edition = editionOf(f);
      const ceremony = edition.ceremony!;
      return {
        subject: `Запрошення на церемонію вручення відзнак «Відкриті міста» ${edition.year}`,
        lines: [
          `Щиро запрошуємо вас на урочисте вручення відзнак конкурсу «${edition.name}».`,
          `Дата: ${fmt.date(ceremony.startsAt)}`,
          `Час: ${fmt.time(ceremony.startsAt)}`,
          `Місце: ${ceremony.venue ?? 'буде повідомлено'}`,
          `Місто: ${ceremony.city ?? 'буде повідомлено'}`,
          'Подію для календаря додано у вкладенні (.ics).',
        ],
        action: 'Переглянути відзнаки',
      };
    },
    reportSubmitted: (f) => ({
      subject: `${editionOf(f).name}: подано звіт – ${f.report!.city}`,
      lines: [`Експерт подав звіт про практики органів самоврядування міста ${f.report!.city}.`],
      action: 'Відкрити звіт',
    }),
    eligibilityDecided: (f) => ({
      subject: `${editionOf(f).name}: рішення щодо практики «${f.practice!.title}»`,
      lines: f.practice!.eligible
        ? [`Практику «${f.practice!.title}» (${f.practice!.city}) допущено до оцінювання журі.`]
        : [
            `Практику «${f.practice!.title}» (${f.practice!.city}) не допущено до оцінювання журі.`,
            `Обґрунтування: ${f.practice!.reason ?? '–'}`,
          ],
      action: 'Відкрити звіт',
    }),
    reportsReminder: (f, fmt) => ({
      subject: `Нагадування: звіт до ${fmt.dateTime(f.dueAt)}`,
      lines: [
        `Термін подання звітів у конкурсі «${editionOf(f).name}» спливає ${fmt.dateTime(f.dueAt)}.`,
        'Звіт вашого міста ще не подано.',
      ],
      action: 'Відкрити звіт',
    }),
    scoringReminder: (f, fmt) => ({
      subject: `Нагадування: оцінювання практик до ${fmt.dateTime(f.dueAt)}`,
      lines: [
        `Термін оцінювання практик у конкурсі «${editionOf(f).name}» спливає ${fmt.dateTime(f.dueAt)}.`,
        'Ще не всі практики мають вашу оцінку.',
      ],
      action: 'Продовжити оцінювання',
    }),
    reportReopened: (f) => ({
      subject: `${editionOf(f).name}: звіт про місто ${f.report!.city} відкрито для виправлення`,
      lines: [
        `Координатор знову відкрив поданий звіт про місто ${f.report!.city}, щоб ви могли його виправити.`,
        `Причина: ${f.reason ?? '–'}`,
        'Внесіть виправлення та подайте звіт повторно.',
      ],
      action: 'Відкрити звіт',
    }),
    eligibilityRevised: (f) => ({
      subject: `${editionOf(f).name}: змінене рішення щодо практики «${f.practice!.title}»`,
      lines: [
        f.practice!.eligible
          ? `Практику «${f.practice!.title}» (${f.practice!.city}) все ж допущено до оцінювання журі.`
          : `Практику «${f.practice!.title}» (${f.practice!.city}) більше не допущено до оцінювання журі.`,
        `Причина зміни: ${f.reason ?? '–'}`,
      ],
      action: 'Відкрити звіт',
    }),
    steppedBackToReports: (f, fmt) => ({
      subject: `${editionOf(f).name}: повернення до етапу експертних звітів`,
      lines: [
        'Координатор повернув конкурс з етапу оцінювання журі до етапу експертних звітів; оцінювання відкриється знову пізніше.',
        `Причина: ${f.reason ?? '–'}`,
        `Термін подання звіту: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Відкрити платформу',
    }),
    steppedBackToScoring: (f, fmt) => ({
      subject: `${editionOf(f).name}: оцінювання журі відновлено`,
      lines: [
        'Координатор повернув конкурс з етапу обговорення до етапу оцінювання журі.',
        `Причина: ${f.reason ?? '–'}`,
        `Термін оцінювання: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Продовжити оцінювання',
    }),
    reportsDeadlineExtended: (f, fmt) => ({
      subject: `${editionOf(f).name}: термін вашого звіту продовжено до ${fmt.dateTime(f.dueAt)}`,
      lines: [`Ваш особистий термін подання звіту тепер ${fmt.dateTime(f.dueAt)}.`, `Причина: ${f.reason ?? '–'}`],
      action: 'Відкрити звіт',
    }),
    scoringDeadlineExtended: (f, fmt) => ({
      subject: `${editionOf(f).name}: термін вашого оцінювання продовжено до ${fmt.dateTime(f.dueAt)}`,
      lines: [`Ваш особистий термін оцінювання тепер ${fmt.dateTime(f.dueAt)}.`, `Причина: ${f.reason ?? '–'}`],
      action: 'Продовжити оцінювання',
    }),
    groupMail: (f, fmt) => groupMailText(f, fmt, 'Перейти на свою сторінку'),
    addedAsExpert: (f, fmt) => ({
      subject: `${editionOf(f).name}: ви експерт для міста ${f.city ?? '–'}`,
      lines: [
        `Координатор додав вас як експерта для міста ${f.city ?? '–'} у конкурсі «${editionOf(f).name}».`,
        'Ви підготуєте звіт про практики міської влади цього міста для мігрантів.',
        `Термін подання звітів: ${fmt.dateTime(editionOf(f).reportsDueAt)}.`,
      ],
      action: 'Відкрити сторінку звіту',
    }),
    addedAsJuror: (f, fmt) => ({
      subject: `${editionOf(f).name}: ви член журі`,
      lines: [
        `Координатор додав вас до журі конкурсу «${editionOf(f).name}».`,
        'Ви оцінюватимете допущені практики, коли почнеться оцінювання журі; ми вам про це повідомимо.',
        `Термін оцінювання: ${fmt.dateTime(editionOf(f).scoringDueAt)}.`,
      ],
      action: 'Відкрити бюлетень',
    }),
  },
};
