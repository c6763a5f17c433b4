// The juror's ballot (GET /api/editions/:id/ballot): progress n of m, the scoring deadline, the four
// criteria as the ballot gives them in the juror's language, and the practices to score, without the
// juror's own city's and those with a declared conflict.
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { BallotView } from '../../api/types';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Deadline } from '../../components/countdown';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { BallotCategories } from './ballot-categories';
import { toLanguage } from '../../i18n/languages';
import { isAtOrAfter } from '../../i18n/labels';
import { translatedName } from '../../i18n/names';

/** The criteria come in the interface's language (`lang`), which may differ from the account's. */
export function loadBallot(editionId: string, language: string, signal: AbortSignal): Promise<BallotView> {
  return unwrap(client.GET('/api/editions/{id}/ballot', { params: { path: { id: editionId }, query: { lang: toLanguage(language) ?? undefined } }, signal }));
}

export function BallotProgress({ ballot }: { ballot: BallotView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { scored, total } = ballot.progress;
  return (
    <div className="progress">
      <label htmlFor="ballot-progress" className="progress__label">
        {t('ballot.progress', { scored: format.number(scored), total: format.number(total) })}
      </label>
      <progress id="ballot-progress" max={Math.max(total, 1)} value={scored}>
        {t('ballot.progress', { scored: format.number(scored), total: format.number(total) })}
      </progress>
    </div>
  );
}

export function CriteriaList({ ballot }: { ballot: BallotView }) {
  const { t } = useTranslation();
  return (
    <details className="disclosure">
      <summary>{t('ballot.criteriaTitle', { max: ballot.scaleMax })}</summary>
      <dl className="criteria-list">
        {ballot.criteria.map((criterion) => (
          <div key={criterion.key}>
            <dt>{criterion.name}</dt>
            <dd>{criterion.question}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * An empty ballot says why: every practice of a city the juror is tied to (conflict of interest),
 * declared conflicts, the coordinator's assignment, or simply nothing eligible yet.
 */
function EmptyBallot({ ballot }: { ballot: BallotView }) {
  const { t } = useTranslation();
  const tied = ballot.cityTiedPractices;
  const recused = ballot.recusedPracticeIds.length;
  const reasons =
    tied > 0 && recused === 0
      ? [t('ballot.cityTiedAll', { count: tied })]
      : [
          ...(tied > 0 ? [t('ballot.cityTied', { count: tied })] : []),
          ...(recused > 0 ? [t('ballot.recused', { count: recused })] : []),
          ...(ballot.byAssignment ? [t('ballot.byAssignment')] : []),
        ];
  return (
    <div data-testid="empty-ballot">
      <Alert kind="info" title={t('ballot.emptyTitle')}>
        {(reasons.length > 0 ? reasons : [t('juror.nothingToScore')]).map((reason) => (
          <p key={reason}>{reason}</p>
        ))}
      </Alert>
    </div>
  );
}

export function BallotPage() {
  const { t, i18n } = useTranslation();
  const { editionId = '' } = useParams();
  const location = useLocation();
  const recusedTitle = (location.state as { recused?: string } | null)?.recused;
  const ballot = useApiQuery((signal) => loadBallot(editionId, i18n.language, signal), [editionId, i18n.language]);
  return (
    <Page
      title={t('ballot.title')}
      lead={t('ballot.lead')}
      wide
      before={
        <p className="back-link">
          <Link to="/juror">{t('juror.title')}</Link>
        </p>
      }
    >
      {recusedTitle && (
        <Alert kind="success" live>
          <p>{t('ballot.recusedDone', { title: recusedTitle })}</p>
        </Alert>
      )}
      <Loaded query={ballot} what={t('ballot.what')}>
        {(data) => (
          <>
            <section className="panel" aria-labelledby="ballot-state">
              <h2 id="ballot-state" className="visually-hidden">
                {t('ballot.state')}
              </h2>
              <BallotProgress ballot={data} />
              {data.stage === 'juryScoring' ? <Deadline at={data.myScoringDueAt ?? data.scoringDueAt} kind="scoring" /> : <p>{t('ballot.closed')}</p>}
              {isAtOrAfter(data.stage, 'deliberation') && (
                <p>
                  <Link to={`/juror/editions/${editionId}/deliberation`}>{t('juror.deliberationLink')}</Link>
                </p>
              )}
            </section>
            <CriteriaList ballot={data} />
            <BallotCategories editionId={editionId} />
            <h2>{t('ballot.practices')}</h2>
            {data.items.length === 0 ? (
              <EmptyBallot ballot={data} />
            ) : (
              <ol className="ballot-list">
                {data.items.map(({ practice, myScore }) => (
                  <li key={practice.id} className="card ballot-list__item">
                    <h3 className="card__title">
                      <Link to={`/juror/editions/${editionId}/practices/${practice.id}`} lang={practice.language}>
                        {practice.title}
                      </Link>
                      {myScore ? <Badge tone="good">{t('juror.scored')}</Badge> : <Badge>{t('juror.notScored')}</Badge>}
                    </h3>
                    <p className="meta">
                      {practice.cityName} · {practice.categories.map((category) => translatedName(category, i18n.language)).join('; ')}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            {data.items.length > 0 && data.cityTiedPractices > 0 && <p className="meta">{t('ballot.cityTied', { count: data.cityTiedPractices })}</p>}
            {data.items.length > 0 && data.byAssignment && <p className="meta">{t('ballot.byAssignment')}</p>}
            {data.items.length > 0 && data.recusedPracticeIds.length > 0 && <p className="meta">{t('ballot.recused', { count: data.recusedPracticeIds.length })}</p>}
          </>
        )}
      </Loaded>
    </Page>
  );
}
