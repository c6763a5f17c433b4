// The report's practices: each as a card (editable and removable while the report is a draft), and
// the form to add one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CategoryView, PracticeView, ReportView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { RemoveDialog } from '../../components/dialog';
import { useFormat } from '../../i18n/format';
import { practiceStatusLabel, practiceTone } from '../../i18n/labels';
import { translatedName } from '../../i18n/names';
import { PracticeForm } from './practice-form';

export function PracticesSection({ report, categories, editable, onChange }: { report: ReportView; categories: CategoryView[]; editable: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  // A practice the open "add" form has already saved: shown in that form, not twice.
  const [drafted, setDrafted] = useState<string | null>(null);
  const listed = report.practices.filter((practice) => !adding || practice.id !== drafted);
  return (
    <section className="section" aria-labelledby="practices-title">
      <h2 id="practices-title">{t('report.practicesTitle', { count: report.practices.length })}</h2>
      <p>{t('report.practicesLead')}</p>
      {report.practices.length === 0 && <p className="meta">{t('report.noPractices')}</p>}
      <ul className="plain-list">
        {listed.map((practice) => (
          <li key={practice.id}>
            <PracticeCard practice={practice} categories={categories} editable={editable} onChange={onChange} />
          </li>
        ))}
      </ul>
      {added && (
        <Alert kind="success" live>
          <p>{t('practice.added', { title: added })}</p>
        </Alert>
      )}
      {editable &&
        (adding ? (
          <div className="card card--form">
            <h3 className="card__title">{t('practice.addTitle')}</h3>
            <PracticeForm
              idPrefix="practice-new"
              reportId={report.id}
              categories={categories}
              onCancel={() => setAdding(false)}
              onSaved={(practiceId) => {
                setDrafted(practiceId);
                onChange();
              }}
              onClose={(title) => {
                setAdding(false);
                setDrafted(null);
                setAdded(title);
              }}
            />
          </div>
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setAdded(null);
                setAdding(true);
              }}
            >
              {t('practice.addTitle')}
            </button>
          </div>
        ))}
    </section>
  );
}

function PracticeCard({ practice, categories, editable, onChange }: { practice: PracticeView; categories: CategoryView[]; editable: boolean; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useAction();
  const byId = new Map(categories.map((category) => [category.id, category]));
  const headingId = `practice-${practice.id}`;
  if (editing) {
    return (
      <div className="card card--form">
        <h3 className="card__title">{t('practice.editTitle', { title: practice.title })}</h3>
        <PracticeForm idPrefix={`practice-${practice.id}`} reportId={practice.reportId} categories={categories} practice={practice} onSaved={onChange} onClose={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 className="card__title" id={headingId}>
        {practice.title}
        <Badge tone={practiceTone(practice.status)}>{practiceStatusLabel(t, practice.status)}</Badge>
      </h3>
      <p className="pre-line">{practice.description}</p>
      <dl className="facts">
        {practice.recipientUnits.length > 0 && (
          <>
            <dt>{t('practice.fields.recipientUnits')}</dt>
            <dd>{practice.recipientUnits.join('; ')}</dd>
          </>
        )}
        <dt>{t('practice.fields.categories')}</dt>
        <dd>{practice.categories.map((category) => translatedName(byId.get(category.id) ?? category, i18n.language)).join('; ')}</dd>
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
        {practice.eligibilityReason && (
          <>
            <dt>{t('practice.fields.eligibilityReason')}</dt>
            <dd>{practice.eligibilityReason}</dd>
          </>
        )}
      </dl>
      {editable && (
        <div className="actions">
          <button type="button" className="button button--small button--secondary" onClick={() => setEditing(true)}>
            {t('common.edit')}
            <span className="visually-hidden"> {practice.title}</span>
          </button>
          <button type="button" className="button button--small button--danger-quiet" onClick={() => setConfirming(true)}>
            {t('common.remove')}
            <span className="visually-hidden"> {practice.title}</span>
          </button>
        </div>
      )}
      <ActionError error={confirming ? null : remove.error} />
      <RemoveDialog
        open={confirming}
        title={t('practice.removeTitle')}
        action={remove}
        onClose={() => setConfirming(false)}
        remove={async () => {
          await unwrap(client.DELETE('/api/practices/{id}', { params: { path: { id: practice.id } } }));
        }}
        onRemoved={() => {
          onChange();
        }}
      >
        <p>{t('practice.removeBody', { title: practice.title })}</p>
      </RemoveDialog>
    </article>
  );
}
