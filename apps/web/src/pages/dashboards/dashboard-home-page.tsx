// After sign-in with several roles (or none yet): the areas the user may work in.
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { heldRoles, ROLE_HOME } from '../../auth/roles';
import { Page } from '../../components/page';

export function DashboardHomePage() {
  const { t } = useTranslation();
  const { state } = useAuth();
  if (state.status !== 'signedIn') return null;
  const roles = heldRoles(state.user.roles);
  if (roles.length === 1) return <Navigate to={ROLE_HOME[roles[0]]} replace />;
  return (
    <Page title={t('dashboard.title')} lead={t('dashboard.greeting', { name: state.user.name })}>
      {roles.length === 0 ? (
        <p>{t('dashboard.noRoles')}</p>
      ) : (
        <ul className="cards cards--two">
          {roles.map((role) => (
            <li key={role} className="card card--link">
              <h2 className="card__title">
                <Link to={ROLE_HOME[role]}>{t(`roles.${role}.area`)}</Link>
              </h2>
              <p>{t(`roles.${role}.does`)}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
