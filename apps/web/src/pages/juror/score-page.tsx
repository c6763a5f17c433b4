// One practice on the juror's ballot: its text (title, description, units, categories, links) in the
// interface language where translated ("translated from Polish · show original"), its report's summary
// and evidence files (report-evidence.tsx), and the scoring form: the four criteria as the ballot names and explains them in the juror's language,
// 1..scaleMax each, and a comment. Scores are saved as you go (as soon as all four are chosen, then
// after each change). A conflict of interest can be declared here; it is final.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { client } from '../../api/client';
import { ApiError, isAbort, unwrap } from '../../api/errors';
import type { BallotView, CriteriaScores, PracticeView } from '../../api/types';
import { Alert } from '../../components/alert';
import { useNow } from '../../components/countdown';
import { describeError } from '../../components/error-text';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { VersionNote, shownVersion, useOriginalSwitch } from '../../components/content-version';
import { toDate, useFormat } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';
import { translatedName } from '../../i18n/names';
import { CRITERIA, type Criterion } from '../../i18n/labels';
import { BallotProgress, loadBallot } from './ballot-page';
import { ReportEvidence } from './report-evidence';

type ScoreData = { ballot: BallotView; practice: PracticeView | null; refusal: ApiError | null };

async function load(editionId: string, practiceId: string, language: string, signal: AbortSignal): Promise<ScoreData> {
  const [ballot, practice] = await Promise.all([
    loadBallot(editionId, language, signal),
    unwrap(client.GET('/api/practices/{id}', { params: { path: { id: practiceId }, query: { lang: toLanguage(language) ?? undefined } }, signal })).then(
      (found) => ({ found, refusal: null }),
      (error: unknown) => {
        // 403: the juror's own city, or a declared conflict. Shown as such, not as a failure.
        if (error instanceof ApiError && error.status === 403) return { found: null, refusal: error };
        throw error;
      },
    ),
  ]);
  return { ballot, practice: practice.found, refusal: practice.refusal };
}

export function ScorePage() {
  const { t, i18n } = useTranslation();
  const { editionId = '', practiceId = '' } = useParams();
  const data = useApiQuery((signal) => load(editionId, practiceId, i18n.language, signal), [editionId, practiceId, i18n.language]);
  const [showOriginal, toggleOriginal] = useOriginalSwitch(practiceId);
  const title = data.status === 'success' && data.data.practice ? shownVersion(data.data.practice, showOriginal).title : t('score.title');
  return (
    <Page
      title={title}
      wide
      before={
        <p className="back-link">
          <Link to={`/juror/editions/${editionId}`}>{t('ballot.title')}</Link>
        </p>
      }
    >
      <Loaded query={data} what={t('score.what')}>
        {({ ballot, practice, refusal }) =>
          refusal || !practice ? (
            <Alert kind="warning" title={t('score.refusedTitle')}>
              <p>{refusal?.code === 'conflict_of_interest' || refusal?.status === 403 ? t('score.refused') : t('errors.notFound')}</p>
              <p>
                <Link to={`/juror/editions/${editionId}`}>{t('score.backToBallot')}</Link>
              </p>
            </Alert>
          ) : (
            <ScoreScreen key={practice.id} ballot={ballot} practice={practice} editionId={editionId} onSaved={data.reload} showOriginal={showOriginal} onToggleOriginal={toggleOriginal} />
          )
        }
      </Loaded>
    </Page>
  );
}

interface ScoreScreenProps {
  ballot: BallotView;
  practice: PracticeView;
  editionId: string;
  onSaved: () => void;
  showOriginal: boolean;
  onToggleOriginal: () => void;
}

