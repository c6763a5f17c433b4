// The report of the expert's city in one edition: summary, practices, evidence files, follow-ups of
// the previous edition's distinctions, and the submission that freezes it all. Everything is
// editable while the report is a draft, the edition in stage reportsOpen and the deadline ahead.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CategoryView, EditionView, MyReportAssignment, PreviousDistinction, ReportView } from '../../api/types';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Deadline, useNow } from '../../components/countdown';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { stageLabel } from '../../i18n/labels';
import { FilesSection } from './files-section';
import { FollowUpsSection } from './follow-ups-section';
import { PracticesSection } from './practices-section';
import { ReopenNotice } from '../shared/reopen-notice';
import { loadAssignment, personalDue, reportsOpen } from './report-data';
import { StartReport } from './start-report';
import { SubmitSection } from './submit-section';
import { SummarySection } from './summary-section';
import { TranslationsSection } from './translations-section';
import { LeaveGuard, UnsavedProvider, useUnsavedEditors } from './unsaved-changes';

export interface ReportData {
  edition: EditionView;
  report: ReportView;
  categories: CategoryView[];
  distinctions: PreviousDistinction[];
  /** The expert's extension of the reports deadline, if a coordinator gave one. */
  extendedDueAt?: string | null;
}

/** The edition, its categories and the caller's assignment (with the report's id once started). */
async function loadFrame(editionId: string, cityId: string, signal: AbortSignal) {
  const [edition, assignment, categories] = await Promise.all([
    unwrap(client.GET('/api/editions/{id}', { params: { path: { id: editionId } }, signal })),
    loadAssignment(editionId, cityId, signal),
    unwrap(client.GET('/api/editions/{id}/categories', { params: { path: { id: editionId } }, signal })),
  ]);
  return { edition, assignment, categories };
}

/** The report itself: loaded again after each change. */
export async function loadReport(reportId: string, signal: AbortSignal) {
  const [report, distinctions] = await Promise.all([
    unwrap(client.GET('/api/reports/{id}', { params: { path: { id: reportId } }, signal })),
    unwrap(client.GET('/api/reports/{id}/previous-distinctions', { params: { path: { id: reportId } }, signal })),
  ]);
  return { report, distinctions };
}

export function ReportPage() {
  const { t } = useTranslation();
  const { editionId = '', cityId = '' } = useParams();
  const frame = useApiQuery((signal) => loadFrame(editionId, cityId, signal), [editionId, cityId]);
  const assignment = frame.status === 'success' ? frame.data.assignment : null;
  const reportId = assignment?.report?.id ?? null;
  const details = useApiQuery((signal) => (reportId ? loadReport(reportId, signal) : new Promise<never>(() => undefined)), [reportId]);
  const title = assignment ? t('report.title', { city: assignment.cityName }) : t('report.titleLoading');
  return (
    <Page
      title={title}
      wide
      before={
        <p className="back-link">
          <Link to="/expert">{t('expert.title')}</Link>
        </p>
      }
    >
      <Loaded query={frame} what={t('report.what')}>
        {({ edition, categories, assignment: mine }) =>
          !mine ? (
            <p>{t('expert.notAssigned')}</p>
          ) : !mine.report ? (
            <NotStarted assignment={mine} onStarted={frame.reload} />
          ) : (
            <Loaded query={details} what={t('report.what')}>
              {({ report, distinctions }) => <Report data={{ edition, categories, report, distinctions, extendedDueAt: mine.extendedDueAt }} reload={details.reload} />}
            </Loaded>
          )
        }
      </Loaded>
    </Page>
  );
}

/** An assignment whose report has not been started: the way to start it while reports are open. */
function NotStarted({ assignment, onStarted }: { assignment: MyReportAssignment; onStarted: () => void }) {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <div className="panel">
      <h2 id="report-start-title">
        {t('editions.itemTitle', { year: assignment.editionYear, name: assignment.editionName })} <Badge>{t('expert.notStarted')}</Badge>
      </h2>
      <p className="meta">{t('expert.stage', { stage: stageLabel(t, assignment.editionStage) })}</p>
      {reportsOpen(assignment, now) ? (
        <>
          <Deadline at={assignment.reportsDueAt} kind="reports" />
          <StartReport editionId={assignment.editionId} cityId={assignment.cityId} describedBy="report-start-title" onStarted={onStarted} />
        </>
      ) : (
        <p>{t('expert.notStartedClosed')}</p>
      )}
    </div>
  );
}

