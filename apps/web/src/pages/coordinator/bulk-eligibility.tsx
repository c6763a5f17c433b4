// The eligibility screen's bulk bar: the selected practices marked eligible, or not eligible with
// one reason, in one request (POST /api/editions/:id/eligibility/bulk); each practice's result shown.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PracticeView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { checks, ErrorSummary, Form, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { BulkResults, type BulkRow } from './bulk-results';

type Decision = { practiceId: string; eligible: boolean; reason?: string };
type Result = Awaited<ReturnType<typeof decide>>;

const decide = (editionId: string, items: Decision[]) => unwrap(client.POST('/api/editions/{id}/eligibility/bulk', { params: { path: { id: editionId } }, body: { items } }));

export function BulkEligibilityBar({ editionId, selected, practices, onDone }: { editionId: string; selected: string[]; practices: PracticeView[]; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const form = useApiForm();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const finish = (answer: Result) => {
    setResult(answer);
    setRefusing(false);
    setReason('');
    onDone();
  };
  const check = (): FieldErrors => (checks.required(reason) ? {} : { reason: [t('eligibility.reasonRequired')] });
  const titleOf = new Map(practices.map((practice) => [practice.id, `${practice.title} (${practice.cityName})`]));
  const rows: BulkRow[] = (result?.items ?? []).map((item) => ({
    key: String(item.index),
    label: (item.practiceId && titleOf.get(item.practiceId)) ?? item.practiceId ?? '—',
    outcome: item.outcome,
    refusal: item.refusal,
  }));
  return (
    <section className="bulk-bar" aria-labelledby="bulk-eligibility-title">
      <h3 id="bulk-eligibility-title">{t('bulk.eligibility.title')}</h3>
      <p role="status">{t('bulk.selected', { count: selected.length })}</p>
      {!refusing && (
        <div className="actions">
          <button
            type="button"
            className="button button--small"
            disabled={selected.length === 0 || action.busy}
            onClick={() => void action.run(async () => finish(await decide(editionId, selected.map((practiceId) => ({ practiceId, eligible: true })))))}
          >
            {t('bulk.eligibility.markEligible', { count: selected.length })}
          </button>
          <button type="button" className="button button--small button--secondary" disabled={selected.length === 0} onClick={() => setRefusing(true)}>
            {t('bulk.eligibility.markIneligible', { count: selected.length })}
          </button>
        </div>
      )}
      <ActionError error={action.error} />
      {refusing && (
        <>
          <ErrorSummary errors={form.errors} labels={{ reason: t('eligibility.reason') }} idPrefix="bulk-ineligible" />
          <Form
            idPrefix="bulk-ineligible"
            onSubmit={() =>
              void form.submit(check, async () => finish(await decide(editionId, selected.map((practiceId) => ({ practiceId, eligible: false, reason: reason.trim() })))))
            }
          >
            <TextAreaField name="reason" label={t('eligibility.reason')} hint={t('bulk.eligibility.reasonHint')} value={reason} onChange={setReason} errors={form.errors.fields} rows={3} />
            <div className="actions">
              <SubmitButton busy={form.busy}>{t('bulk.eligibility.confirmIneligible', { count: selected.length })}</SubmitButton>
              <button type="button" className="button button--secondary" onClick={() => setRefusing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </Form>
        </>
      )}
      {result && <BulkResults id="bulk-eligibility-results" caption={t('bulk.eligibility.resultsCaption')} itemHeader={t('bulk.practice')} rows={rows} />}
    </section>
  );
}