function ScoreScreen({ ballot, practice, editionId, onSaved, showOriginal, onToggleOriginal }: ScoreScreenProps) {
  const { t, i18n } = useTranslation();
  const shown = shownVersion(practice, showOriginal);
  const format = useFormat();
  const index = ballot.items.findIndex((item) => item.practice.id === practice.id);
  const item = index >= 0 ? ballot.items[index] : null;
  const previous = index > 0 ? ballot.items[index - 1] : null;
  const next = index >= 0 && index < ballot.items.length - 1 ? ballot.items[index + 1] : null;
  const now = useNow();
  const due = toDate(ballot.scoringDueAt);
  const open = ballot.stage === 'juryScoring' && (!due || due.getTime() > now);
  const recused = ballot.recusedPracticeIds.includes(practice.id);
  return (
    <div className="score-layout">
      <article className="score-layout__practice" aria-labelledby="practice-text-title">
        <h2 id="practice-text-title">{t('score.practiceText')}</h2>
        <p className="meta">{t('score.cityLine', { city: practice.cityName })}</p>
        <VersionNote item={practice} showOriginal={showOriginal} onToggle={onToggleOriginal} />
        <p className="pre-line" lang={shown.language} data-testid="practice-description">
          {shown.description}
        </p>
        <dl className="facts">
          {practice.recipientUnits.length > 0 && (
            <>
              <dt>{t('practice.fields.recipientUnits')}</dt>
              <dd>{practice.recipientUnits.join('; ')}</dd>
            </>
          )}
          <dt>{t('practice.fields.categories')}</dt>
          <dd>{practice.categories.map((category) => translatedName(category, i18n.language)).join('; ')}</dd>
          {practice.startedOn && (
            <>
              <dt>{t('practice.fields.startedOn')}</dt>
              <dd>{format.date(practice.startedOn)}</dd>
            </>
          )}
          {practice.links.length > 0 && (
            <>
              <dt>{t('practice.fields.links')}</dt>
              <dd>
                <ul className="plain-list plain-list--tight">
                  {practice.links.map((link) => (
                    <li key={link} className="break">
                      <a href={link} rel="noopener noreferrer" target="_blank">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
        <ReportEvidence practiceId={practice.id} />
      </article>

      <div className="score-layout__form">
        <BallotProgress ballot={ballot} />
        {recused ? (
          <Alert kind="info">
            <p>{t('score.recused')}</p>
          </Alert>
        ) : !item ? (
          <Alert kind="info">
            <p>{t('score.notOnBallot')}</p>
          </Alert>
        ) : (
          <>
            <section aria-labelledby="score-title">
              <h2 id="score-title">{t('score.formTitle')}</h2>
              {open ? (
                <ScoreForm ballot={ballot} practiceId={practice.id} initial={item.myScore} onSaved={onSaved} />
              ) : (
                <ReadOnlyScore ballot={ballot} score={item.myScore} />
              )}
            </section>
            {open && <ConflictSection practice={practice} editionId={editionId} />}
          </>
        )}
        <nav className="pager" aria-label={t('score.pager')}>
          {previous ? (
            <Link to={`/juror/editions/${editionId}/practices/${previous.practice.id}`} rel="prev">
              {t('score.previous', { title: previous.practice.title })}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link to={`/juror/editions/${editionId}/practices/${next.practice.id}`} rel="next">
              {t('score.next', { title: next.practice.title })}
            </Link>
          )}
        </nav>
      </div>
    </div>
  );
}

function ReadOnlyScore({ ballot, score }: { ballot: BallotView; score: BallotView['items'][number]['myScore'] }) {
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

function ScoreForm({ ballot, practiceId, initial, onSaved }: { ballot: BallotView; practiceId: string; initial: BallotView['items'][number]['myScore']; onSaved: () => void }) {
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
            options={scale.map((value) => ({
              value,
              label: value === '1' ? t('score.scaleLow', { value }) : value === scale[scale.length - 1] ? t('score.scaleHigh', { value }) : value,
            }))}
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

function ConflictSection({ practice, editionId }: { practice: PracticeView; editionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useApiForm();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const labels = { reason: t('conflict.reason') };
  return (
    <section className="section conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.lead')}</p>
      {!open ? (
        <button type="button" className="button button--secondary" aria-expanded={false} aria-controls="conflict-form" onClick={() => setOpen(true)}>
          {t('conflict.open')}
        </button>
      ) : (
        <div id="conflict-form">
          <Alert kind="warning">
            <p>{t('conflict.final')}</p>
          </Alert>
          <ErrorSummary errors={form.errors} labels={labels} idPrefix="conflict" />
          <Form
            idPrefix="conflict"
            onSubmit={() =>
              void form.submit(
                (): FieldErrors => ([...reason.trim()].length >= 3 ? {} : { reason: [t('conflict.validation')] }),
                async () => {
                  await unwrap(client.POST('/api/practices/{id}/conflicts', { params: { path: { id: practice.id } }, body: { reason: reason.trim() } }));
                  navigate(`/juror/editions/${editionId}`, { state: { recused: practice.title } });
                },
              )
            }
          >
            <TextAreaField name="reason" label={labels.reason} hint={t('conflict.reasonHint')} value={reason} onChange={setReason} errors={form.errors.fields} rows={3} />
            <div className="actions">
              <SubmitButton busy={form.busy}>{t('conflict.declare')}</SubmitButton>
              <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </Form>
        </div>
      )}
    </section>
  );
}
