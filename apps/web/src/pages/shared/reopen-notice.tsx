// The reason a coordinator gave for reopening a submitted report, shown on the draft (to its
// expert, and to coordinators reading it) until it is submitted again.
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { useFormat } from '../../i18n/format';

/** The reason the expert sees on a reopened draft. */
export function ReopenNotice({ reason, at }: { reason: string | null | undefined; at?: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!reason) return null;
  return (
    <Alert kind="warning" title={t('corrections.reopened.title')}>
      <p>{at ? t('corrections.reopened.when', { when: format.dateTime(at) }) : null}</p>
      <p>
        <span className="label">{t('corrections.reason')}:</span> <span className="pre-line">{reason}</span>
      </p>
    </Alert>
  );
}
