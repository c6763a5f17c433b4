// The eligibility queue: the practices of submitted reports, those still to decide first. Each is
// marked eligible, or not eligible with a reason (POST /api/practices/:id/eligibility), while the
// edition is in stage reportsOpen. Each report can be read in full. Several practices can be
// selected and decided at once, each with its own result (bulk-eligibility.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PracticeView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Badge } from '../../components/badge';
import { VersionNote, shownVersion, useOriginalSwitch } from '../../components/content-version';
import { checks, ErrorSummary, Form, RadioGroup, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { practiceStatusLabel, practiceTone } from '../../i18n/labels';
import { BulkEligibilityBar } from './bulk-eligibility';
import { SelectBox } from './bulk-results';
import { ReviseEligibility } from './corrections';
import { useEdition } from './edition-layout';

type Filter = 'open' | 'all';

export function EligibilityPage() {
  const { t } = useTranslation();
  const { edition, reload: reloadEdition } = useEdition();
  const [filter, setFilter] = useState<Filter>('open');
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  const practices = useApiQuery(
    (signal) => unwrap(client.GET('/api/editions/{id}/practices', { params: { path: { id: edition.id }, query: { limit: 200 } }, signal })),
    [edition.id],
  );
  const deciding = edition.stage === 'reportsOpen';
  return (
    <section className="section" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t('eligibility.title')}</h2>
      <p>{deciding ? t('eligibility.lead') : t('eligibility.closed')}</p>
      <Loaded query={practices} what={t('eligibility.what')}>
        {({ items }) => {
          const open = items.filter((practice) => practice.status === 'submitted');
          const shown = filter === 'open' ? open : items;
          return (
            <>
              <p className="results-count" role="status">
                {t('eligibility.count', { open: open.length, total: items.length })}
              </p>
              <RadioGroup
                name="eligibility-filter"
                legend={t('eligibility.show')}
                inline
                options={[
                  { value: 'open', label: t('eligibility.showOpen') },
                  { value: 'all', label: t('eligibility.showAll') },
                ]}
                value={filter}
                onChange={(value) => setFilter(value as Filter)}
              />
              {deciding && (
                <>
                  {open.length > 0 && (
                    <SelectBox
                      checked={open.every((practice) => selected.includes(practice.id))}
                      onChange={(on) => setSelected(on ? open.map((practice) => practice.id) : [])}
                      label={t('bulk.eligibility.selectAll', { count: open.length })}
                    />
                  )}
                  <BulkEligibilityBar
                    editionId={edition.id}
                    selected={selected.filter((id) => open.some((practice) => practice.id === id))}
                    practices={items}
                    onDone={() => {
                      setSelected([]);
                      practices.reload();
                      reloadEdition();
                    }}
                  />
                </>
              )}
              {shown.length === 0 ? (
                <p>{filter === 'open' ? t('eligibility.noneOpen') : t('eligibility.none')}</p>
              ) : (
                <ul className="plain-list">
                  {shown.map((practice) => (
                    <li key={practice.id}>
                      <EligibilityCard
                        practice={practice}
                        editionId={edition.id}
                        deciding={deciding}
                        selected={selected.includes(practice.id)}
                        onSelect={(on) => toggle(practice.id, on)}
                        onDecided={() => {
                          practices.reload();
                          reloadEdition();
                        }}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

interface EligibilityCardProps {
  practice: PracticeView;
  editionId: string;
  deciding: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDecided: () => void;
}

function EligibilityCard({ practice, editionId, deciding, selected, onSelect, onDecided }: EligibilityCardProps) {
  const { t } = useTranslation();
  const eligible = useAction();
  const [refusing, setRefusing] = useState(false);
  const headingId = `eligibility-${practice.id}`;
  // Eligibility is decided on what the expert wrote: a translation says so and offers the original.
  const [showOriginal, toggleOriginal] = useOriginalSwitch(practice.id);
  const shown = shownVersion(practice, showOriginal);
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 className="card__title" id={headingId}>
        <span lang={shown.language}>{shown.title}</span>
        <Badge tone={practiceTone(practice.status)}>{practiceStatusLabel(t, practice.status)}</Badge>
      </h3>
      {deciding && practice.status === 'submitted' && <SelectBox checked={selected} onChange={onSelect} label={t('bulk.eligibility.select', { title: practice.title })} />}
      <p className="meta">
        {practice.cityName} · {practice.categories.map((category) => category.name).join('; ')}
      </p>
      <details className="disclosure disclosure--inline">
        <summary>{t('eligibility.description')}</summary>
        <VersionNote item={practice} showOriginal={showOriginal} onToggle={toggleOriginal} />
        <p className="pre-line" lang={shown.language}>
          {shown.description}
        </p>
        {practice.recipientUnits.length > 0 && (
          <p>
            <span className="label">{t('practice.fields.recipientUnits')}:</span> {practice.recipientUnits.join('; ')}
          </p>
        )}
      </details>
      {practice.eligibilityReason && (
        <p>
          <span className="label">{t('practice.fields.eligibilityReason')}:</span> {practice.eligibilityReason}
        </p>
      )}
      <p>
        <Link to={`/coordinator/editions/${editionId}/reports/${practice.reportId}`}>{t('eligibility.readReport', { city: practice.cityName })}</Link>
      </p>
      {/* A decided practice changes only through a revision, with its reason (told to the expert). */}
      {deciding && practice.status !== 'submitted' && <ReviseEligibility practice={practice} onRevised={onDecided} />}
      {deciding && !refusing && practice.status === 'submitted' && (
        <div className="actions">
          <button
            type="button"
            className="button button--small"
            disabled={eligible.busy}
            onClick={() =>
              void eligible
                .run(async () => {
                  await unwrap(client.POST('/api/practices/{id}/eligibility', { params: { path: { id: practice.id } }, body: { eligible: true } }));
                })
                .then((ok) => ok && onDecided())
            }
          >
            {t('eligibility.markEligible')}
            <span className="visually-hidden"> {practice.title}</span>
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => setRefusing(true)}>
            {t('eligibility.markIneligible')}
            <span className="visually-hidden"> {practice.title}</span>
          </button>
        </div>
      )}
      <ActionError error={eligible.error} />
      {refusing && (
        <IneligibleForm
          practice={practice}
          onCancel={() => setRefusing(false)}
          onDone={() => {
            setRefusing(false);
            onDecided();
          }}
        />
      )}
    </article>
  );
}

function IneligibleForm({ practice, onCancel, onDone }: { practice: PracticeView; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [reason, setReason] = useState('');
  const prefix = `ineligible-${practice.id}`;
  const check = (): FieldErrors => (checks.required(reason) ? {} : { reason: [t('eligibility.reasonRequired')] });
  return (
    <>
      <ErrorSummary errors={form.errors} labels={{ reason: t('eligibility.reason') }} idPrefix={prefix} />
      <Form
        idPrefix={prefix}
        onSubmit={() =>
          void form.submit(check, async () => {
            await unwrap(client.POST('/api/practices/{id}/eligibility', { params: { path: { id: practice.id } }, body: { eligible: false, reason: reason.trim() } }));
            onDone();
          })
        }
      >
        <TextAreaField name="reason" label={t('eligibility.reason')} hint={t('eligibility.reasonHint')} value={reason} onChange={setReason} errors={form.errors.fields} rows={3} />
        <div className="actions">
          <SubmitButton busy={form.busy}>{t('eligibility.confirmIneligible')}</SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </>
  );
}
