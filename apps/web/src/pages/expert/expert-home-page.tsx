// The expert's start: one card per assignment (an edition and a city) across editions, newest first,
// with the stage, the report's status and the way into it, or "start the report" while reports are open.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MyReportAssignment } from '../../api/types';
import { Badge } from '../../components/badge';
import { Deadline, useNow } from '../../components/countdown';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { stageLabel } from '../../i18n/labels';
import { loadMyReports, personalDue, reportPath, reportsOpen } from './report-data';
import { StartReport } from './start-report';

export function ExpertHomePage() {
  const { t } = useTranslation();
  const assignments = useApiQuery((signal) => loadMyReports(signal), []);
  return (
    <Page title={t('expert.title')} lead={t('expert.lead')}>
      <h2>{t('expert.assignments')}</h2>
      <Loaded query={assignments} what={t('expert.assignments')}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('expert.noAssignments')}</p>
          ) : (
            <ul className="cards cards--two">
              {items.map((assignment) => (
                <AssignmentCard key={`${assignment.editionId}-${assignment.cityId}`} assignment={assignment} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}

function AssignmentCard({ assignment }: { assignment: MyReportAssignment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const now = useNow();
  const { report } = assignment;
  const titleId = `assignment-${assignment.editionId}-${assignment.cityId}`;
  const title = t('expert.reportFor', { city: assignment.cityName });
  return (
    <li className="card card--link">
      <h3 className="card__title" id={titleId}>
        {report ? <Link to={reportPath(assignment)}>{title}</Link> : title}{' '}
        <Badge tone={report?.status === 'submitted' ? 'good' : 'neutral'}>{report ? t(`report.status.${report.status}`) : t('expert.notStarted')}</Badge>
      </h3>
      <p className="meta">{t('editions.itemTitle', { year: assignment.editionYear, name: assignment.editionName })}</p>
      <p className="meta">{t('expert.stage', { stage: stageLabel(t, assignment.editionStage) })}</p>
      {report?.status === 'submitted' ? (
        <p>{t('expert.submittedOn', { when: format.dateTime(report.submittedAt) })}</p>
      ) : (
        assignment.editionStage === 'reportsOpen' && <Deadline at={personalDue(assignment.reportsDueAt, assignment.extendedDueAt)} kind="reports" />
      )}
      {report?.status === 'draft' && report.reopenReason && <p>{t('corrections.reopened.title')}</p>}
      {report && (
        <p className="meta">
          {t('expert.practiceCount', { count: report.practiceCount })} · {t('expert.updatedOn', { when: format.dateTime(report.updatedAt) })}
        </p>
      )}
      {!report &&
        (reportsOpen(assignment, now) ? (
          <StartReport editionId={assignment.editionId} cityId={assignment.cityId} describedBy={titleId} onStarted={() => void navigate(reportPath(assignment))} />
        ) : (
          <p>{t('expert.notStartedClosed')}</p>
        ))}
    </li>
  );
}
