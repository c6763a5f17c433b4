// Every screen's frame: the document title and the one h1. After an in-app navigation the h1 takes
// focus, so screen-reader and keyboard users start at the new page's top, as on a full page load.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

let firstPage = true;

interface PageProps {
  title: string;
  lead?: ReactNode;
  /** Above the title: a breadcrumb or a back link. */
  before?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}

export function Page({ title, lead, before, children, wide }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, [pathname]);

  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      {before}
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </div>
  );
}
