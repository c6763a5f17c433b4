// What was sent to me (GET /api/me/notifications), newest first.
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
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
    </Page>
  );
}
