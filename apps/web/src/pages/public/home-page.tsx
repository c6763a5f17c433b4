// The public front page: what the programme is, how it works, and the way in to results.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { EditionSummary } from './edition-summary';
import { loadPublishedEditions } from './public-data';

const CRITERIA = ['comprehensiveness', 'longTerm', 'governmentEngagement', 'effectiveness'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const editions = useApiQuery((signal) => loadPublishedEditions(signal), []);
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      <ul className="cards cards--three" aria-label={t('home.shortcuts')}>
        <li className="card card--link">
          <h2 className="card__title">
            <Link to="/editions">{t('home.awardsTitle')}</Link>
          </h2>
          <p>{t('home.awardsBody')}</p>
        </li>
        <li className="card card--link">
          <h2 className="card__title">
            <Link to="/catalogue">{t('home.catalogueTitle')}</Link>
          </h2>
          <p>{t('home.catalogueBody')}</p>
        </li>
        <li className="card card--link">
          <h2 className="card__title">
            <Link to="/sign-in">{t('home.participantsTitle')}</Link>
          </h2>
          <p>{t('home.participantsBody')}</p>
        </li>
      </ul>

      <section className="section" aria-labelledby="how-title">
        <h2 id="how-title">{t('home.howTitle')}</h2>
        <ol className="steps">
          <li>
            <h3>{t('home.expertStageTitle')}</h3>
            <p>{t('home.expertStageBody')}</p>
          </li>
          <li>
            <h3>{t('home.juryStageTitle')}</h3>
            <p>{t('home.juryStageBody')}</p>
          </li>
        </ol>
        <h3>{t('home.criteriaTitle')}</h3>
        <ul className="criteria">
          {CRITERIA.map((criterion) => (
            <li key={criterion}>{t(`criteria.${criterion}`)}</li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="latest-title">
        <h2 id="latest-title">{t('home.latestTitle')}</h2>
        <Loaded query={editions} what={t('editions.what')}>
          {(items) =>
            items.length === 0 ? (
              <p>{t('editions.none')}</p>
            ) : (
              <ul className="plain-list">
                {items.slice(0, 3).map((edition) => (
                  <li key={edition.year}>
                    <EditionSummary edition={edition} level={3} />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </Page>
  );
}
