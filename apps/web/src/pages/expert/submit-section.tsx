// Submitting the report: a checklist of what is SAVED (and a word when edits on screen are not),
// then a confirmation that says what freezes. Unsaved edits are saved first; what cannot be saved
// stops the submission, so nothing typed is frozen out of the report unseen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PreviousDistinction, ReportView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/dialog';

interface SubmitSectionProps {
  report: ReportView;
  distinctions: PreviousDistinction[];
  /** Whether some editor holds edits not saved yet. */
  unsaved: boolean;
  flushAll: () => Promise<boolean>;
  onSubmitted: () => void;
}

export function SubmitSection({ report, distinctions, unsaved, flushAll, onSubmitted }: SubmitSectionProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [unsavedStop, setUnsavedStop] = useState(false);
  const submit = useAction();
  const missing = distinctions.filter((d) => !report.followUps.some((f) => f.awardId === d.id)).length;
  const canSubmit = report.practices.length > 0;
  return (
    <section className="section submit-section" aria-labelledby="submit-title">
      <h2 id="submit-title">{t('report.submitTitle')}</h2>
      <p>{t('report.submitLead')}</p>
      {unsaved && <p className="meta checklist__unsaved">{t('report.check.unsaved')}</p>}
      <ul className="checklist">
        <li className={report.summary.trim() ? 'checklist__item checklist__item--ok' : 'checklist__item'}>{report.summary.trim() ? t('report.check.summary') : t('report.check.noSummary')}</li>
        <li className={canSubmit ? 'checklist__item checklist__item--ok' : 'checklist__item checklist__item--bad'}>{t('report.check.practices', { count: report.practices.length })}</li>
        <li className="checklist__item checklist__item--ok">{t('report.check.files', { count: report.files.length })}</li>
        {distinctions.length > 0 && (
          <li className={missing === 0 ? 'checklist__item checklist__item--ok' : 'checklist__item'}>
            {t('report.check.followUps', { done: distinctions.length - missing, total: distinctions.length })}
          </li>
        )}
      </ul>
      {!canSubmit && <p className="meta">{t('report.needPractice')}</p>}
      {unsavedStop && unsaved && (
        <Alert kind="warning" live>
          <p>{t('report.unsavedBeforeSubmit')}</p>
        </Alert>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!canSubmit}
          onClick={() =>
            void flushAll().then((saved) => {
              setUnsavedStop(!saved);
              if (saved) setConfirming(true);
            })
          }
        >
          {t('report.submit')}
        </button>
      </div>
      <ActionError error={confirming ? null : submit.error} />
      <ConfirmDialog
        open={confirming}
        title={t('report.confirmTitle')}
        confirmLabel={t('report.confirmSubmit')}
        busy={submit.busy}
        error={submit.error}
        onCancel={() => {
          submit.clear();
          setConfirming(false);
        }}
        onConfirm={() =>
          void submit
            .run(async () => {
              await unwrap(client.POST('/api/reports/{id}/submit', { params: { path: { id: report.id } } }));
            })
            .then((ok) => {
              if (ok) {
                setConfirming(false);
                onSubmitted();
              }
            })
        }
      >
        <p>{t('report.confirmLead')}</p>
        <ul>
          <li>{t('report.frozen.summary')}</li>
          <li>{t('report.frozen.practices', { count: report.practices.length })}</li>
          <li>{t('report.frozen.files', { count: report.files.length })}</li>
          <li>{t('report.frozen.followUps', { count: report.followUps.length })}</li>
        </ul>
        {missing > 0 && <p>{t('report.frozen.missingFollowUps', { count: missing })}</p>}
        <p>{t('report.confirmAfter')}</p>
      </ConfirmDialog>
    </section>
  );
}
