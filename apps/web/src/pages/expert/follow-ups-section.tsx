// Follow-ups: how the previous edition's distinctions in this city were carried out. One card per
// distinction (GET /api/reports/:id/previous-distinctions); its assessment once given, else a form
// (POST /api/reports/:id/follow-ups) while the report is a draft. A distinction that covered several
// practices gets a status per practice; the API then derives the whole distinction's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { FollowUpStatus, FollowUpView, PreviousDistinction } from '../../api/types';
import { Alert } from '../../components/alert';
import { checks, ErrorSummary, Form, RadioGroup, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { Badge } from '../../components/badge';
import { FOLLOW_UP_STATUSES, followUpStatusLabel } from '../../i18n/labels';

interface FollowUpsSectionProps {
  reportId: string;
  distinctions: PreviousDistinction[];
  followUps: FollowUpView[];
  editable: boolean;
  onChange: () => void;
}

export function FollowUpsSection({ reportId, distinctions, followUps, editable, onChange }: FollowUpsSectionProps) {
  const { t } = useTranslation();
  const done = distinctions.filter((d) => followUps.some((f) => f.awardId === d.id)).length;
  return (
    <section className="section" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('followUps.title')}</h2>
      {distinctions.length === 0 ? (
        <p>{t('followUps.none')}</p>
      ) : (
        <>
          <p>{t('followUps.lead', { year: distinctions[0].editionYear })}</p>
          <p className="meta">{t('followUps.progress', { done, total: distinctions.length })}</p>
          <ul className="plain-list">
            {distinctions.map((distinction) => (
              <li key={distinction.id}>
                <FollowUpCard
                  reportId={reportId}
                  distinction={distinction}
                  followUp={followUps.find((f) => f.awardId === distinction.id)}
                  editable={editable}
                  onChange={onChange}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FollowUpCard({
  reportId,
  distinction,
  followUp,
  editable,
  onChange,
}: {
  reportId: string;
  distinction: PreviousDistinction;
  followUp: FollowUpView | undefined;
  editable: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Kept here, not in the form: the reload after saving replaces the form with the assessment.
  const [justSaved, setJustSaved] = useState(false);
  const headingId = `distinction-${distinction.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 className="card__title" id={headingId}>
        {distinction.recipientUnit ?? t('followUps.cityGovernment')}
        {followUp ? (
          <Badge tone="good">{t('followUps.assessed')}</Badge>
        ) : editable ? (
          <Badge>{t('followUps.toAssess')}</Badge>
        ) : (
          <Badge>{t('followUps.notAssessed')}</Badge>
        )}
      </h3>
      <p className="meta">{t('followUps.distinguishedIn', { year: distinction.editionYear })}</p>
      {distinction.categories.length > 0 && (
        <ul className="tags" aria-label={t('followUps.categories')}>
          {distinction.categories.map((category) => (
            <li key={category} className="tag">
              {category}
            </li>
          ))}
        </ul>
      )}
      {distinction.citation && <blockquote className="citation">{distinction.citation}</blockquote>}
      {followUp && justSaved && (
        <Alert kind="success" live>
          <p>{t('followUps.saved')}</p>
        </Alert>
      )}
      {followUp ? (
        <div className="follow-up">
          {followUp.practices && followUp.practices.length > 0 ? (
            <ul className="plain-list" aria-label={t('followUps.perPractice')}>
              {followUp.practices.map((practice) => (
                <li key={practice.practiceId}>
                  <span className="label">{practice.title}:</span> {followUpStatusLabel(t, practice.status)}
                </li>
              ))}
            </ul>
          ) : (
            <p>
              <span className="label">{t('followUps.fields.status')}:</span> {followUpStatusLabel(t, followUp.status)}
            </p>
          )}
          <p className="pre-line">{followUp.assessment}</p>
        </div>
      ) : editable ? (
        open ? (
          <FollowUpForm
            reportId={reportId}
            awardId={distinction.id}
            practices={distinction.practices ?? []}
            onSaved={() => {
              setJustSaved(true);
              onChange();
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <button type="button" className="button button--small button--secondary" aria-expanded={false} onClick={() => setOpen(true)}>
            {t('followUps.assess')}
            <span className="visually-hidden"> {distinction.recipientUnit ?? t('followUps.cityGovernment')}</span>
          </button>
        )
      ) : (
        <p className="meta">{t('followUps.notGiven')}</p>
      )}
    </article>
  );
}

function FollowUpForm({
  reportId,
  awardId,
  practices,
  onSaved,
  onCancel,
}: {
  reportId: string;
  awardId: string;
  practices: { id: string; title: string }[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm();
  // One practice (or none known): one status for the distinction; several: one per practice.
  const perPractice = practices.length > 1;
  const [status, setStatus] = useState<FollowUpStatus | ''>('');
  const [statuses, setStatuses] = useState<Record<string, FollowUpStatus>>({});
  const [assessment, setAssessment] = useState('');
  const prefix = `follow-up-${awardId}`;
  const labels: Record<string, string> = { status: t('followUps.fields.status'), assessment: t('followUps.fields.assessment'), awardId: t('followUps.fields.award'), practices: t('followUps.perPractice') };
  for (const practice of practices) labels[`practice-${practice.id}`] = t('followUps.practiceStatus', { title: practice.title });
  const options = FOLLOW_UP_STATUSES.map((value) => ({ value, label: followUpStatusLabel(t, value), hint: t(`followUps.statusHints.${value}`) }));
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (perPractice) {
      for (const practice of practices) if (!statuses[practice.id]) problems[`practice-${practice.id}`] = [t('followUps.validation.status')];
    } else if (!status) problems.status = [t('followUps.validation.status')];
    if (!checks.required(assessment)) problems.assessment = [t('validation.required')];
    return problems;
  };
  return (
    <>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix={prefix} />
      <Form
        idPrefix={prefix}
        onSubmit={() =>
          void form.submit(check, async () => {
            const body = perPractice
              ? { awardId, assessment: assessment.trim(), practices: practices.map((practice) => ({ practiceId: practice.id, status: statuses[practice.id] })) }
              : { awardId, status: status as FollowUpStatus, assessment: assessment.trim() };
            await unwrap(client.POST('/api/reports/{id}/follow-ups', { params: { path: { id: reportId } }, body }));
            onSaved();
          })
        }
      >
        {perPractice ? (
          practices.map((practice) => (
            <RadioGroup
              key={practice.id}
              name={`practice-${practice.id}`}
              legend={labels[`practice-${practice.id}`]}
              options={options}
              value={statuses[practice.id] ?? ''}
              onChange={(value) => setStatuses((current) => ({ ...current, [practice.id]: value as FollowUpStatus }))}
              errors={form.errors.fields}
            />
          ))
        ) : (
          <RadioGroup name="status" legend={labels.status} options={options} value={status} onChange={(value) => setStatus(value as FollowUpStatus)} errors={form.errors.fields} />
        )}
        <TextAreaField name="assessment" label={labels.assessment} hint={t('followUps.hints.assessment')} value={assessment} onChange={setAssessment} errors={form.errors.fields} rows={4} />
        <div className="actions">
          <SubmitButton busy={form.busy}>{t('followUps.save')}</SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </>
  );
}
