// The jury's work for the coordinator: progress per juror (n of m), the ranking with a method switch
// and its chart, each juror's score distribution (from the scores export), the agreement between
// jurors (Krippendorff's alpha) read in plain words, declared conflicts, and the CSV export.
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { parseCsv } from '../../api/file-checks';
import { downloadFile, fetchText } from '../../api/files';
import type { Agreement, DeclaredConflict, JurorProgress } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { DistributionChart, type Distribution } from '../../components/charts';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { CRITERIA, criterionLabel } from '../../i18n/labels';
import { ResultsPanel } from '../shared/results-view';
import { useEdition } from './edition-layout';
import { RankingAwards } from './ranking-awards';
import { cardTable } from '../../components/card-table';

const EXPORT_LANGUAGES = ['pl', 'en', 'uk'] as const;

export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const language = EXPORT_LANGUAGES.find((lang) => i18n.language.startsWith(lang)) ?? 'pl';
  const { edition, categories } = useEdition();
  const download = useAction();
  return (
    <>
      <JuryProgressSection editionId={edition.id} />
      <ResultsPanel
        editionId={edition.id}
        scaleMax={edition.scoring.scaleMax}
        categories={categories}
        actions={({ method, categoryId }) => (
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={download.busy}
              onClick={() =>
                void download.run(() =>
                  downloadFile(`/api/editions/${edition.id}/results.xlsx?${new URLSearchParams({ method, lang: language, ...(categoryId ? { categoryId } : {}) })}`, `results-${edition.year}.xlsx`),
                )
              }
            >
              {t('jury.exportXlsx')}
            </button>
          </p>
        )}
      />
      {edition.stage === 'deliberation' && <RankingAwards editionId={edition.id} categories={categories} />}
      <AgreementSection editionId={edition.id} />
      <DistributionsSection editionId={edition.id} scaleMax={edition.scoring.scaleMax} />
      <ConflictsSection editionId={edition.id} />
      <section className="section" aria-labelledby="export-title">
        <h2 id="export-title">{t('jury.exportTitle')}</h2>
        <p>{t('jury.exportLead')}</p>
        <button
          type="button"
          className="button button--secondary"
          disabled={download.busy}
          onClick={() => void download.run(() => downloadFile(`/api/editions/${edition.id}/results.csv?lang=${language}`, `scores-${edition.year}.csv`))}
        >
          {t('jury.exportSpreadsheet')}
        </button>{' '}
        <button
          type="button"
          className="button button--secondary"
          disabled={download.busy}
          onClick={() => void download.run(() => downloadFile(`/api/editions/${edition.id}/scores.csv`, `scores-${edition.year}-data.csv`))}
        >
          {t('jury.export')}
        </button>
        <ActionError error={download.error} />
      </section>
    </>
  );
}

