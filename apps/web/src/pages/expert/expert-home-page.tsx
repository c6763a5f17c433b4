// The expert's start: one card per assignment (an edition and a city), with the stage, the deadline
// and the way into the report.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Deadline } from '../../components/countdown';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { stageLabel } from '../../i18n/labels';
import { loadNames } from '../dashboards/lookups';
import { useGrants } from '../dashboards/grants';

export function ExpertHomePage() {
  const { t } = useTranslation();
  const grants = useGrants('expert').filter((grant) => grant.editionId && grant.cityId);
  const names = useApiQuery((signal) => loadNames(signal), []);
  return (
    <Page title={t('expert.title')} lead={t('expert.lead')}>
      <h2>{t('expert.assignments')}</h2>
      {grants.length === 0 ? (
        <p>{t('expert.noAssignments')}</p>
      ) : (
        <Loaded query={names} what={t('expert.assignments')}>
          {(data) => (
            <ul className="cards cards--two">
              {grants.map((grant) => {
                const edition = data.editions.get(grant.editionId as string);
                const city = data.cities.get(grant.cityId as string)?.name ?? '';
                return (
                  <li key={`${grant.editionId}-${grant.cityId}`} className="card card--link">
                    <h3 className="card__title">
                      <Link to={`/expert/editions/${grant.editionId}/cities/${grant.cityId}`}>{t('expert.reportFor', { city })}</Link>
                    </h3>
                    {edition && (
                      <>
                        <p className="meta">{t('editions.itemTitle', { year: edition.year, name: edition.name })}</p>
                        <p className="meta">{t('expert.stage', { stage: stageLabel(t, edition.stage) })}</p>
                        {edition.stage === 'reportsOpen' && <Deadline at={edition.reportsDueAt} kind="reports" />}
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Loaded>
      )}
    </Page>
  );
}
