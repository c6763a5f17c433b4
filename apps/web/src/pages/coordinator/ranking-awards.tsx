// Awards from the ranking (stage deliberation): the coordinator selects practices in the ranking,
// names a unit of the city where the distinction goes to one, picks a category (or each practice's
// own), and records one award per practice in one request (POST /api/editions/:id/awards/bulk),
// each with its result.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CategoryView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { SelectField } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { translatedName } from '../../i18n/names';
import { BulkResults, SelectBox, type BulkRow } from './bulk-results';

type AwardsResult = Awaited<ReturnType<typeof createAwards>>;
type AwardItem = { cityId: string; categoryIds: string[]; practiceIds: string[]; recipientUnit?: string };

const createAwards = (editionId: string, items: AwardItem[]) => unwrap(client.POST('/api/editions/{id}/awards/bulk', { params: { path: { id: editionId } }, body: { items } }));

async function loadRanking(editionId: string, signal: AbortSignal) {
  const [results, practices] = await Promise.all([
    unwrap(client.GET('/api/editions/{id}/results', { params: { path: { id: editionId }, query: { method: 'mean' } }, signal })),
    unwrap(client.GET('/api/editions/{id}/practices', { params: { path: { id: editionId }, query: { status: 'eligible', limit: 200 } }, signal })),
  ]);
  const categoriesOf = new Map(practices.items.map((practice) => [practice.id, practice.categories.map((category) => category.id)]));
  return results.items.map((row) => ({ ...row, categoryIds: categoriesOf.get(row.practiceId) ?? [] }));
}

export function RankingAwards({ editionId, categories }: { editionId: string; categories: CategoryView[] }) {
  const { t, i18n } = useTranslation();
  const ranking = useApiQuery((signal) => loadRanking(editionId, signal), [editionId]);
  const action = useAction();
  const [selected, setSelected] = useState<string[]>([]);
  const [units, setUnits] = useState<Record<string, string>>({});
  const [categoryId, setCategoryId] = useState('');
  const [result, setResult] = useState<AwardsResult | null>(null);
  return (
    <section className="section" aria-labelledby="ranking-awards-title">
      <h2 id="ranking-awards-title">{t('bulk.awards.title')}</h2>
      <p>{t('bulk.awards.lead')}</p>
      <Loaded query={ranking} what={t('results.what')}>
        {(rows) => {
          const titleOf = new Map(rows.map((row) => [row.practiceId, `${row.title} (${row.cityName})`]));
          const resultRows: BulkRow[] = (result?.items ?? []).map((item) => ({
            key: String(item.index),
            label: item.practiceIds.map((id) => titleOf.get(id) ?? id).join('; '),
            outcome: item.outcome,
            refusal: item.refusal,
          }));
          const items = rows
            .filter((row) => selected.includes(row.practiceId))
            .map((row) => ({
              cityId: row.cityId,
              practiceIds: [row.practiceId],
              categoryIds: categoryId ? [categoryId] : row.categoryIds,
              ...(units[row.practiceId]?.trim() ? { recipientUnit: units[row.practiceId].trim() } : {}),
            }));
          return rows.length === 0 ? (
            <p>{t('results.none')}</p>
          ) : (
            <>
              <ol className="plain-list ranking-select">
                {rows.map((row) => (
                  <li key={row.practiceId} className="ranking-select__row">
                    <SelectBox
                      checked={selected.includes(row.practiceId)}
                      onChange={(on) => setSelected((current) => (on ? [...current, row.practiceId] : current.filter((id) => id !== row.practiceId)))}
                      label={t('bulk.awards.select', { rank: row.rank, title: row.title, city: row.cityName })}
                    />
                    {selected.includes(row.practiceId) && (
                      <div className="field">
                        <label className="field__label" htmlFor={`unit-${row.practiceId}`}>
                          {t('bulk.awards.unit', { title: row.title })}
                          <span className="field__optional"> {t('form.optional')}</span>
                        </label>
                        <input
                          id={`unit-${row.practiceId}`}
                          className="input"
                          value={units[row.practiceId] ?? ''}
                          maxLength={300}
                          onChange={(event) => setUnits((current) => ({ ...current, [row.practiceId]: event.target.value }))}
                        />
                      </div>
                    )}
                  </li>
                ))}
              </ol>
              <SelectField
                name="ranking-award-category"
                label={t('bulk.awards.category')}
                value={categoryId}
                onChange={setCategoryId}
                options={[{ value: '', label: t('bulk.awards.ownCategories') }, ...categories.map((category) => ({ value: category.id, label: translatedName(category, i18n.language) }))]}
              />
              <p role="status">{t('bulk.selected', { count: items.length })}</p>
              <button
                type="button"
                className="button"
                disabled={items.length === 0 || action.busy}
                onClick={() =>
                  void action.run(async () => {
                    setResult(await createAwards(editionId, items));
                    setSelected([]);
                    setUnits({});
                  })
                }
              >
                {t('bulk.awards.create', { count: items.length })}
              </button>
              <ActionError error={action.error} />
              {result && <BulkResults id="ranking-awards-results" caption={t('bulk.awards.resultsCaption')} itemHeader={t('bulk.practice')} rows={resultRows} />}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
