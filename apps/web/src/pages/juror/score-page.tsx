// One practice on the juror's ballot: its text (title, description, units, categories, links) in the
// interface language where translated ("translated from Polish · show original"), its
// report's summary and evidence files (downloaded with the juror's token), and the scoring form
// (score-form.tsx): the four criteria as the ballot names and explains them in the juror's
// language. A conflict of interest can be declared here; it is final.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { client } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { BallotView, PracticeView } from '../../api/types';
import { VersionNote, shownVersion, useOriginalSwitch } from '../../components/content-version';
import { Alert } from '../../components/alert';
import { useNow } from '../../components/countdown';
import { ErrorSummary, Form, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { toDate, useFormat } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';
import { translatedName } from '../../i18n/names';
import { BallotProgress, loadBallot } from './ballot-page';
import { ReportEvidence } from './report-evidence';
import { ReadOnlyScore, ScoreForm } from './score-form';

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
  // The juror's own deadline: the edition's, or a coordinator's later extension.
  const due = toDate(ballot.myScoringDueAt ?? ballot.scoringDueAt);
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
