// The notification outbox (GET /api/notifications): every delivery with its recipient, status
// (a sent one with the server's receipt, or marked re-sent after an unconfirmed hand-over),
// attempts and last error, filtered by status; a failed one can be sent again
// (POST /api/notifications/:id/retry).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { DeliveryStatus, Notification } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { RadioGroup } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { DELIVERY_STATUSES, deliveryStatusLabel } from '../../i18n/labels';
import { QueueBoardLink } from './queue-board';
import { cardTable } from '../../components/card-table';

const PAGE = 50;

export function NotificationsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const outbox = useApiQuery(
    (signal) => unwrap(client.GET('/api/notifications', { params: { query: { limit: PAGE, offset, ...(status ? { status } : {}) } }, signal })),
    [status, offset],
  );
  const retry = useAction();
  const [retried, setRetried] = useState<string | null>(null);
  return (
    <Page title={t('coordinator.notificationsTitle')} lead={t('coordinator.notificationsLead')} wide>
      <div className="actions">
        <QueueBoardLink />
      </div>
      <RadioGroup
        name="status"
        legend={t('outbox.filter')}
        inline
        options={[{ value: '', label: t('outbox.all') }, ...DELIVERY_STATUSES.map((value) => ({ value, label: deliveryStatusLabel(t, value) }))]}
        value={status}
        onChange={(value) => {
          setStatus(value as DeliveryStatus | '');
          setOffset(0);
        }}
      />
      {retried && (
        <Alert kind="success" live>
          <p>{t('outbox.retried', { email: retried })}</p>
        </Alert>
      )}
      <ActionError error={retry.error} />
      <Loaded query={outbox} what={t('coordinator.notifications')}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p>{t('coordinator.noNotifications')}</p>
          ) : (
            <>
              <p className="results-count" role="status">
                {t('outbox.count', { count: total })}
              </p>
              <div className="table-wrap" role="region" aria-labelledby="outbox-caption" tabIndex={0}>
                <table ref={cardTable} className="table table--cards">
                  <caption id="outbox-caption">{t('outbox.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('outbox.created')}</th>
                      <th scope="col">{t('outbox.recipient')}</th>
                      <th scope="col">{t('outbox.subject')}</th>
                      <th scope="col">{t('outbox.status')}</th>
                      <th scope="col">{t('outbox.attempts')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((delivery) => (
                      <Row
                        key={delivery.id}
                        delivery={delivery}
                        busy={retry.busy}
                        onRetry={() =>
                          void retry
                            .run(async () => {
                              await unwrap(client.POST('/api/notifications/{id}/retry', { params: { path: { id: delivery.id } } }));
                            })
                            .then((ok) => {
                              if (ok) {
                                setRetried(delivery.recipient.email);
                                outbox.reload();
                              }
                            })
                        }
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              {total > PAGE && (
                <nav className="pagination" aria-label={t('catalogue.pages')}>
                  <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                    {t('catalogue.previous')}
                  </button>
                  <button type="button" className="button button--secondary" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
                    {t('catalogue.next')}
                  </button>
                </nav>
              )}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

function Row({ delivery, busy, onRetry }: { delivery: Notification; busy: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <tr>
      <td>{format.dateTime(delivery.createdAt)}</td>
      <td className="break">
        {delivery.recipient.name}
        <span className="meta-inline">{delivery.recipient.email}</span>
      </td>
      <th scope="row" className="break">
        {delivery.subject ?? delivery.template}
        {delivery.lastError && <span className="meta-inline error-text">{t('outbox.lastError', { error: delivery.lastError })}</span>}
      </th>
      <td>
        <Badge tone={delivery.status === 'sent' ? 'good' : delivery.status === 'failed' ? 'bad' : 'warn'}>{deliveryStatusLabel(t, delivery.status)}</Badge>
        {delivery.sentAt && <span className="meta-inline">{format.dateTime(delivery.sentAt)}</span>}
        {delivery.status === 'sent' && delivery.resent && <span className="meta-inline">{t('outbox.resent')}</span>}
        {delivery.status === 'sent' && delivery.receipt && <span className="meta-inline break">{t('outbox.receipt', { receipt: delivery.receipt })}</span>}
      </td>
      <td>{t('outbox.attemptsOf', { attempts: delivery.attempts, max: delivery.maxAttempts })}</td>
      <td className="table__actions">
        {delivery.status === 'failed' && (
          <button type="button" className="button button--small" disabled={busy} onClick={onRetry}>
            {t('outbox.retry')}
            <span className="visually-hidden"> {delivery.recipient.email}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
