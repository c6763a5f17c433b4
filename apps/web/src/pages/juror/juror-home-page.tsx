// The juror's start: one card per edition on the jury, with its stage, the scoring deadline, and the
// ways in: the ballot from jury scoring on, the results and deliberation once scoring has closed.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Deadline } from '../../components/countdown';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { isAtOrAfter, stageLabel } from '../../i18n/labels';
import { useGrants } from '../dashboards/grants';
import { loadNames } from '../dashboards/lookups';

export function JurorHomePage() {
  const { t } = useTranslation();
  const grants = useGrants('juror').filter((grant) => grant.editionId);
  const names = useApiQuery((signal) => loadNames(signal), []);
  return (
    <Page title={t('juror.title')} lead={t('juror.lead')}>
      {grants.length === 0 ? (
        <p>{t('juror.noEditions')}</p>
      ) : (
        <Loaded query={names} what={t('juror.editions')}>
          {(data) => (
            <ul className="cards cards--two">
              {[...grants]
                .sort((a, b) => (data.editions.get(b.editionId as string)?.year ?? 0) - (data.editions.get(a.editionId as string)?.year ?? 0))
                .map((grant) => {
                  const edition = data.editions.get(grant.editionId as string);
                  if (!edition) return null;
                  const scoring = isAtOrAfter(edition.stage, 'juryScoring');
                  const closed = isAtOrAfter(edition.stage, 'deliberation');
                  return (
                    <li key={grant.editionId} className="card card--link">
                      <h2 className="card__title">{t('editions.itemTitle', { year: edition.year, name: edition.name })}</h2>
                      <p className="meta">{t('expert.stage', { stage: stageLabel(t, edition.stage) })}</p>
                      {grant.cityId && <p className="meta">{t('juror.ownCity', { city: data.cities.get(grant.cityId)?.name ?? '' })}</p>}
                      {edition.stage === 'juryScoring' && <Deadline at={edition.scoringDueAt} kind="scoring" />}
                      {!scoring && <p>{t('juror.notYet')}</p>}
                      <ul className="link-list">
                        {scoring && (
                          <li>
                            <Link to={`/juror/editions/${edition.id}`}>{closed ? t('juror.myBallot') : t('juror.openBallot')}</Link>
                          </li>
                        )}
                        {closed && (
                          <li>
                            <Link to={`/juror/editions/${edition.id}/deliberation`}>{t('juror.deliberationLink')}</Link>
                          </li>
                        )}
                      </ul>
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
