// The jury's ranking (GET /api/editions/:id/results) with a switch of method (mean, median, z-score,
// Borda) and of category: a bar chart and, as its accessible alternative, the table of the same
// numbers with each criterion's mean, the spread and the number of jurors counted.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CategoryView, ResultRow, ResultsView as Results } from '../../api/types';
import { Alert } from '../../components/alert';
import { BarChart } from '../../components/charts';
import { RadioGroup, SelectField } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { CRITERIA, criterionLabel, RESULT_METHODS, type ResultMethod } from '../../i18n/labels';
import { translatedName } from '../../i18n/names';
import { placeOf } from './ranking';
import { cardTable } from '../../components/card-table';

/** The value axis of each method: scores 1..scaleMax, z-scores around 0, Borda shares 0..1. */
function domainOf(method: ResultMethod, rows: ResultRow[], scaleMax: number): [number, number] {
  if (method === 'borda') return [0, 1];
  if (method === 'zscore') {
    const extent = Math.max(1, ...rows.map((row) => Math.abs(row.score ?? 0)));
    return [-extent, extent];
  }
  return [0, scaleMax];
}

interface ResultsViewProps {
  editionId: string;
  scaleMax: number;
  categories: CategoryView[];
  /** Practices to mark in the chart and table (e.g. covered by an award). */
  highlight?: ReadonlySet<string>;
  highlightLabel?: string;
  /** Extra actions on the current selection (the coordinator's workbook download). */
  actions?: (selection: { method: ResultMethod; categoryId: string }) => ReactNode;
}

export function ResultsPanel({ editionId, scaleMax, categories, highlight, highlightLabel, actions }: ResultsViewProps) {
  const { t, i18n } = useTranslation();
  const [method, setMethod] = useState<ResultMethod>('mean');
  const [categoryId, setCategoryId] = useState('');
  const results = useApiQuery(
    (signal) =>
      unwrap(client.GET('/api/editions/{id}/results', { params: { path: { id: editionId }, query: { method, ...(categoryId ? { categoryId } : {}) } }, signal })),
    [editionId, method, categoryId],
  );
  return (
    <section className="section" aria-labelledby="results-title">
      <h2 id="results-title">{t('results.title')}</h2>
      <div className="results-controls">
        <RadioGroup
          name="method"
          legend={t('results.method')}
          options={RESULT_METHODS.map((value) => ({ value, label: t(`results.methods.${value}.name`), hint: t(`results.methods.${value}.hint`) }))}
          value={method}
          onChange={(value) => setMethod(value as ResultMethod)}
        />
        <SelectField
          name="category"
          label={t('results.category')}
          value={categoryId}
          onChange={setCategoryId}
          options={[{ value: '', label: t('results.allCategories') }, ...categories.map((category) => ({ value: category.id, label: translatedName(category, i18n.language) }))]}
        />
      </div>
      {actions?.({ method, categoryId })}
      <Loaded query={results} what={t('results.what')}>
        {(data) => <ResultsBody data={data} scaleMax={scaleMax} highlight={highlight} highlightLabel={highlightLabel} />}
      </Loaded>
    </section>
  );
}

function ResultsBody({ data, scaleMax, highlight, highlightLabel }: { data: Results; scaleMax: number; highlight?: ReadonlySet<string>; highlightLabel?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const method = data.method as ResultMethod;
  const digits = method === 'mean' || method === 'median' ? 2 : 3;
  const flagged = new Map(data.coverage.flagged.map((f) => [f.practiceId, f.n]));
  if (data.items.length === 0) return <p>{t('results.none')}</p>;
  return (
    <>
      {flagged.size > 0 && (
        <Alert kind="warning">
          <p>{t('results.coverage', { count: flagged.size, min: data.coverage.minScores })}</p>
        </Alert>
      )}
      <BarChart
        data={data.items.map((row) => ({
          key: row.practiceId,
          prefix: placeOf(row) === null ? '' : `${placeOf(row)}. `,
          label: t('results.rowLabel', { title: row.title, city: row.cityName }),
          value: row.score,
        }))}
        domain={domainOf(method, data.items, scaleMax)}
        formatValue={(value) => format.decimal(value, digits)}
        emptyLabel={t('results.noScores')}
        highlight={highlight}
        label={t('results.chartLabel', { method: t(`results.methods.${method}.name`), count: data.items.length })}
        caption={t('results.chartCaption', { method: t(`results.methods.${method}.name`) })}
      />
      <div className="table-wrap" role="region" aria-labelledby="results-table-caption" tabIndex={0}>
        <table ref={cardTable} className="table table--cards table--numbers">
          <caption id="results-table-caption">{t('results.tableCaption', { method: t(`results.methods.${method}.name`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.rank')}</th>
              <th scope="col">{t('results.practice')}</th>
              <th scope="col" className="num">
                {t('results.score')}
              </th>
              <th scope="col" className="num">
                {t('results.n')}
              </th>
              {CRITERIA.map((criterion) => (
                <th key={criterion} scope="col" className="num">
                  {criterionLabel(t, criterion)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('results.stddev')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((row) => (
              <tr key={row.practiceId} className={highlight?.has(row.practiceId) ? 'row--highlight' : undefined}>
                <td>{placeOf(row) ?? '–'}</td>
                <th scope="row">
                  {row.title}
                  <span className="meta-inline">{row.cityName}</span>
                  {highlight?.has(row.practiceId) && highlightLabel && <span className="meta-inline">{highlightLabel}</span>}
                  {flagged.has(row.practiceId) && <span className="meta-inline">{t('results.fewScores', { count: row.n })}</span>}
                </th>
                <td className="num">{row.score === null ? '–' : format.decimal(row.score, digits)}</td>
                <td className="num">{row.n}</td>
                {CRITERIA.map((criterion) => {
                  const value = row.perCriterion[criterion];
                  return (
                    <td key={criterion} className="num">
                      {value === null || value === undefined ? '–' : format.decimal(value, 2)}
                    </td>
                  );
                })}
                <td className="num">{row.stddev === null ? '–' : format.decimal(row.stddev, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
