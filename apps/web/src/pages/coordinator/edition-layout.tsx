// One edition for the coordinator: its title and stage, and its sections (overview with the stage
// moves and settings, set-up, eligibility, results, awards and deliberation, mail to a group). The edition is loaded
// once here and handed to the sections, which reload it after a change.
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CategoryView, EditionView } from '../../api/types';
import { Badge } from '../../components/badge';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { stageLabel } from '../../i18n/labels';

export interface EditionContext {
  edition: EditionView;
  categories: CategoryView[];
  reload: () => void;
}

export function useEdition(): EditionContext {
  return useOutletContext<EditionContext>();
}

export function EditionLayout() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const data = useApiQuery(
    async (signal) => {
      const [edition, categories] = await Promise.all([
        unwrap(client.GET('/api/editions/{id}', { params: { path: { id } }, signal })),
        unwrap(client.GET('/api/editions/{id}/categories', { params: { path: { id } }, signal })),
      ]);
      return { edition, categories };
    },
    [id],
  );
  const title = data.status === 'success' ? t('editions.itemTitle', { year: data.data.edition.year, name: data.data.edition.name }) : t('coordinator.edition');
  const sections = [
    { to: '', label: t('edition.tabs.overview'), end: true },
    { to: 'setup', label: t('edition.tabs.setup') },
    { to: 'eligibility', label: t('edition.tabs.eligibility') },
    { to: 'panels', label: t('edition.tabs.panels') },
    { to: 'results', label: t('edition.tabs.results') },
    { to: 'awards', label: t('edition.tabs.awards') },
    { to: 'translations', label: t('edition.tabs.translations') },
    { to: 'group-mail', label: t('edition.tabs.groupMail') },
    { to: 'mail-templates', label: t('edition.tabs.mailTemplates') },
  ];
  return (
    <Page
      title={title}
      wide
      before={
        <p className="back-link">
          <Link to="/coordinator">{t('coordinator.allEditions')}</Link>
        </p>
      }
    >
      <Loaded query={data} what={t('coordinator.edition')}>
        {({ edition, categories }) => (
          <>
            <p className="edition-stage">
              {t('edition.currentStage')} <Badge>{stageLabel(t, edition.stage)}</Badge>
            </p>
            <nav className="tabs" aria-label={t('edition.tabs.label')}>
              <ul className="tabs__list">
                {sections.map((section) => (
                  <li key={section.to}>
                    <NavLink className="tabs__link" to={section.to === '' ? `/coordinator/editions/${id}` : `/coordinator/editions/${id}/${section.to}`} end={section.end}>
                      {section.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <Outlet context={{ edition, categories, reload: data.reload } satisfies EditionContext} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
