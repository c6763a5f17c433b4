// Parts of the group mail screen: the list of merge fields the composer offers, and the group
// mails sent in the edition with their deliveries by status (GET …/group-mails).
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { GroupMailView } from '../../api/types';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';

const MERGE_FIELDS = ['name', 'city', 'edition', 'deadline', 'link'] as const;

export function MergeFieldList() {
  const { t } = useTranslation();
  return (
    <div className="merge-fields">
      <h3>{t('groupMail.fieldsTitle')}</h3>
      <p>{t('groupMail.fieldsLead')}</p>
      <ul>
        {MERGE_FIELDS.map((field) => (
          <li key={field}>
            <code>{`{{${field}}}`}</code>: {t(`groupMail.fields.${field}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function GroupMailList({ editionId, version }: { editionId: string; version: number }) {
  const { t } = useTranslation();
  const mails = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/group-mails', { params: { path: { id: editionId } }, signal })), [editionId, version]);
  return (
    <section className="section" aria-labelledby="group-mails-sent">
      <h3 id="group-mails-sent">{t('groupMail.sentTitle')}</h3>
      <Loaded query={mails} what={t('groupMail.what')}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('groupMail.none')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="group-mails-caption" tabIndex={0}>
              <table className="table">
                <caption id="group-mails-caption">{t('groupMail.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('groupMail.sentAt')}</th>
                    <th scope="col">{t('groupMail.subject')}</th>
                    <th scope="col">{t('groupMail.group')}</th>
                    <th scope="col">{t('groupMail.deliveries')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((mail) => (
                    <SentRow key={mail.id} mail={mail} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

function SentRow({ mail }: { mail: GroupMailView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { filter } = mail;
  const group = [
    t(`groupMail.roles.${filter.role}`),
    filter.cityName,
    filter.progress ? t(`groupMail.progressOptions.${filter.progress}`) : null,
  ].filter(Boolean);
  const languages = mail.versions.map((v) => (v.language ? t(`languageNames.${v.language}`) : t('groupMail.allLanguages'))).join(', ');
  return (
    <tr>
      <td>
        {format.dateTime(mail.sentAt)}
        {mail.sentBy && <div className="group-mails__note">{t('groupMail.sentBy', { name: mail.sentBy })}</div>}
      </td>
      <td>
        {mail.versions[0]?.subject}
        <div className="group-mails__note">{languages}</div>
      </td>
      <td>
        {group.join(' · ')}
        <div className="group-mails__note">{t('groupMail.recipients', { count: mail.recipientCount })}</div>
      </td>
      <td>{t('groupMail.deliverySummary', { sent: mail.deliveries.sent, pending: mail.deliveries.pending, failed: mail.deliveries.failed })}</td>
    </tr>
  );
}
