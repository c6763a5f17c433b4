// The audit trail (GET /api/audit-events): who did what to which object and when, newest first,
// filtered by actor, action, object, edition, outcome and time range (Polish time), paged; the same
// filters export it as CSV (GET /api/audit-events.csv, fetched with the session's token).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { downloadFile } from '../../api/files';
import type { AuditEvent, AuditQuery } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Badge } from '../../components/badge';
import { Form, SelectField, TextField } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { fromWarsawInput, useFormat } from '../../i18n/format';
import { cardTable } from '../../components/card-table';

const PAGE = 50;
const OBJECT_TYPES = ['edition', 'category', 'city', 'report', 'practice', 'award', 'user', 'session'] as const;
const OUTCOMES = ['success', 'failure', 'denied'] as const;

interface Filters {
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  editionId: string;
  outcome: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actor: '', action: '', objectType: '', objectId: '', editionId: '', outcome: '', from: '', to: '' };

/** The filters as the API's query: empty ones left out, times read as Polish time. */
function toQuery(filters: Filters): Omit<AuditQuery, 'limit' | 'offset'> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) {
    const text = value.trim();
    if (!text) continue;
    query[name] = name === 'from' || name === 'to' ? (fromWarsawInput(text) ?? text) : text;
  }
  return query as Omit<AuditQuery, 'limit' | 'offset'>;
}

function outcomeTone(outcome: AuditEvent['outcome']): 'good' | 'bad' | 'warn' {
  return outcome === 'success' ? 'good' : outcome === 'denied' ? 'bad' : 'warn';
}

function FilterForm({ initial, editions, onApply }: { initial: Filters; editions: { id: string; name: string }[]; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const field = (name: keyof Filters) => ({ name, value: draft[name], onChange: (value: string) => setDraft({ ...draft, [name]: value }) });
  return (
    <Form label={t('audit.filtersTitle')} onSubmit={() => onApply(draft)} idPrefix="audit">
      <div className="filters filters--grid">
        <TextField {...field('actor')} label={t('audit.actor')} hint={t('audit.actorHint')} />
        <TextField {...field('action')} label={t('audit.action')} hint={t('audit.actionHint')} />
        <SelectField
          {...field('objectType')}
          label={t('audit.objectType')}
          options={[{ value: '', label: t('audit.any') }, ...OBJECT_TYPES.map((value) => ({ value, label: value }))]}
        />
        <TextField {...field('objectId')} label={t('audit.objectId')} />
        <SelectField
          {...field('editionId')}
          label={t('audit.edition')}
          options={[{ value: '', label: t('audit.any') }, ...editions.map((edition) => ({ value: edition.id, label: edition.name }))]}
        />
        <SelectField
          {...field('outcome')}
          label={t('audit.outcome')}
          options={[{ value: '', label: t('audit.any') }, ...OUTCOMES.map((value) => ({ value, label: t(`audit.outcomes.${value}`) }))]}
        />
        <TextField {...field('from')} type="datetime-local" label={t('audit.from')} hint={t('audit.timeHint')} />
        <TextField {...field('to')} type="datetime-local" label={t('audit.to')} hint={t('audit.timeHint')} />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDraft(EMPTY);
            onApply(EMPTY);
          }}
        >
          {t('audit.clear')}
        </button>
      </div>
    </Form>
  );
}

function Row({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <tr>
      <td>{format.dateTime(event.at)}</td>
      <td className="break">
        {event.actor ? (
          <>
            {event.actor.name}
            <span className="meta-inline">{event.actor.email}</span>
          </>
        ) : (
          t('audit.noActor')
        )}
      </td>
      <th scope="row" className="break">
        <code>{event.action}</code>
      </th>
      <td className="break">
        {event.objectType ?? '—'}
        {event.objectId && <span className="meta-inline">{event.objectId}</span>}
      </td>
      <td>
        <Badge tone={outcomeTone(event.outcome)}>{t(`audit.outcomes.${event.outcome}`)}</Badge>
      </td>
      <td className="break">{event.details ? <code>{JSON.stringify(event.details)}</code> : ''}</td>
    </tr>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const editions = useApiQuery((signal) => unwrap(client.GET('/api/editions', { params: { query: { limit: 200 } }, signal })).then((page) => page.items), []);
  const query = toQuery(filters);
  const events = useApiQuery((signal) => unwrap(client.GET('/api/audit-events', { params: { query: { ...query, limit: PAGE, offset } }, signal })), [query, offset]);
  const download = useAction();
  return (
    <Page title={t('audit.title')} lead={t('audit.lead')} wide>
      <FilterForm
        initial={filters}
        editions={editions.status === 'success' ? editions.data : []}
        onApply={(next) => {
          setFilters(next);
          setOffset(0);
        }}
      />
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={download.busy}
          onClick={() => void download.run(() => downloadFile(`/api/audit-events.csv?${new URLSearchParams(query as Record<string, string>).toString()}`, 'audit-events.csv'))}
        >
          {t('audit.exportCsv')}
        </button>
      </p>
      <ActionError error={download.error} />
      <Loaded query={events} what={t('audit.what')}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p role="status">{t('audit.none')}</p>
          ) : (
            <>
              <p className="results-count" role="status">
                {t('audit.count', { count: total })}
              </p>
              <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
                <table ref={cardTable} className="table table--cards table--compact">
                  <caption id="audit-caption">{t('audit.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.at')}</th>
                      <th scope="col">{t('audit.actor')}</th>
                      <th scope="col">{t('audit.action')}</th>
                      <th scope="col">{t('audit.object')}</th>
                      <th scope="col">{t('audit.outcome')}</th>
                      <th scope="col">{t('audit.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((event) => (
                      <Row key={event.id} event={event} />
                    ))}
                  </tbody>
                </table>
              </div>
              {total > PAGE && (
                <nav className="pagination" aria-label={t('catalogue.pages')}>
                  <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                    {t('catalogue.previous')}
                  </button>
                  <button type="button" className="button button--secondary" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
                    {t('catalogue.next')}
                  </button>
                </nav>
              )}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
