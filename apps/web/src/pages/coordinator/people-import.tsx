// Experts and jurors from a pasted list or a CSV file (name, e-mail, city, role, language; a
// header row optional): first a preview (a dry run: each row's result, nothing changed), then the
// import, which creates the new accounts, gives the assignments and sends the invitations.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { TextAreaField } from '../../components/form';
import { BulkResults, type BulkRow } from './bulk-results';

type ImportResult = Awaited<ReturnType<typeof importPeople>>;

const importPeople = (editionId: string, csv: string, dryRun: boolean) =>
  unwrap(client.POST('/api/editions/{id}/people/import', { params: { path: { id: editionId } }, body: { csv, dryRun, invite: true } }));

export function PeopleImport({ editionId, onImported }: { editionId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const run = (dryRun: boolean) =>
    void action.run(async () => {
      const answer = await importPeople(editionId, csv, dryRun);
      setResult(answer);
      if (!dryRun) onImported();
    });
  const rows: BulkRow[] = (result?.items ?? []).map((item) => ({
    key: String(item.line),
    label: (
      <>
        {t('bulk.import.line', { line: item.line })}: {item.name ?? '—'} &lt;{item.email ?? '—'}&gt;
        {item.role ? ` · ${t(`bulk.import.roles.${item.role}`, { defaultValue: item.role })}` : ''}
        {item.city ? ` · ${item.city}` : ''}
      </>
    ),
    outcome: item.outcome,
    refusal: item.refusal,
    note: item.invited ? t(result?.dryRun ? 'bulk.import.willInvite' : 'bulk.import.invited') : undefined,
  }));
  return (
    <section className="section" aria-labelledby="people-import-title">
      <h2 id="people-import-title">{t('bulk.import.title')}</h2>
      <p>{t('bulk.import.lead')}</p>
      <div className="field">
        <label className="field__label" htmlFor="people-import-file">
          {t('bulk.import.file')}
        </label>
        <input
          id="people-import-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then((text) => { setCsv(text); setResult(null); });
          }}
        />
      </div>
      <TextAreaField
        name="people-csv"
        label={t('bulk.import.paste')}
        hint={t('bulk.import.pasteHint')}
        value={csv}
        onChange={(value) => {
          setCsv(value);
          setResult(null);
        }}
        rows={6}
      />
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={csv.trim() === '' || action.busy} onClick={() => run(true)}>
          {t('bulk.import.preview')}
        </button>
        <button type="button" className="button" disabled={!result?.dryRun || result.created + result.grantAdded === 0 || action.busy} onClick={() => run(false)}>
          {t('bulk.import.commit', { count: result?.dryRun ? result.created + result.grantAdded : 0 })}
        </button>
      </div>
      <ActionError error={action.error} />
      {result && (
        <>
          <Alert kind={result.dryRun ? 'info' : 'success'} live>
            <p>
              {result.dryRun ? t('bulk.import.previewDone') : t('bulk.import.done')} {t('bulk.import.counts', { created: result.created, grantAdded: result.grantAdded, refused: result.refused })}{' '}
              {t(result.dryRun ? 'bulk.import.invitationsPlanned' : 'bulk.import.invitationsSent', { count: result.invited })}
            </p>
          </Alert>
          <BulkResults id="people-import-results" caption={t(result.dryRun ? 'bulk.import.previewCaption' : 'bulk.import.resultsCaption')} itemHeader={t('bulk.person')} rows={rows} counted={false} />
        </>
      )}
    </section>
  );
}
