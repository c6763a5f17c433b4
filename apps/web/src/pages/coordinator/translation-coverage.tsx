// The edition's translation coverage on the coordinator's overview (GET
// /api/editions/:id/translation-coverage): per language, how many submitted practices, summaries and
// categories can be read in it, and the way to the translations screen.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';

export function TranslationCoverage({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const coverage = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/translation-coverage', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <section className="section" aria-labelledby="translation-coverage-title">
      <h2 id="translation-coverage-title">{t('content.coverageTitle')}</h2>
      <Loaded query={coverage} what={t('content.coverageTitle')}>
        {(data) =>
          data.languages.every((language) => language.total === 0) ? (
            <p>{t('content.coverageEmpty')}</p>
          ) : (
            <ul className="plain-list plain-list--tight" data-testid="translation-coverage">
              {data.languages.map((language) => (
                <li key={language.language}>
                  {t('content.coverageLine', { language: language.language, covered: format.number(language.covered), count: language.total })}
                  {language.summaries && language.summaries.total > 0 && ` · ${t('content.coverageSummaries', { covered: format.number(language.summaries.covered), count: language.summaries.total })}`}
                  {language.categories && language.categories.total > 0 && ` · ${t('content.coverageCategories', { covered: format.number(language.categories.covered), count: language.categories.total })}`}
                  {language.outdated > 0 && <span className="meta-inline">{t('content.coverageOutdated', { count: language.outdated })}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <p>
        <Link to={`/coordinator/editions/${editionId}/translations`}>{t('content.coverageManage')}</Link>
      </p>
    </section>
  );
}
