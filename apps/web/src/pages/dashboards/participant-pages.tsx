// The city official's area, from the user's role grants (GET /api/me: `{ role, editionId?, cityId? }`).
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RoleGrant } from '../../api/pending-paths';
import { useAuth } from '../../auth/auth-context';
import { grantsOf } from '../../auth/roles';
import { Page } from '../../components/page';
import { practiceStatusLabel, stageLabel } from '../../i18n/labels';
import { Loaded, useApiQuery } from '../../components/query';

function useGrants(role: RoleGrant['role']): RoleGrant[] {
  const { state } = useAuth();
  return state.status === 'signedIn' ? grantsOf(state.user.roles, role) : [];
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
