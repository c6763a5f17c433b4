// The frame of a role's area: its title and a secondary navigation of its sections, then the section.
import { Link, NavLink, Outlet, useLocation } from 'react-router';

export interface AreaSection {
  to: string;
  label: string;
  end?: boolean;
  /** Current for these paths too (the editions list for any edition's screens). */
  also?: string;
}

export function RoleArea({ label, sections }: { label: string; sections: AreaSection[] }) {
  const { pathname } = useLocation();
  return (
    <div className="role-area">
      <nav className="subnav" aria-label={label}>
        <ul className="subnav__list">
          {sections.map((section) => (
            <li key={section.to}>
              {section.also ? (
                <Link
                  className="subnav__link"
                  to={section.to}
                  aria-current={pathname === section.to || pathname.startsWith(section.also) ? 'page' : undefined}
                >
                  {section.label}
                </Link>
              ) : (
                <NavLink className="subnav__link" to={section.to} end={section.end}>
                  {section.label}
                </NavLink>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <div className="role-area__content">
        <Outlet />
      </div>
    </div>
  );
}
