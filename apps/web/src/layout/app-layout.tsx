// The page frame: skip link, header (name, languages, main navigation, account), main, footer.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { homeFor, ROLE_HOME } from '../auth/roles';
import { LanguageSwitcher } from './language-switcher';

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        // Focus without touching the URL: the router owns it.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('layout.skipToContent')}
    </a>
  );
}

function Account() {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  if (state.status !== 'signedIn') {
    return (
      <NavLink className="nav__link" to="/sign-in">
        {t('nav.signIn')}
      </NavLink>
    );
  }
  return (
    <div className="account">
      <span className="account__name">{t('nav.signedInAs', { name: state.user.name })}</span>
      <NavLink className="account__link" to="/notifications">
        {t('nav.notifications')}
      </NavLink>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          void signOut().finally(() => navigate('/', { replace: true }));
        }}
      >
        {t('nav.signOut')}
      </button>
    </div>
  );
}

const SIGNED_IN_AREAS = ['/dashboard', ...Object.values(ROLE_HOME)];

export function AppLayout() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const { pathname } = useLocation();
  const inDashboard = SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  // The narrow screens' menu (the button shows below 600 px only; wider, CSS keeps everything
  // shown): open for the page it was opened on, so every new page starts with it closed.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === pathname;
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpenAt(null);
    menuButton.current?.focus();
  };
  return (
    <>
      <SkipLink />
      <header className={menuOpen ? 'site-header' : 'site-header site-header--closed'} onKeyDown={closeOnEscape}>
        <div className="container site-header__top">
          <Link to="/" className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <button
            ref={menuButton}
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="site-languages site-nav"
            onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
          >
            <span className="menu-button__icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
          <div id="site-languages" className="site-header__languages site-header__menu">
            <LanguageSwitcher />
          </div>
        </div>
        <nav id="site-nav" className="nav site-header__menu" aria-label={t('nav.label')}>
          <div className="container nav__inner">
            <ul className="nav__list">
              <li>
                <NavLink className="nav__link" to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink className="nav__link" to="/editions">
                  {t('nav.awards')}
                </NavLink>
              </li>
              <li>
                <NavLink className="nav__link" to="/catalogue">
                  {t('nav.catalogue')}
                </NavLink>
              </li>
              <li>
                <NavLink className="nav__link" to="/statistics">
                  {t('nav.statistics')}
                </NavLink>
              </li>
              {state.status === 'signedIn' && (
                <li>
                  {/* Current in any role's area, not only at the address it links to. */}
                  <Link className="nav__link" to={homeFor(state.user.roles)} aria-current={inDashboard ? 'page' : undefined}>
                    {t('nav.dashboard')}
                  </Link>
                </li>
              )}
            </ul>
            <Account />
          </div>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('layout.footerAbout')}</p>
          <p className="site-footer__small">{t('layout.footerOrganiser')}</p>
        </div>
      </footer>
    </>
  );
}
