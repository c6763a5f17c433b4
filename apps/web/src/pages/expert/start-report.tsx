// "Start the report" for an assignment without one, while reports are open: POST, then `onStarted`.
import { useTranslation } from 'react-i18next';
import { ActionError, useAction } from '../../components/action';
import { startReport } from './report-data';

interface StartReportProps {
  editionId: string;
  cityId: string;
  /** The id of the text naming the assignment, so the button says which report it starts. */
  describedBy?: string;
  onStarted: (reportId: string) => void;
}

export function StartReport({ editionId, cityId, describedBy, onStarted }: StartReportProps) {
  const { t } = useTranslation();
  const start = useAction();
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-describedby={describedBy}
          aria-disabled={start.busy || undefined}
          disabled={start.busy}
          onClick={() => void start.run(async () => onStarted(await startReport(editionId, cityId)))}
        >
          {t('expert.start')}
        </button>
      </div>
      <ActionError error={start.error} />
    </>
  );
}
