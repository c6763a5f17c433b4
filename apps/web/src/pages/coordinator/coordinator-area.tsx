// The coordinator's area: editions (each with its stage, set-up, eligibility, results and awards),
// cities and their officials, people, the notification outbox and the audit trail.
import { useTranslation } from 'react-i18next';
import { RoleArea } from '../dashboards/role-area';

export function CoordinatorArea() {
  const { t } = useTranslation();
  return (
    <RoleArea
      label={t('coordinator.sections')}
      sections={[
        { to: '/coordinator', label: t('coordinator.editions'), also: '/coordinator/editions/' },
        { to: '/coordinator/cities', label: t('coordinator.cities') },
        { to: '/coordinator/people', label: t('coordinator.people') },
        { to: '/coordinator/notifications', label: t('coordinator.notifications') },
        { to: '/coordinator/audit', label: t('coordinator.audit') },
      ]}
    />
  );
}
