// Every screen's address. Public: home, editions and awards, the catalogue (and each practice), and
// the account pages reached from e-mails. Signed in: one area per role, gated by RequireRole. Only
// the home and the sign-in page come with the app; every other screen loads on first visit (its own
// chunk), so a first visit of the home stays within its budget (test/web/browser-performance).
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { AppLayout } from '../layout/app-layout';
import { SignInPage } from '../pages/account/sign-in-page';
import { NotFoundPage } from '../pages/not-found-page';
import { HomePage } from '../pages/public/home-page';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'editions', lazy: () => import('../pages/public/editions-page').then((m) => ({ Component: m.EditionsPage })) },
      { path: 'editions/:year', lazy: () => import('../pages/public/edition-awards-page').then((m) => ({ Component: m.EditionAwardsPage })) },
      { path: 'catalogue', lazy: () => import('../pages/public/catalogue-page').then((m) => ({ Component: m.CataloguePage })) },
      { path: 'catalogue/:id', lazy: () => import('../pages/public/practice-page').then((m) => ({ Component: m.PublicPracticePage })) },
      { path: 'statistics', lazy: () => import('../pages/public/statistics-page').then((m) => ({ Component: m.StatisticsPage })) },
      { path: 'verify/:code', lazy: () => import('../pages/public/verify-certificate-page').then((m) => ({ Component: m.VerifyCertificatePage })) },
      { path: 'sign-in', element: <SignInPage /> },
      // The address people guess; the page is /sign-in (its query, e.g. where to go next, kept).
      { path: 'login', loader: ({ request }) => redirect(`/sign-in${new URL(request.url).search}`) },
      { path: 'invitations/accept', lazy: () => import('../pages/account/accept-invitation-page').then((m) => ({ Component: m.AcceptInvitationPage })) },
      { path: 'password-reset', lazy: () => import('../pages/account/password-reset-request-page').then((m) => ({ Component: m.PasswordResetRequestPage })) },
      { path: 'password-reset/confirm', lazy: () => import('../pages/account/password-reset-confirm-page').then((m) => ({ Component: m.PasswordResetConfirmPage })) },
      {
        element: <RequireRole />,
        children: [
          { path: 'dashboard', lazy: () => import('../pages/dashboards/dashboard-home-page').then((m) => ({ Component: m.DashboardHomePage })) },
          { path: 'notifications', lazy: () => import('../pages/account/my-notifications-page').then((m) => ({ Component: m.MyNotificationsPage })) },
        ],
      },
      {
        path: 'coordinator',
        element: <RequireRole role="coordinator" />,
        children: [
          {
            lazy: () => import('../pages/coordinator/coordinator-area').then((m) => ({ Component: m.CoordinatorArea })),
            children: [
              { index: true, lazy: () => import('../pages/coordinator/editions-page').then((m) => ({ Component: m.CoordinatorEditionsPage })) },
              {
                path: 'editions/:id',
                lazy: () => import('../pages/coordinator/edition-layout').then((m) => ({ Component: m.EditionLayout })),
                children: [
                  { index: true, lazy: () => import('../pages/coordinator/overview-page').then((m) => ({ Component: m.EditionOverviewPage })) },
                  { path: 'setup', lazy: () => import('../pages/coordinator/setup-page').then((m) => ({ Component: m.EditionSetupPage })) },
                  { path: 'eligibility', lazy: () => import('../pages/coordinator/eligibility-page').then((m) => ({ Component: m.EligibilityPage })) },
                  { path: 'group-mail', lazy: () => import('../pages/coordinator/group-mail-page').then((m) => ({ Component: m.GroupMailPage })) },
                  { path: 'panels', lazy: () => import('../pages/coordinator/panels-page').then((m) => ({ Component: m.PanelsPage })) },
                  { path: 'results', lazy: () => import('../pages/coordinator/results-page').then((m) => ({ Component: m.ResultsPage })) },
                  { path: 'awards', lazy: () => import('../pages/coordinator/awards-page').then((m) => ({ Component: m.AwardsPage })) },
                  { path: 'translations', lazy: () => import('../pages/translations/translation-pages').then((m) => ({ Component: m.CoordinatorTranslationsPage })) },
                  { path: 'mail-templates', lazy: () => import('../pages/coordinator/mail-templates-page').then((m) => ({ Component: m.MailTemplatesPage })) },
                  { path: 'reports/:reportId', lazy: () => import('../pages/coordinator/report-read-page').then((m) => ({ Component: m.CoordinatorReportPage })) },
                ],
              },
              { path: 'cities', lazy: () => import('../pages/coordinator/cities-page').then((m) => ({ Component: m.CitiesPage })) },
              { path: 'people', lazy: () => import('../pages/coordinator/people-page').then((m) => ({ Component: m.PeoplePage })) },
              { path: 'notifications', lazy: () => import('../pages/coordinator/notifications-page').then((m) => ({ Component: m.NotificationsPage })) },
              { path: 'audit', lazy: () => import('../pages/coordinator/audit-page').then((m) => ({ Component: m.AuditPage })) },
              { path: 'queues', lazy: () => import('../pages/coordinator/queue-board').then((m) => ({ Component: m.QueueBoardOpenerPage })) },
            ],
          },
        ],
      },
      {
        path: 'expert',
        element: <RequireRole role="expert" />,
        children: [
          { index: true, lazy: () => import('../pages/expert/expert-home-page').then((m) => ({ Component: m.ExpertHomePage })) },
          { path: 'editions/:editionId/cities/:cityId', lazy: () => import('../pages/expert/report-page').then((m) => ({ Component: m.ReportPage })) },
        ],
      },
      {
        path: 'juror',
        element: <RequireRole role="juror" />,
        children: [
          { index: true, lazy: () => import('../pages/juror/juror-home-page').then((m) => ({ Component: m.JurorHomePage })) },
          { path: 'editions/:editionId', lazy: () => import('../pages/juror/ballot-page').then((m) => ({ Component: m.BallotPage })) },
          { path: 'editions/:editionId/practices/:practiceId', lazy: () => import('../pages/juror/score-page').then((m) => ({ Component: m.ScorePage })) },
          { path: 'editions/:editionId/deliberation', lazy: () => import('../pages/juror/deliberation-page').then((m) => ({ Component: m.JurorDeliberationPage })) },
        ],
      },
      {
        path: 'translator',
        element: <RequireRole role="translator" />,
        children: [
          { index: true, lazy: () => import('../pages/translations/translation-pages').then((m) => ({ Component: m.TranslatorHomePage })) },
          { path: 'editions/:editionId', lazy: () => import('../pages/translations/translation-pages').then((m) => ({ Component: m.TranslatorEditionPage })) },
        ],
      },
      {
        path: 'city',
        element: <RequireRole role="cityOfficial" />,
        children: [{ index: true, lazy: () => import('../pages/city/city-page').then((m) => ({ Component: m.CityOfficialPage })) }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
