// The areas of experts, jurors and city officials. Each starts from the user's role grants
// (GET /api/me: `{ role, editionId?, cityId? }`) and opens what that grant covers.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RoleGrant } from '../../api/pending-paths';
import { useAuth } from '../../auth/auth-context';
import { grantsOf } from '../../auth/roles';
import { Page } from '../../components/page';
import { practiceStatusLabel, stageLabel } from '../../i18n/labels';
import { Loaded, useApiQuery } from '../../components/query';
import { loadNames, type Names } from './lookups';
import { Upcoming } from './role-area';

function useGrants(role: RoleGrant['role']): RoleGrant[] {
  const { state } = useAuth();
  return state.status === 'signedIn' ? grantsOf(state.user.roles, role) : [];
}

function editionName(names: Names, id: string | undefined): string {
  const edition = id ? names.editions.get(id) : undefined;
  return edition ? `${edition.year} · ${edition.name}` : (id ?? '');
}

function cityName(names: Names, id: string | undefined): string {
  return (id && names.cities.get(id)?.name) || (id ?? '');
}

export function JurorPage() {
  const { t } = useTranslation();
  const grants = useGrants('juror');
  const names = useApiQuery((signal) => loadNames(signal), []);
  return (
    <Page title={t('juror.title')} lead={t('juror.lead')}>
      {grants.length === 0 ? (
        <p>{t('juror.noEditions')}</p>
      ) : (
        <Loaded query={names} what={t('juror.editions')}>
          {(data) => (
            <ul className="cards cards--two">
              {grants.map((grant) => (
                <li key={grant.editionId} className="card card--link">
                  <h2 className="card__title">
                    <Link to={`/juror/editions/${grant.editionId}`}>{t('juror.ballotFor', { edition: editionName(data, grant.editionId) })}</Link>
                  </h2>
                  {grant.cityId && <p className="meta">{t('juror.ownCity', { city: cityName(data, grant.cityId) })}</p>}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      )}
    </Page>
  );
}

export function JurorBallotPage() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const ballot = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/ballot', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <Page
      title={t('juror.ballotTitle')}
      lead={t('juror.ballotLead')}
      before={
        <p className="back-link">
          <Link to="/juror">{t('juror.title')}</Link>
        </p>
      }
    >
      <Loaded query={ballot} what={t('juror.ballotTitle')}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('juror.nothingToScore')}</p>
          ) : (
            <ul className="plain-list">
              {items.map(({ practice, myScore }) => (
                <li key={practice.id} className="card">
                  <h2 className="card__title">{practice.title}</h2>
                  <p className="meta">
                    {practice.cityName}
                    <span className="badge">{myScore ? t('juror.scored') : t('juror.notScored')}</span>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <Upcoming title={t('juror.scoring')} />
    </Page>
  );
}

/** One city: per edition under way, the report's status and each practice's status (GET /api/cities/:id/status). */
function CityStatus({ cityId, editionId }: { cityId: string; editionId?: string }) {
  const { t } = useTranslation();
  const status = useApiQuery(
    (signal) => unwrap(client.GET('/api/cities/{id}/status', { params: { path: { id: cityId }, query: editionId ? { editionId } : {} }, signal })),
    [cityId, editionId],
  );
  return (
    <Loaded query={status} what={t('city.status')}>
      {(data) =>
        data.editions.length === 0 ? (
          <p>{t('city.noEditions', { city: data.city.name })}</p>
        ) : (
          data.editions.map((edition) => {
            const headingId = `city-${cityId}-${edition.editionId}`;
            return (
              <section key={edition.editionId} className="section" aria-labelledby={headingId}>
                <h2 id={headingId}>{t('city.statusOf', { city: data.city.name, year: edition.year })}</h2>
                <p className="meta">{t('city.editionStage', { stage: stageLabel(t, edition.stage) })}</p>
                {edition.practices.length === 0 ? (
                  <p>{t('city.noPractices')}</p>
                ) : (
                  <div className="table-wrap" role="region" aria-labelledby={headingId} tabIndex={0}>
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col">{t('city.practice')}</th>
                          <th scope="col">{t('city.practiceStatus')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {edition.practices.map((practice) => (
                          <tr key={practice.id}>
                            <th scope="row">{practice.title}</th>
                            <td>{practiceStatusLabel(t, practice.status)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            );
          })
        )
      }
    </Loaded>
  );
}

export function CityOfficialPage() {
  const { t } = useTranslation();
  const grants = useGrants('cityOfficial').filter((grant) => grant.cityId);
  return (
    <Page title={t('city.title')} lead={t('city.lead')}>
      {grants.length === 0 ? <p>{t('city.noCities')}</p> : grants.map((grant) => <CityStatus key={grant.cityId} cityId={grant.cityId as string} editionId={grant.editionId} />)}
    </Page>
  );
}
