// Gates the signed-in areas. Not signed in: to sign-in, coming back here after. Signed in without
// the role: a plain "no access" page (the API answers 403/404 anyway; this only spares the trip).
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { Alert } from '../components/alert';
import { describeError } from '../components/error-text';
import { Page } from '../components/page';
import { useAuth } from './auth-context';
import { homeFor } from './roles';

export function RequireRole({ role }: { role?: Role }) {
  const { t, i18n } = useTranslation();
  const { state, reloadUser, signOut } = useAuth();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('query.loading')}
      </p>
    );
  }
  if (state.status === 'anonymous') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    const reason = state.ended === 'expired' ? '&ended=expired' : '';
    return <Navigate to={`/sign-in?next=${next}${reason}`} replace />;
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('auth.accountFailedTitle')}>
        <Alert kind="error">
          <p>{describeError(t, state.error, (key) => i18n.exists(key))}</p>
        </Alert>
        <div className="actions">
          <button type="button" className="button" onClick={reloadUser}>
            {t('query.retry')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </Page>
    );
  }
  if (role && !state.user.roles.some((grant) => grant.role === role)) {
    return (
      <Page title={t('auth.noAccessTitle')}>
        <p>{t('auth.noAccessBody')}</p>
        <p>
          <Link to={homeFor(state.user.roles)}>{t('auth.toYourDashboard')}</Link>
        </p>
      </Page>
    );
  }
  return <Outlet />;
}
