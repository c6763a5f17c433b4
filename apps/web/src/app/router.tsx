// Every screen's address. Public: home, editions and awards, the catalogue, and the account pages
// reached from e-mails. Signed in: one area per role, gated by RequireRole; the areas' screens load on
// first visit (their own chunks), so the public pages stay light.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { AppLayout } from '../layout/app-layout';
import { AcceptInvitationPage } from '../pages/account/accept-invitation-page';
import { PasswordResetConfirmPage } from '../pages/account/password-reset-confirm-page';
import { PasswordResetRequestPage } from '../pages/account/password-reset-request-page';
import { SignInPage } from '../pages/account/sign-in-page';
import {
  CoordinatorArea,
  CoordinatorEditionPage,
  CoordinatorEditionsPage,
  CoordinatorNotificationsPage,
  CoordinatorPeoplePage,
} from '../pages/dashboards/coordinator-pages';
import { DashboardHomePage } from '../pages/dashboards/dashboard-home-page';
import { CityOfficialPage } from '../pages/dashboards/participant-pages';
import { NotFoundPage } from '../pages/not-found-page';
import { CataloguePage } from '../pages/public/catalogue-page';
import { EditionAwardsPage } from '../pages/public/edition-awards-page';
import { EditionsPage } from '../pages/public/editions-page';
import { HomePage } from '../pages/public/home-page';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'editions', element: <EditionsPage /> },
      { path: 'editions/:year', element: <EditionAwardsPage /> },
      { path: 'catalogue', element: <CataloguePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'invitations/accept', element: <AcceptInvitationPage /> },
      { path: 'password-reset', element: <PasswordResetRequestPage /> },
      { path: 'password-reset/confirm', element: <PasswordResetConfirmPage /> },
      {
        element: <RequireRole />,
        children: [{ path: 'dashboard', element: <DashboardHomePage /> }],
      },
      {
        path: 'coordinator',
        element: <RequireRole role="coordinator" />,
        children: [
          {
            element: <CoordinatorArea />,
            children: [
              { index: true, element: <CoordinatorEditionsPage /> },
              { path: 'editions/:id', element: <CoordinatorEditionPage /> },
              { path: 'people', element: <CoordinatorPeoplePage /> },
              { path: 'notifications', element: <CoordinatorNotificationsPage /> },
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
        path: 'city',
        element: <RequireRole role="cityOfficial" />,
        children: [{ index: true, element: <CityOfficialPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
