// Where the translations screen is reached: the coordinator's edition tab, and the translator's own
// area (their editions, from their translator grants, each opening the same screen).
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { stageLabel } from '../../i18n/labels';
import { useEdition } from '../coordinator/edition-layout';
import { useGrants } from '../dashboards/grants';
import { TranslationsScreen } from './translations-screen';

/** The coordinator's "Translations" tab of an edition. */
export function CoordinatorTranslationsPage() {
  const { t } = useTranslation();
  const { edition } = useEdition();
  return (
    <section className="section" aria-labelledby="translations-title">
      <h2 id="translations-title">{t('translations.title')}</h2>
      <p>{t('translations.lead')}</p>
      <TranslationsScreen editionId={edition.id} />
    </section>
  );
}

/** The translator's home: the editions they translate. */
export function TranslatorHomePage() {
  const { t } = useTranslation();
  const grants = useGrants('translator');
  const ids = grants.map((grant) => grant.editionId).filter((id): id is string => Boolean(id));
  const editions = useApiQuery((signal) => unwrap(client.GET('/api/editions', { params: { query: { limit: 200 } }, signal })), []);
  return (
    <Page title={t('translations.homeTitle')} lead={t('translations.homeLead')}>
      <Loaded query={editions} what={t('translations.homeTitle')}>
        {(data) => {
          const mine = data.items.filter((edition) => ids.includes(edition.id));
          return mine.length === 0 ? (
            <p>{t('translations.noEditions')}</p>
          ) : (
            <ul className="cards cards--two">
              {mine.map((edition) => (
                <li key={edition.id} className="card card--link">
                  <h2 className="card__title">
                    <Link to={`/translator/editions/${edition.id}`}>{t('editions.itemTitle', { year: edition.year, name: edition.name })}</Link>
                  </h2>
                  <p>{stageLabel(t, edition.stage)}</p>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </Page>
  );
}

/** One edition's translations for its translator. */
export function TranslatorEditionPage() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  return (
    <Page
      title={t('translations.title')}
      lead={t('translations.lead')}
      wide
      before={
        <p className="back-link">
          <Link to="/translator">{t('translations.allEditions')}</Link>
        </p>
      }
    >
      <TranslationsScreen editionId={editionId} />
    </Page>
  );
}
