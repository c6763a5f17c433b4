// The juror's score of one practice: the form (the four criteria, 1..scaleMax each, and a comment,
// saved as you go once all four are chosen, then after each change), or the score as it was left
// once scoring has closed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { isAbort, unwrap } from '../../api/errors';
import type { BallotView, CriteriaScores } from '../../api/types';
import { describeError } from '../../components/error-text';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { useFormat } from '../../i18n/format';
import { CRITERIA, type Criterion } from '../../i18n/labels';

export function ReadOnlyScore({ ballot, score }: { ballot: BallotView; score: BallotView['items'][number]['myScore'] }) {
  const { t } = useTranslation();
  if (!score) return <p>{t('score.noScore')}</p>;
  return (
    <>
      <p>{t('ballot.closed')}</p>
      <dl className="facts">
        {ballot.criteria.map((criterion) => (
          <div key={criterion.key}>
            <dt>{criterion.name}</dt>
            <dd>{t('score.valueOf', { value: score.criteria[criterion.key as Criterion], max: ballot.scaleMax })}</dd>
          </div>
        ))}
        {score.comment && (
          <>
            <dt>{t('score.comment')}</dt>
            <dd className="pre-line">{score.comment}</dd>
          </>
        )}
      </dl>
    </>
  );
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

type Draft = Record<Criterion, string>;

export function ScoreForm({ ballot, practiceId, initial, onSaved }: { ballot: BallotView; practiceId: string; initial: BallotView['items'][number]['myScore']; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const form = useApiForm();
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(CRITERIA.map((key) => [key, initial ? String(initial.criteria[key]) : ''])) as Draft,
  );
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [save, setSave] = useState<SaveState>(initial ? { kind: 'saved', at: initial.updatedAt } : { kind: 'idle' });
  const [dirty, setDirty] = useState(0);
  const complete = CRITERIA.every((key) => draft[key] !== '');
  const put = async (scores: Draft, text: string, signal?: AbortSignal) => {
    const criteria = Object.fromEntries(CRITERIA.map((key) => [key, Number(scores[key])])) as CriteriaScores;
    const saved = await unwrap(
      client.PUT('/api/practices/{id}/scores/mine', { params: { path: { id: practiceId } }, body: { criteria, comment: text.trim() || undefined }, signal }),
    );
    setSave({ kind: 'saved', at: saved.updatedAt });
    onSaved();
  };

  // Save as you go: shortly after each change, once all four criteria have a score.
  useEffect(() => {
    if (dirty === 0 || !complete) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setSave({ kind: 'saving' });
      put(draft, comment, controller.signal).catch((error: unknown) => {
        if (!isAbort(error)) setSave({ kind: 'failed', message: describeError(t, error, (key) => i18n.exists(key)) });
      });
    }, 700);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dirty]);

  const labels = Object.fromEntries([
    ...ballot.criteria.map((criterion) => [`criteria.${criterion.key}`, criterion.name]),
    ['comment', t('score.comment')],
  ]) as Record<string, string>;

  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    for (const key of CRITERIA) if (!draft[key]) problems[`criteria.${key}`] = [t('score.validation.choose')];
    return problems;
  };

  const scale = Array.from({ length: ballot.scaleMax }, (_, i) => String(i + 1));
  // The ends' words under the row (so five boxes fit one row at 360 px); a screen reader hears them with the number.
  const scaleLabel = (value: string) => {
    const end = value === '1' ? t('score.scaleLow', { value }) : value === scale[scale.length - 1] ? t('score.scaleHigh', { value }) : null;
    if (!end) return value;
    return (
      <>
        <span aria-hidden="true">{value}</span>
        <span className="visually-hidden">{end}</span>
      </>
    );
  };
  return (
    <>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="score" />
      <Form idPrefix="score" onSubmit={() => void form.submit(check, () => put(draft, comment))}>
        {ballot.criteria.map((criterion) => (
          <RadioGroup
            key={criterion.key}
            name={`criteria.${criterion.key}`}
            legend={criterion.name}
            hint={criterion.question}
            inline
            options={scale.map((value) => ({ value, label: scaleLabel(value) }))}
            ends={[t('score.scaleLow', { value: '1' }), t('score.scaleHigh', { value: String(ballot.scaleMax) })]}
            value={draft[criterion.key as Criterion]}
            onChange={(value) => {
              setDraft((current) => ({ ...current, [criterion.key]: value }));
              setDirty((n) => n + 1);
            }}
            errors={form.errors.fields}
          />
        ))}
        <TextAreaField
          name="comment"
          label={t('score.comment')}
          hint={t('score.commentHint')}
          value={comment}
          onChange={(value) => {
            setComment(value);
            setDirty((n) => n + 1);
          }}
          errors={form.errors.fields}
          rows={4}
          markOptional
          maxLength={5000}
        />
        <p className="save-state" role="status">
          {!complete
            ? t('score.chooseAll')
            : save.kind === 'saving'
              ? t('score.saving')
              : save.kind === 'saved'
                ? t('score.savedAt', { when: format.dateTime(save.at) })
                : save.kind === 'failed'
                  ? t('score.saveFailed', { reason: save.message })
                  : t('score.notSaved')}
        </p>
        <SubmitButton busy={form.busy} secondary>
          {t('score.save')}
        </SubmitButton>
      </Form>
    </>
  );
}