function JuryProgressSection({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progress = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/jury-progress', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <section className="section" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('jury.progressTitle')}</h2>
      <Loaded query={progress} what={t('jury.progressWhat')}>
        {(jurors: JurorProgress[]) =>
          jurors.length === 0 ? (
            <p>{t('jury.noJurors')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="progress-title" tabIndex={0}>
              <table ref={cardTable} className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('jury.juror')}</th>
                    <th scope="col">{t('setup.city')}</th>
                    <th scope="col">{t('jury.scored')}</th>
                    <th scope="col" className="num">
                      {t('jury.conflicts')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {jurors.map((juror) => (
                    <tr key={juror.jurorId}>
                      <th scope="row">{juror.name}</th>
                      <td>{juror.cityName ?? t('setup.noCity')}</td>
                      <td>
                        <div className="meter">
                          <progress max={Math.max(1, juror.total)} value={juror.scored} aria-label={t('jury.progressOf', { name: juror.name })}>
                            {t('ballot.progress', { scored: juror.scored, total: juror.total })}
                          </progress>
                          <span>{t('ballot.progress', { scored: format.number(juror.scored), total: format.number(juror.total) })}</span>
                        </div>
                      </td>
                      <td className="num">{juror.conflicts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

/** Krippendorff's guidance: ≥ 0.800 reliable, ≥ 0.667 tentative, below that not to be relied on. */
export function alphaReading(alpha: number | null): 'none' | 'high' | 'tentative' | 'low' | 'disagreement' {
  if (alpha === null) return 'none';
  if (alpha >= 0.8) return 'high';
  if (alpha >= 0.667) return 'tentative';
  if (alpha >= 0) return 'low';
  return 'disagreement';
}

function AgreementSection({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agreement = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/agreement', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <section className="section" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t('agreement.title')}</h2>
      <Loaded query={agreement} what={t('agreement.what')}>
        {(data: Agreement) => {
          const reading = alphaReading(data.overall.alpha);
          return (
            <>
              <div className={`figure-box figure-box--${reading}`}>
                <p className="figure-box__number">
                  <span className="figure-box__symbol" aria-hidden="true">
                    α
                  </span>{' '}
                  {data.overall.alpha === null ? '–' : format.decimal(data.overall.alpha, 2)}
                </p>
                <div>
                  <p className="figure-box__title">{t(`agreement.reading.${reading}.title`)}</p>
                  <p>{t(`agreement.reading.${reading}.body`, { jurors: data.jurors, practices: data.practices })}</p>
                </div>
              </div>
              <p className="meta">{t('agreement.scale')}</p>
              <div className="table-wrap" role="region" aria-labelledby="agreement-caption" tabIndex={0}>
                <table ref={cardTable} className="table table--cards table--compact">
                  <caption id="agreement-caption">{t('agreement.perCriterion')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('agreement.criterion')}</th>
                      <th scope="col" className="num">
                        {t('agreement.alpha')}
                      </th>
                      <th scope="col">{t('agreement.reads')}</th>
                      <th scope="col" className="num">
                        {t('agreement.pairable')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">{t('agreement.overall')}</th>
                      <td className="num">{data.overall.alpha === null ? '–' : format.decimal(data.overall.alpha, 2)}</td>
                      <td>{t(`agreement.reading.${alphaReading(data.overall.alpha)}.title`)}</td>
                      <td className="num">{data.overall.pairable}</td>
                    </tr>
                    {CRITERIA.map((criterion) => {
                      const result = data.perCriterion[criterion];
                      return (
                        <tr key={criterion}>
                          <th scope="row">{criterionLabel(t, criterion)}</th>
                          <td className="num">{result?.alpha === null || !result ? '–' : format.decimal(result.alpha, 2)}</td>
                          <td>{t(`agreement.reading.${alphaReading(result?.alpha ?? null)}.title`)}</td>
                          <td className="num">{result?.pairable ?? 0}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/** Per juror, how often each value 1..scaleMax was given over all criteria (counted scores only). */
export function distributionsFromCsv(csv: string, scaleMax: number): Distribution[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return [];
  const col = (name: string) => header.indexOf(name);
  const [jurorId, jurorName, value, counted] = [col('juror_id'), col('juror_name'), col('value'), col('counted')];
  const byJuror = new Map<string, Distribution>();
  for (const row of rows) {
    if (row.length < header.length || row[counted] !== 'true') continue;
    const score = Number(row[value]);
    if (!Number.isInteger(score) || score < 1 || score > scaleMax) continue;
    const entry = byJuror.get(row[jurorId]) ?? { key: row[jurorId], label: row[jurorName].replace(/^'/, ''), counts: Array.from({ length: scaleMax }, () => 0) };
    entry.counts[score - 1] += 1;
    byJuror.set(row[jurorId], entry);
  }
  return [...byJuror.values()].sort((a, b) => a.label.localeCompare(b.label));
}

function DistributionsSection({ editionId, scaleMax }: { editionId: string; scaleMax: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useApiQuery(async (signal) => distributionsFromCsv(await fetchText(`/api/editions/${editionId}/scores.csv`, signal), scaleMax), [editionId, scaleMax]);
  const scale = Array.from({ length: scaleMax }, (_, i) => i + 1);
  const mean = (counts: number[]) => {
    const total = counts.reduce((a, b) => a + b, 0);
    return total === 0 ? null : counts.reduce((sum, count, i) => sum + count * (i + 1), 0) / total;
  };
  return (
    <section className="section" aria-labelledby="distributions-title">
      <h2 id="distributions-title">{t('distributions.title')}</h2>
      <p>{t('distributions.lead')}</p>
      <Loaded query={data} what={t('distributions.what')}>
        {(distributions) =>
          distributions.length === 0 ? (
            <p>{t('distributions.none')}</p>
          ) : (
            <>
              <DistributionChart
                data={distributions}
                scaleMax={scaleMax}
                caption={t('distributions.caption', { max: scaleMax })}
                axisLabel={t('distributions.axis', { max: scaleMax })}
                label={(d) =>
                  t('distributions.chartLabel', {
                    name: d.label,
                    counts: d.counts.map((count, i) => t('distributions.countOf', { value: i + 1, count })).join(', '),
                  })
                }
              />
              <div className="table-wrap" role="region" aria-labelledby="distributions-caption" tabIndex={0}>
                <table ref={cardTable} className="table table--cards table--numbers table--compact">
                  <caption id="distributions-caption">{t('distributions.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('jury.juror')}</th>
                      {scale.map((value) => (
                        <th key={value} scope="col" className="num">
                          {t('distributions.valueHeader', { value })}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        {t('distributions.mean')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {distributions.map((d) => {
                      const m = mean(d.counts);
                      return (
                        <tr key={d.key}>
                          <th scope="row">{d.label}</th>
                          {d.counts.map((count, i) => (
                            <td key={i} className="num">
                              {count}
                            </td>
                          ))}
                          <td className="num">{m === null ? '–' : format.decimal(m, 2)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function ConflictsSection({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const conflicts = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/conflicts', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <section className="section" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('jury.conflictsTitle')}</h2>
      <Loaded query={conflicts} what={t('jury.conflictsTitle')}>
        {(items: DeclaredConflict[]) =>
          items.length === 0 ? (
            <p>{t('jury.noConflicts')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((conflict) => (
                <li key={`${conflict.jurorId}-${conflict.practiceId}`} className="card">
                  <p className="card__title">{t('jury.conflictLine', { juror: conflict.jurorName, practice: conflict.practiceTitle, city: conflict.cityName })}</p>
                  <p className="meta">{format.dateTime(conflict.declaredAt)}</p>
                  <p>{conflict.reason}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
