// What every bulk action shows: a single check box that selects, and the per-item results (done,
// or refused with the reason in words) as a table, with a count of each.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge';

export interface ItemRefusal {
  code: string;
  message: string;
  field?: string;
}

export interface BulkRow {
  key: string;
  label: ReactNode;
  outcome: 'done' | 'created' | 'grantAdded' | 'refused';
  refusal?: ItemRefusal;
  note?: ReactNode;
}

/** A refusal in the reader's language where its code has words, else the API's own message. */
export function useRefusalText(): (refusal: ItemRefusal) => string {
  const { t, i18n } = useTranslation();
  return (refusal) => {
    if (refusal.code === 'invalid_input') return t('bulk.refusals.invalid_input', { message: refusal.message });
    // Codes come from the API at run time; the catalogue's typed keys cannot name them ahead.
    const byKey = t as unknown as (key: string) => string;
    for (const key of [`bulk.refusals.${refusal.code}`, `conflicts.${refusal.code}`]) if (i18n.exists(key)) return byKey(key);
    return refusal.message;
  };
}

export function SelectBox({ checked, onChange, label, disabled }: { checked: boolean; onChange: (checked: boolean) => void; label: ReactNode; disabled?: boolean }) {
  return (
    <label className="choice bulk-select">
      <input type="checkbox" className="choice__input" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <span className="choice__label">{label}</span>
    </label>
  );
}

/** `counted: false` where the screen says the counts itself (a preview, which has done nothing yet). */
export function BulkResults({ id, caption, itemHeader, rows, counted = true }: { id: string; caption: string; itemHeader: string; rows: BulkRow[]; counted?: boolean }) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const refused = rows.filter((row) => row.outcome === 'refused').length;
  return (
    <div className="bulk-results">
      {counted && (
        <p role="status">
          {t('bulk.summary', { count: rows.length - refused })} {t('bulk.summaryRefused', { count: refused })}
        </p>
      )}
      <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="table table--compact">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{itemHeader}</th>
              <th scope="col">{t('bulk.outcome')}</th>
              <th scope="col">{t('bulk.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>{row.label}</td>
                <td>
                  <Badge tone={row.outcome === 'refused' ? 'bad' : 'good'}>{t(`bulk.outcomes.${row.outcome}`)}</Badge>
                </td>
                <td>{row.refusal ? refusalText(row.refusal) : row.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
