// A report as the coordinator reads it (GET /api/reports/:id): the same view as the expert's, read-only.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loaded, useApiQuery } from '../../components/query';
import { loadReport, Report } from '../expert/report-page';
import { ReopenReport } from './corrections';
import { useEdition } from './edition-layout';

export function CoordinatorReportPage() {
  const { t } = useTranslation();
  const { edition, categories } = useEdition();
  const { reportId = '' } = useParams();
  const details = useApiQuery((signal) => loadReport(reportId, signal), [reportId]);
  return (
    <section className="section" aria-labelledby="report-read-title">
      <p className="back-link">
        <Link to={`/coordinator/editions/${edition.id}/eligibility`}>{t('edition.tabs.eligibility')}</Link>
      </p>
      <Loaded query={details} what={t('report.what')}>
        {({ report, distinctions }) => (
          <>
            <h2 id="report-read-title">{t('report.title', { city: report.cityName })}</h2>
            <ReopenReport report={report} edition={edition} onReopened={details.reload} />
            <Report data={{ edition, categories, report, distinctions }} reload={details.reload} readOnly />
          </>
        )}
      </Loaded>
    </section>
  );
}
