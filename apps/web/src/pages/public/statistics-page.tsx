// The record across years (GET /api/public/statistics?cityId=): distinctions per city and year, per
// category, and what the follow-ups of a later edition said of them, each as an SVG bar chart with
// its numbers in a table (years as text, counts as numbers in the reader's locale). The city filter lives in the address (?city=<id>), so a view can be shared.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { FollowUpCount, PublicStatistics } from '../../api/types';
import { BarChart } from '../../components/charts';
import { SelectField } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { translatedName } from '../../i18n/names';
import { OpenDataLinks } from './open-data-links';
import { cardTable } from '../../components/card-table';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function useFollowUpLabel() {
  const { t } = useTranslation();
  return (status: FollowUpCount['status']) => t(`statistics.outcome.${status}`);
}

function Table({ id, caption, head, rows }: { id: string; caption: string; head: string[]; rows: (string | number)[][] }) {
  const format = useFormat();
  return (
    <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table ref={cardTable} className="table table--cards">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {head.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.join('|')}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={typeof cell === 'number' ? 'num' : undefined}>
                    {typeof cell === 'number' ? format.number(cell) : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Statistics({ stats }: { stats: PublicStatistics }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const outcome = useFollowUpLabel();
  const count = (value: number) => format.number(value);
  const max = (values: number[]) => Math.max(1, ...values);
  if (stats.byCityYear.length === 0) return <p role="status">{t('statistics.empty')}</p>;
  const followUpLabel = (row: FollowUpCount) =>
    row.followUpYear === null ? outcome(row.status) : t('statistics.followUpIn', { year: row.followUpYear, status: outcome(row.status) });
  return (
    <>
      <section className="section" aria-labelledby="by-city-title">
        <h2 id="by-city-title">{t('statistics.byCityTitle')}</h2>
        <BarChart
          data={stats.byCityYear.map((row) => ({ key: `${row.year}-${row.city.id}`, label: `${row.year} · ${row.city.name}`, value: row.distinctions }))}
          domain={[0, max(stats.byCityYear.map((row) => row.distinctions))]}
          formatValue={count}
          emptyLabel="0"
          label={t('statistics.chartLabel', { what: t('statistics.byCityTitle') })}
          caption={t('statistics.byCityCaption')}
        />
        <Table
          id="by-city"
          caption={t('statistics.byCityTitle')}
          head={[t('statistics.year'), t('statistics.city'), t('statistics.distinctions'), t('statistics.practices')]}
          rows={stats.byCityYear.map((row) => [String(row.year), row.city.name, row.distinctions, row.practices])}
        />
      </section>
      <section className="section" aria-labelledby="by-category-title">
        <h2 id="by-category-title">{t('statistics.byCategoryTitle')}</h2>
        <BarChart
          data={stats.byCategory.map((row) => ({ key: `${row.year}-${row.categoryId}`, label: `${row.year} · ${translatedName(row, i18n.language)}`, value: row.distinctions }))}
          domain={[0, max(stats.byCategory.map((row) => row.distinctions))]}
          formatValue={count}
          emptyLabel="0"
          label={t('statistics.chartLabel', { what: t('statistics.byCategoryTitle') })}
          caption={t('statistics.byCategoryCaption')}
        />
        <Table
          id="by-category"
          caption={t('statistics.byCategoryTitle')}
          head={[t('statistics.year'), t('statistics.category'), t('statistics.distinctions')]}
          rows={stats.byCategory.map((row) => [String(row.year), translatedName(row, i18n.language), row.distinctions])}
        />
      </section>
      <section className="section" aria-labelledby="follow-ups-title">
        <h2 id="follow-ups-title">{t('statistics.followUpsTitle')}</h2>
        <p>{t('statistics.followUpsLead')}</p>
        <BarChart
          data={stats.followUps.map((row) => ({
            key: `${row.distinctionYear}-${row.city.id}-${row.status}`,
            label: `${row.distinctionYear} · ${row.city.name} · ${followUpLabel(row)}`,
            value: row.distinctions,
          }))}
          domain={[0, max(stats.followUps.map((row) => row.distinctions))]}
          formatValue={count}
          emptyLabel="0"
          label={t('statistics.chartLabel', { what: t('statistics.followUpsTitle') })}
          caption={t('statistics.followUpsCaption')}
        />
        <Table
          id="follow-ups"
          caption={t('statistics.followUpsTitle')}
          head={[t('statistics.distinctionYear'), t('statistics.city'), t('statistics.followUpYear'), t('statistics.outcomeTitle'), t('statistics.distinctions')]}
          rows={stats.followUps.map((row) => [String(row.distinctionYear), row.city.name, row.followUpYear === null ? '—' : String(row.followUpYear), outcome(row.status), row.distinctions])}
        />
      </section>
    </>
  );
}

export function StatisticsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const city = params.get('city') ?? '';
  const cityId = UUID.test(city) ? city : '';
  const data = useApiQuery(
    (signal) => unwrap(client.GET('/api/public/statistics', { params: { query: cityId ? { cityId } : {} }, signal })),
    [cityId],
  );
  // The cities to choose from come with the answer; keep the last list while another city loads.
  const cities = data.status === 'success' ? data.data.cities : [];
  return (
    <Page title={t('statistics.title')} lead={t('statistics.lead')} wide>
      <div className="filters">
        <SelectField
          name="city"
          label={t('statistics.city')}
          value={cityId}
          onChange={(value) => setParams(value ? { city: value } : {})}
          options={[{ value: '', label: t('catalogue.anyCity') }, ...cities.map((option) => ({ value: option.id, label: option.name }))]}
        />
      </div>
      <Loaded query={data} what={t('statistics.what')}>
        {(stats) => <Statistics stats={stats} />}
      </Loaded>
      <OpenDataLinks licence={data.status === 'success' ? data.data.licence : undefined} />
    </Page>
  );
}
