// The coordinator's area: editions (and each edition's stage and set-up), people, notifications.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { stageLabel } from '../../i18n/labels';
import { RoleArea, Upcoming } from './role-area';
import { StageSteps } from './stage-steps';

export function CoordinatorArea() {
  const { t } = useTranslation();
  return (
    <RoleArea
      label={t('coordinator.sections')}
      sections={[
        { to: '/coordinator', label: t('coordinator.editions'), end: false },
        { to: '/coordinator/people', label: t('coordinator.people') },
        { to: '/coordinator/notifications', label: t('coordinator.notifications') },
      ]}
    />
  );
}

export function CoordinatorEditionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const editions = useApiQuery((signal) => unwrap(client.GET('/api/editions', { params: { query: { limit: 200 } }, signal })).then((page) => page.items), []);
  return (
    <Page title={t('coordinator.editionsTitle')} lead={t('coordinator.editionsLead')}>
      <Loaded query={editions} what={t('editions.what')}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('coordinator.noEditions')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="editions-caption" tabIndex={0}>
              <table className="table">
                <caption id="editions-caption">{t('coordinator.editionsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coordinator.year')}</th>
                    <th scope="col">{t('coordinator.name')}</th>
                    <th scope="col">{t('coordinator.stage')}</th>
                    <th scope="col">{t('coordinator.reportsDue')}</th>
                    <th scope="col">{t('coordinator.scoringDue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...items]
                    .sort((a, b) => b.year - a.year)
                    .map((edition) => (
                      <tr key={edition.id}>
                        <td>{edition.year}</td>
                        <th scope="row">
                          <Link to={`/coordinator/editions/${edition.id}`}>{edition.name}</Link>
                        </th>
                        <td>{stageLabel(t, edition.stage)}</td>
                        <td>{edition.reportsDueAt ? format.dateTime(edition.reportsDueAt) : t('common.notSet')}</td>
                        <td>{edition.scoringDueAt ? format.dateTime(edition.scoringDueAt) : t('common.notSet')}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <Upcoming title={t('coordinator.newEdition')} />
    </Page>
  );
}

export function CoordinatorEditionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const edition = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}', { params: { path: { id } }, signal })), [id]);
  const title = edition.status === 'success' ? t('editions.itemTitle', { year: edition.data.year, name: edition.data.name }) : t('coordinator.edition');
  return (
    <Page
      title={title}
      before={
        <p className="back-link">
          <Link to="/coordinator">{t('coordinator.allEditions')}</Link>
        </p>
      }
    >
      <Loaded query={edition} what={t('coordinator.edition')}>
        {(data) => (
          <>
            <section className="section" aria-labelledby="stage-title">
              <h2 id="stage-title">{t('coordinator.stage')}</h2>
              <StageSteps stage={data.stage} />
            </section>
            <div className="cards cards--two">
              <Upcoming title={t('coordinator.categories')} />
              <Upcoming title={t('coordinator.experts')} />
              <Upcoming title={t('coordinator.jurors')} />
              <Upcoming title={t('coordinator.eligibility')} />
              <Upcoming title={t('coordinator.results')} />
              <Upcoming title={t('coordinator.awards')} />
            </div>
          </>
        )}
      </Loaded>
    </Page>
  );
}

export function CoordinatorPeoplePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('coordinator.peopleTitle')} lead={t('coordinator.peopleLead')}>
      <Upcoming title={t('coordinator.invite')} />
    </Page>
  );
}

export function CoordinatorNotificationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const outbox = useApiQuery((signal) => unwrap(client.GET('/api/notifications', { params: { query: { limit: 50 } }, signal })), []);
  return (
    <Page title={t('coordinator.notificationsTitle')} lead={t('coordinator.notificationsLead')}>
      <Loaded query={outbox} what={t('coordinator.notifications')}>
        {({ items = [] }) =>
          items.length === 0 ? (
            <p>{t('coordinator.noNotifications')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((notification) => (
                <li key={notification.id} className="card">
                  <p className="card__title">{notification.subject}</p>
                  <p className="meta">
                    {format.dateTime(notification.createdAt)}
                    {notification.status && <span className={`badge badge--${notification.status}`}>{t(`notificationStatus.${notification.status}`)}</span>}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}
