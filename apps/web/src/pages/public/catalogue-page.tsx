// The catalogue of good practice across editions (GET /api/public/practices?q=&city=&category=&year=).
// The filters live in the address, so a search can be bookmarked, shared and reloaded.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PublicPractice, PublicPracticeQuery } from '../../api/types';
import { Form, SelectField, TextField } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery, type Query } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { toLanguage } from '../../i18n/languages';
import { translatedName } from '../../i18n/names';
import { OpenDataLinks } from './open-data-links';
import { loadCatalogueFacets, type CatalogueFacets } from './public-data';

export const PAGE_SIZE = 20;
const FILTERS = ['q', 'city', 'category', 'year'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function readFilters(params: URLSearchParams): Filters {
  return { q: params.get('q') ?? '', city: params.get('city') ?? '', category: params.get('category') ?? '', year: params.get('year') ?? '' };
}

function toQuery(filters: Filters, offset: number): PublicPracticeQuery {
  const query: PublicPracticeQuery = { limit: PAGE_SIZE, offset };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.city.trim()) query.city = filters.city.trim();
  if (filters.category.trim()) query.category = filters.category.trim();
  if (/^\d{4}$/.test(filters.year)) query.year = Number(filters.year);
  return query;
}

function PracticeCard({ practice, facets }: { practice: PublicPractice; facets: CatalogueFacets | null }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="card">
      <h3 className="card__title">
        <Link to={`/catalogue/${practice.id}`} lang={practice.language}>
          {practice.title}
        </Link>
      </h3>
      <p className="meta">
        {t('catalogue.cityYear', { city: practice.city.name, year: practice.year })}
      </p>
      {practice.description && <p lang={practice.language}>{practice.description}</p>}
      {practice.recipientUnits && practice.recipientUnits.length > 0 && (
        <p>
          <span className="label">{t('catalogue.recipientUnits')}</span> {practice.recipientUnits.join(', ')}
        </p>
      )}
      {practice.categories.length > 0 && (
        <ul className="tags" aria-label={t('catalogue.categories')}>
          {practice.categories.map((category) => (
            <li key={category.id} className="tag">
              {translatedName(facets?.categories.get(category.name) ?? category, i18n.language)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function Results({
  results,
  offset,
  onPage,
  facets,
}: {
  results: Query<{ items: PublicPractice[]; total: number }>;
  offset: number;
  onPage: (offset: number) => void;
  facets: CatalogueFacets | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Loaded query={results} what={t('catalogue.what')}>
      {({ items, total }) => (
        <>
          <p className="results-count" role="status">
            {total === 0
              ? t('catalogue.noResults')
              : t('catalogue.showing', { from: format.number(offset + 1), to: format.number(offset + items.length), count: total, total: format.number(total) })}
          </p>
          <ul className="plain-list">
            {items.map((practice) => (
              <li key={practice.id}>
                <PracticeCard practice={practice} facets={facets} />
              </li>
            ))}
          </ul>
          {total > PAGE_SIZE && (
            <nav className="pagination" aria-label={t('catalogue.pages')}>
              <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE_SIZE))}>
                {t('catalogue.previous')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={offset + PAGE_SIZE >= total}
                onClick={() => onPage(offset + PAGE_SIZE)}
              >
                {t('catalogue.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </Loaded>
  );
}

interface FilterFormProps {
  initial: Filters;
  years: string[];
  cities: string[];
  categories: { value: string; label: string }[];
  filtered: boolean;
  onSearch: (filters: Filters) => void;
}

function FilterForm({ initial, years, cities, categories, filtered, onSearch }: FilterFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(initial);
  return (
    <Form role="search" label={t('catalogue.filtersTitle')} onSubmit={() => onSearch(draft)}>
      <div className="filters">
        <TextField name="q" type="search" label={t('catalogue.q')} hint={t('catalogue.qHint')} value={draft.q} onChange={(q) => setDraft({ ...draft, q })} />
        <SelectField
          name="city"
          label={t('catalogue.city')}
          value={draft.city}
          onChange={(city) => setDraft({ ...draft, city })}
          options={[{ value: '', label: t('catalogue.anyCity') }, ...cities.map((city) => ({ value: city, label: city }))]}
        />
        <SelectField
          name="category"
          label={t('catalogue.category')}
          value={draft.category}
          onChange={(category) => setDraft({ ...draft, category })}
          options={[{ value: '', label: t('catalogue.anyCategory') }, ...categories]}
        />
        <SelectField
          name="year"
          label={t('catalogue.year')}
          value={draft.year}
          onChange={(year) => setDraft({ ...draft, year })}
          options={[{ value: '', label: t('catalogue.anyYear') }, ...years.map((year) => ({ value: year, label: year }))]}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('catalogue.search')}
        </button>
        {filtered && (
          <Link className="button button--secondary" to="/catalogue">
            {t('catalogue.clear')}
          </Link>
        )}
      </div>
    </Form>
  );
}

export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const key = params.toString();

  const facetsQuery = useApiQuery((signal) => loadCatalogueFacets(signal), []);
  const facets = facetsQuery.status === 'success' ? facetsQuery.data : null;
  const results = useApiQuery(
    (signal) =>
      unwrap(client.GET('/api/public/practices', { params: { query: { ...toQuery(readFilters(new URLSearchParams(key)), offset), lang: toLanguage(i18n.language) ?? undefined } }, signal })),
    [key, i18n.language],
  );

  const search = (filters: Filters, nextOffset = 0) => {
    const next = new URLSearchParams();
    for (const name of FILTERS) if (filters[name].trim()) next.set(name, filters[name].trim());
    if (nextOffset > 0) next.set('offset', String(nextOffset));
    setParams(next);
  };

  const years = facets ? facets.years.map(String) : [];
  if (applied.year && !years.includes(applied.year)) years.push(applied.year);
  const cities = facets ? [...facets.cities] : [];
  if (applied.city && !cities.includes(applied.city)) cities.push(applied.city);
  const categories = facets
    ? [...facets.categories.entries()]
        .map(([name, category]) => ({ value: name, label: translatedName(category, i18n.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language))
    : [];
  if (applied.category && !categories.some((category) => category.value === applied.category)) categories.push({ value: applied.category, label: applied.category });

  return (
    <Page title={t('catalogue.title')} lead={t('catalogue.lead')} wide>
      <div className="catalogue">
        {/* Keyed by the search in the address: back/forward shows that search's filters. */}
        <FilterForm
          key={key}
          initial={applied}
          years={years}
          cities={cities}
          categories={categories}
          filtered={key !== ''}
          onSearch={(filters) => search(filters)}
        />
        <section aria-labelledby="results-title" className="catalogue__results">
          <h2 id="results-title">{t('catalogue.resultsTitle')}</h2>
          <Results results={results} offset={offset} facets={facets} onPage={(nextOffset) => search(applied, nextOffset)} />
        </section>
      </div>
      <p>
        <Link to="/statistics">{t('statistics.linkFromCatalogue')}</Link>
      </p>
      <OpenDataLinks />
    </Page>
  );
}
