// Published editions (GET /api/public/editions), newest first.
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { EditionSummary } from './edition-summary';
import { loadPublishedEditions } from './public-data';

export function EditionsPage() {
  const { t } = useTranslation();
  const editions = useApiQuery((signal) => loadPublishedEditions(signal), []);
  return (
    <Page title={t('editions.title')} lead={t('editions.lead')}>
      <Loaded query={editions} what={t('editions.what')}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('editions.none')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((edition) => (
                <li key={edition.year}>
                  <EditionSummary edition={edition} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}
