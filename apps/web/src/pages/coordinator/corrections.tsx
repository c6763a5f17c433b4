// The coordinator's corrections, each behind a form that asks for the reason (the API refuses one
// without it, 400 naming `reason`): step the edition back one stage, reopen a submitted report,
// revise an eligibility decision, give one expert or juror a later deadline. The reason is audited
// and told to the people the correction affects; a refusal (409 with a code) shows in words.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AssignmentView, EditionView, PracticeView, ReportView } from '../../api/types';
import { checks, ErrorSummary, Form, RadioGroup, SubmitButton, TextAreaField, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { fromWarsawInput, useFormat } from '../../i18n/format';
import { stageLabel } from '../../i18n/labels';

interface ReasonFormProps {
  /** Unique per form on the screen (field ids). */
  idPrefix: string;
  submitLabel: string;
  hint?: string;
  /** Extra fields before the reason (given the field errors), with their labels for the error summary. */
  extra?: (errors: FieldErrors) => ReactNode;
  extraLabels?: Record<string, string>;
  extraCheck?: () => FieldErrors;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
}

/** A correction's form: the reason (required), any extra fields, confirm and cancel. */
export function ReasonForm({ idPrefix, submitLabel, hint, extra, extraLabels = {}, extraCheck, onSubmit, onCancel }: ReasonFormProps) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [reason, setReason] = useState('');
  const labels = { ...extraLabels, reason: t('corrections.reason') };
  const check = (): FieldErrors => ({ ...(extraCheck?.() ?? {}), ...(checks.required(reason) ? {} : { reason: [t('corrections.reasonRequired')] }) });
  return (
    <div className="correction">
      <ErrorSummary errors={form.errors} labels={labels} idPrefix={idPrefix} />
      <Form idPrefix={idPrefix} onSubmit={() => void form.submit(check, () => onSubmit(reason.trim()))}>
        {extra?.(form.errors.fields)}
        <TextAreaField name="reason" label={labels.reason} hint={hint ?? t('corrections.reasonHint')} value={reason} onChange={setReason} errors={form.errors.fields} rows={3} />
        <div className="actions">
          <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** The way back one stage, where the stage machine has one (juryScoring, deliberation). */
const STEP_BACK: Partial<Record<EditionView['stage'], 'reportsOpen' | 'juryScoring'>> = { juryScoring: 'reportsOpen', deliberation: 'juryScoring' };

export function StepBack({ edition, onMoved }: { edition: EditionView; onMoved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const to = STEP_BACK[edition.stage];
  if (!to) return null;
  return (
    <div className="next-stage">
      <h3>{t('corrections.stepBack.title', { stage: stageLabel(t, to) })}</h3>
      <p>{t(`corrections.stepBack.${to}`)}</p>
      {open ? (
        <ReasonForm
          idPrefix="step-back"
          submitLabel={t('corrections.stepBack.confirm', { stage: stageLabel(t, to) })}
          onCancel={() => setOpen(false)}
          onSubmit={async (reason) => {
            await unwrap(client.POST('/api/editions/{id}/step-back', { params: { path: { id: edition.id } }, body: { to, reason } }));
            setOpen(false);
            onMoved();
          }}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('corrections.stepBack.button', { stage: stageLabel(t, to) })}
        </button>
      )}
    </div>
  );
}

/** Reopening a submitted report (coordinator's reading view), while experts can write. */
export function ReopenReport({ report, edition, onReopened }: { report: ReportView; edition: EditionView; onReopened: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (report.status !== 'submitted' || edition.stage !== 'reportsOpen') return null;
  return (
    <section className="section" aria-labelledby="reopen-title">
      <h3 id="reopen-title">{t('corrections.reopen.title')}</h3>
      <p>{t('corrections.reopen.lead')}</p>
      {open ? (
        <ReasonForm
          idPrefix="reopen"
          submitLabel={t('corrections.reopen.confirm')}
          hint={t('corrections.reopen.hint')}
          onCancel={() => setOpen(false)}
          onSubmit={async (reason) => {
            await unwrap(client.POST('/api/reports/{id}/reopen', { params: { path: { id: report.id } }, body: { reason } }));
            setOpen(false);
            onReopened();
          }}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('corrections.reopen.button')}
        </button>
      )}
    </section>
  );
}

/** Revising a decided practice's eligibility (until scoring opens). */
export function ReviseEligibility({ practice, onRevised }: { practice: PracticeView; onRevised: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState(practice.status === 'eligible' ? 'ineligible' : 'eligible');
  if (practice.status !== 'eligible' && practice.status !== 'ineligible') return null;
  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>
          {t('corrections.revise.button')}
          <span className="visually-hidden"> {practice.title}</span>
        </button>
      </div>
    );
  }
  return (
    <ReasonForm
      idPrefix={`revise-${practice.id}`}
      submitLabel={t('corrections.revise.confirm')}
      hint={t('corrections.revise.hint')}
      extra={() => (
        <RadioGroup
          name="eligible"
          legend={t('corrections.revise.decision')}
          options={[
            { value: 'eligible', label: t('eligibility.markEligible') },
            { value: 'ineligible', label: t('eligibility.markIneligible') },
          ]}
          value={decision}
          onChange={setDecision}
        />
      )}
      onCancel={() => setOpen(false)}
      onSubmit={async (reason) => {
        await unwrap(client.POST('/api/practices/{id}/eligibility-revision', { params: { path: { id: practice.id } }, body: { eligible: decision === 'eligible', reason } }));
        setOpen(false);
        onRevised();
      }}
    />
  );
}

/** One expert's or juror's later deadline: shown in their row, set with a date and a reason. */
export function ExtendDeadline({ kind, editionId, assignment, onExtended }: { kind: 'experts' | 'jurors'; editionId: string; assignment: AssignmentView; onExtended: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const [dueAt, setDueAt] = useState('');
  return (
    <>
      {assignment.extendedDueAt && (
        <p className="meta">
          {t('corrections.extend.current', { when: format.dateTime(assignment.extendedDueAt) })}
          {assignment.extensionReason ? ` (${assignment.extensionReason})` : ''}
        </p>
      )}
      {open ? (
        <ReasonForm
          idPrefix={`extend-${assignment.id}`}
          submitLabel={t('corrections.extend.confirm')}
          hint={t('corrections.extend.hint')}
          extraLabels={{ dueAt: t('corrections.extend.dueAt') }}
          extraCheck={(): FieldErrors => (fromWarsawInput(dueAt) ? {} : { dueAt: [t('corrections.extend.dueAtRequired')] })}
          extra={(errors) => (
            <TextField name="dueAt" type="datetime-local" label={t('corrections.extend.dueAt')} hint={t('edition.settings.polishTime')} value={dueAt} onChange={setDueAt} errors={errors} className="input--medium" />
          )}
          onCancel={() => setOpen(false)}
          onSubmit={async (reason) => {
            const path = kind === 'experts' ? '/api/editions/{id}/experts/{assignmentId}/extension' : '/api/editions/{id}/jurors/{assignmentId}/extension';
            await unwrap(client.PUT(path, { params: { path: { id: editionId, assignmentId: assignment.id } }, body: { dueAt: fromWarsawInput(dueAt) ?? dueAt, reason } }));
            setOpen(false);
            onExtended();
          }}
        />
      ) : (
        <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>
          {t('corrections.extend.button')}
          <span className="visually-hidden"> {assignment.name}</span>
        </button>
      )}
    </>
  );
}
