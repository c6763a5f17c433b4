// The practice's report as the jury reads it beside the practice (GET /api/practices/:id/evidence):
// the summary in the interface language where translated (with the switch to the original) and the
// evidence files, downloaded with the juror's token.
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { downloadFile } from '../../api/files';
import type { PracticeEvidenceView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { VersionNote, shownVersion, useOriginalSwitch, type ContentVersion } from '../../components/content-version';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';

/**
 * The practice's report as the jury reads it: the summary (folded, as it can be long) and the
 * evidence files. Loaded on its own, so that a failure here never keeps the juror from scoring.
 */
export function ReportEvidence({ practiceId }: { practiceId: string }) {
  const { t, i18n } = useTranslation();
  const evidence = useApiQuery(
    (signal) => unwrap(client.GET('/api/practices/{id}/evidence', { params: { path: { id: practiceId }, query: { lang: toLanguage(i18n.language) ?? undefined } }, signal })),
    [practiceId, i18n.language],
  );
  return (
    <section className="section evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('score.evidence.title')}</h2>
      <Loaded query={evidence} what={t('score.evidence.what')}>
        {(report) => <EvidenceBody report={report} />}
      </Loaded>
    </section>
  );
}

function EvidenceBody({ report }: { report: PracticeEvidenceView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const download = useAction();
  const [showOriginal, toggleOriginal] = useOriginalSwitch(report.reportId);
  // The summary as translated content: the same note and switch as the practice's text.
  const summary: ContentVersion = {
    ...report,
    title: '',
    description: report.summary,
    original: report.originalSummary ? { language: report.originalLanguage ?? 'pl', title: '', description: report.originalSummary } : null,
  };
  const shown = shownVersion(summary, showOriginal);
  return (
    <>
      {report.submittedAt && <p className="meta">{t('score.evidence.submitted', { city: report.cityName, when: format.date(report.submittedAt) })}</p>}
      {report.summary.trim() ? (
        <details className="disclosure evidence__summary">
          <summary>{t('score.evidence.summary')}</summary>
          <VersionNote item={summary} showOriginal={showOriginal} onToggle={toggleOriginal} />
          <p className="pre-line" lang={shown.language}>
            {shown.description}
          </p>
        </details>
      ) : (
        <p className="meta">{t('score.evidence.noSummary')}</p>
      )}
      <h3 id="evidence-files-title">{t('score.evidence.files', { count: report.files.length })}</h3>
      {report.files.length === 0 ? (
        <p className="meta">{t('score.evidence.noFiles')}</p>
      ) : (
        <ul className="plain-list evidence__files" aria-labelledby="evidence-files-title">
          {report.files.map((file) => (
            <li key={file.id} className="evidence__file">
              <span className="break evidence__name">{file.filename}</span>
              <span className="evidence__size">{format.bytes(file.size)}</span>
              <button
                type="button"
                className="button button--small button--secondary"
                disabled={download.busy}
                onClick={() => void download.run(() => downloadFile(`/api/reports/${report.reportId}/files/${file.id}`, file.filename))}
              >
                {t('files.download')}
                <span className="visually-hidden"> {file.filename}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ActionError error={download.error} />
    </>
  );
}