/** The report; `readOnly` for the coordinator, who reads it but never writes it. */
export function Report({ data, reload, readOnly = false }: { data: ReportData; reload: () => void; readOnly?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { edition, report, categories, distinctions } = data;
  const now = useNow();
  const due = personalDue(edition.reportsDueAt, data.extendedDueAt);
  const open = edition.stage === 'reportsOpen' && (!due || due.getTime() > now);
  const editable = !readOnly && report.status === 'draft' && open;
  const assessed = distinctions.filter((d) => report.followUps.some((f) => f.awardId === d.id)).length;
  const unsaved = useUnsavedEditors();
  const [justSubmitted, setJustSubmitted] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const showConfirmation = justSubmitted && report.status === 'submitted';
  useEffect(() => {
    // The submit button sits at the bottom: the confirmation comes into view, and focus with it.
    if (!showConfirmation) return;
    confirmation.current?.scrollIntoView({ block: 'center' });
    confirmation.current?.focus({ preventScroll: true });
  }, [showConfirmation]);
  return (
    <UnsavedProvider value={unsaved.registry}>
      {editable && <LeaveGuard dirty={unsaved.dirty} flushAll={unsaved.flushAll} />}
      <div className="report">
        <aside className="report__aside" aria-labelledby="report-status-title">
          <div className="panel">
            <h2 id="report-status-title">
              {t('editions.itemTitle', { year: edition.year, name: edition.name })}
              <Badge tone={report.status === 'submitted' ? 'good' : 'neutral'}>{t(`report.status.${report.status}`)}</Badge>
            </h2>
            <p className="meta">{t('expert.stage', { stage: stageLabel(t, edition.stage) })}</p>
            {report.status === 'submitted' ? (
              <p>{t('report.submittedOn', { when: format.dateTime(report.submittedAt) })}</p>
            ) : (
              <Deadline at={due} kind="reports" />
            )}
            {report.status === 'draft' && data.extendedDueAt && <p className="meta">{t('corrections.yourDeadline', { when: format.dateTime(data.extendedDueAt) })}</p>}
            {report.status === 'draft' && !open && <p>{t('report.closed')}</p>}
            {report.status === 'draft' && <ReopenNotice reason={report.reopenReason} at={report.reopenedAt} />}
            <nav aria-label={t('report.contents')}>
              <ul className="contents">
                <li>
                  <a href="#summary-title">{t('report.summaryTitle')}</a>
                </li>
                <li>
                  <a href="#practices-title">{t('report.practicesTitle', { count: report.practices.length })}</a>
                </li>
                {(report.practices.length > 0 || report.summary.trim() !== '') && (
                  <li>
                    <a href="#expert-translations-title">{t('translations.expertTitle')}</a>
                  </li>
                )}
                <li>
                  <a href="#files-title">{t('report.filesLink', { count: report.files.length })}</a>
                </li>
                <li>
                  <a href="#follow-ups-title">{t('report.followUpsLink', { done: assessed, total: distinctions.length })}</a>
                </li>
                {editable && (
                  <li>
                    <a href="#submit-title">{t('report.submitTitle')}</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </aside>
        <div className="report__main">
          {showConfirmation && (
            <Alert kind="success" live ref={confirmation} title={t('report.submittedTitle')}>
              <p>{t('report.submittedNow')}</p>
            </Alert>
          )}
          <SummarySection report={report} editable={editable} onSaved={reload} />
          <PracticesSection report={report} categories={categories} editable={editable} onChange={reload} />
          <TranslationsSection report={report} />
          <FilesSection reportId={report.id} files={report.files} editable={editable} onChange={reload} />
          <FollowUpsSection reportId={report.id} distinctions={distinctions} followUps={report.followUps} editable={editable} onChange={reload} />
          {editable && (
            <SubmitSection
              report={report}
              distinctions={distinctions}
              unsaved={unsaved.dirty}
              flushAll={unsaved.flushAll}
              onSubmitted={() => {
                setJustSubmitted(true);
                reload();
              }}
            />
          )}
        </div>
      </div>
    </UnsavedProvider>
  );
}
