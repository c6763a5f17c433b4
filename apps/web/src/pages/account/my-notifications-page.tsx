// What was sent to me (GET /api/me/notifications), newest first, and the download of everything the
// platform holds about me (GET /api/me/data).
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { downloadFile } from '../../api/files';
import { ActionError, useAction } from '../../components/action';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';

export function MyNotificationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const mine = useApiQuery((signal) => unwrap(client.GET('/api/me/notifications', { params: { query: { limit: 50 } }, signal })), []);
  return (
    <Page title={t('myNotifications.title')} lead={t('myNotifications.lead')}>
      <Loaded query={mine} what={t('coordinator.notifications')}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('myNotifications.none')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((notification) => (
                <li key={notification.id} className="card">
                  <p className="card__title">{notification.subject}</p>
                  <p className="meta">{format.dateTime(notification.sentAt)}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <MyData />
    </Page>
  );
}

function MyData() {
  const { t } = useTranslation();
  const download = useAction();
  return (
    <section className="section" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('myData.title')}</h2>
      <p>{t('myData.lead')}</p>
      <button type="button" className="button button--secondary" disabled={download.busy} onClick={() => void download.run(() => downloadFile('/api/me/data', 'my-data.json'))}>
        {t('myData.download')}
      </button>
      <ActionError error={download.error} />
      <p className="meta">{t('myData.erasure')}</p>
    </section>
  );
}
