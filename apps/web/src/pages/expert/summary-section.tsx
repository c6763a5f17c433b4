// The report's summary: saved as it is written (after a pause in typing, and on leaving the field),
// with the state of the save beside it; read-only once the report is frozen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ReportView } from '../../api/types';
import { TextAreaField } from '../../components/form';
import { IdPrefix } from '../../components/form-base';
import { failedFields, leavingEditor, SaveStatusLine, useAutosave } from './unsaved-changes';

export function SummarySection({ report, editable, onSaved }: { report: ReportView; editable: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('report.summaryTitle')}</h2>
      {editable ? (
        <SummaryEditor report={report} onSaved={onSaved} />
      ) : report.summary ? (
        <p className="pre-line">{report.summary}</p>
      ) : (
        <p className="meta">{t('report.noSummary')}</p>
      )}
    </section>
  );
}

function SummaryEditor({ report, onSaved }: { report: ReportView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState(report.summary);
  const autosave = useAutosave('summary', report.summary, async (value: string) => {
    await unwrap(client.PATCH('/api/reports/{id}', { params: { path: { id: report.id } }, body: { summary: value } }));
    onSaved();
  });
  return (
    <IdPrefix.Provider value="summary">
      <div
        className="autosaved"
        onBlur={(event) => {
          if (leavingEditor(event)) void autosave.flush();
        }}
      >
        <TextAreaField
          name="summary"
          label={t('report.summary')}
          hint={t('report.summaryHint')}
          value={summary}
          onChange={(value) => {
            setSummary(value);
            autosave.change(value);
          }}
          errors={failedFields(autosave.status)}
          rows={8}
        />
        <SaveStatusLine status={autosave.status} id="summary-save-status" />
      </div>
    </IdPrefix.Provider>
  );
}
