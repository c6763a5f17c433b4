// The report's evidence files: the list (download, remove while draft) and the upload, which shows
// its checks (type PDF/DOCX/ODT by name and by the first bytes, size up to 20 MiB) as soon as a file
// is chosen, before anything is sent, then the progress of the upload.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { checkFile, MAX_FILE_BYTES, type FileChecks } from '../../api/file-checks';
import { downloadFile, uploadFile } from '../../api/files';
import type { ReportFileView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { RemoveDialog } from '../../components/dialog';
import { describeError } from '../../components/error-text';
import { useFormat } from '../../i18n/format';
import { cardTable } from '../../components/card-table';

interface FilesSectionProps {
  reportId: string;
  files: ReportFileView[];
  editable: boolean;
  onChange: () => void;
}

export function FilesSection({ reportId, files, editable, onChange }: FilesSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const download = useAction();
  const remove = useAction();
  const [removing, setRemoving] = useState<ReportFileView | null>(null);
  return (
    <section className="section" aria-labelledby="files-title">
      <h2 id="files-title">{t('files.title')}</h2>
      <p>{t('files.lead')}</p>
      {files.length === 0 ? (
        <p className="meta">{t('files.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="files-title" tabIndex={0}>
          <table ref={cardTable} className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('files.name')}</th>
                <th scope="col">{t('files.size')}</th>
                <th scope="col">{t('files.uploaded')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id}>
                  <th scope="row" className="break">
                    {file.filename}
                  </th>
                  <td>{format.bytes(file.size)}</td>
                  <td>{format.dateTime(file.createdAt)}</td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      disabled={download.busy}
                      onClick={() => void download.run(() => downloadFile(`/api/reports/${reportId}/files/${file.id}`, file.filename))}
                    >
                      {t('files.download')}
                      <span className="visually-hidden"> {file.filename}</span>
                    </button>
                    {editable && (
                      <button type="button" className="button button--small button--danger-quiet" onClick={() => setRemoving(file)}>
                        {t('common.remove')}
                        <span className="visually-hidden"> {file.filename}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ActionError error={download.error} />
      {editable && <Upload reportId={reportId} onUploaded={onChange} />}
      <RemoveDialog
        open={removing !== null}
        title={t('files.removeTitle')}
        action={remove}
        onClose={() => setRemoving(null)}
        remove={async () => {
          await unwrap(client.DELETE('/api/reports/{id}/files/{fileId}', { params: { path: { id: reportId, fileId: removing?.id ?? '' } } }));
        }}
        onRemoved={() => {
          onChange();
        }}
      >
        <p>{t('files.removeBody', { name: removing?.filename ?? '' })}</p>
      </RemoveDialog>
    </section>
  );
}

type UploadState =
  | { step: 'idle' }
  | { step: 'checking'; file: File }
  | { step: 'checked'; file: File; result: FileChecks }
  | { step: 'uploading'; file: File; fraction: number }
  | { step: 'done'; filename: string }
  | { step: 'failed'; file: File; result: FileChecks; message: string; fieldProblem: string | null };

function Upload({ reportId, onUploaded }: { reportId: string; onUploaded: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [state, setState] = useState<UploadState>({ step: 'idle' });

  const choose = async (file: File | undefined) => {
    if (!file) return setState({ step: 'idle' });
    setState({ step: 'checking', file });
    setState({ step: 'checked', file, result: await checkFile(file) });
  };

  const start = async (file: File, result: FileChecks) => {
    setState({ step: 'uploading', file, fraction: 0 });
    try {
      await uploadFile(`/api/reports/${reportId}/files`, file, (fraction) => setState({ step: 'uploading', file, fraction }));
      setState({ step: 'done', filename: file.name });
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (error) {
      const fieldProblem = error instanceof ApiError ? (error.fieldErrors().file?.join(' ') ?? null) : null;
      setState({ step: 'failed', file, result, message: describeError(t, error, (key) => i18n.exists(key)), fieldProblem });
    }
  };

  const file = state.step === 'checked' || state.step === 'failed' || state.step === 'uploading' || state.step === 'checking' ? state.file : null;
  const result = state.step === 'checked' || state.step === 'failed' ? state.result : null;
  const errorId = `${inputId}-error`;
  const fieldProblem = state.step === 'failed' ? state.fieldProblem : null;

  return (
    <div className="upload">
      <h3>{t('files.uploadTitle')}</h3>
      <div className={fieldProblem ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={inputId}>
          {t('files.choose')}
        </label>
        <p className="field__hint" id={`${inputId}-hint`}>
          {t('files.hint', { max: format.bytes(MAX_FILE_BYTES) })}
        </p>
        {fieldProblem && (
          <p className="field__error" id={errorId}>
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {fieldProblem}
          </p>
        )}
        <input
          ref={input}
          id={inputId}
          name="file"
          type="file"
          className="file-input"
          accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
          aria-describedby={[`${inputId}-hint`, fieldProblem ? errorId : null].filter(Boolean).join(' ')}
          aria-invalid={fieldProblem ? true : undefined}
          disabled={state.step === 'uploading'}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>
      {file && result && (
        <div className="file-checks" role="status">
          <p className="file-checks__title">{t('files.checksTitle', { name: file.name, size: format.bytes(file.size) })}</p>
          <ul className="checklist">
            {result.checks.map((check) => (
              <li key={check.name} className={check.ok ? 'checklist__item checklist__item--ok' : 'checklist__item checklist__item--bad'}>
                <span className="checklist__mark" aria-hidden="true">
                  {check.ok ? '✓' : '✗'}
                </span>
                <span className="visually-hidden">{check.ok ? t('files.checkPassed') : t('files.checkFailed')} </span>
                {t(`files.checks.${check.name}.${check.ok ? 'ok' : 'bad'}`, { kind: result.kind ? t(`files.kinds.${result.kind}`) : '', max: format.bytes(MAX_FILE_BYTES) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.step === 'uploading' && (
        <div className="upload__progress">
          <label htmlFor={`${inputId}-progress`}>{t('files.uploading', { name: state.file.name })}</label>
          <progress id={`${inputId}-progress`} max={100} value={Math.round(state.fraction * 100)}>
            {format.number(state.fraction, { style: 'percent' })}
          </progress>
          <span className="upload__percent" aria-hidden="true">
            {format.number(state.fraction, { style: 'percent' })}
          </span>
        </div>
      )}
      {state.step === 'failed' && (
        <Alert kind="error" live title={t('files.failed')}>
          <p>{state.message}</p>
        </Alert>
      )}
      {state.step === 'done' && (
        <Alert kind="success" live>
          <p>{t('files.done', { name: state.filename })}</p>
        </Alert>
      )}
      {file && result && (
        <div className="actions">
          <button type="button" className="button" disabled={!result.ok} onClick={() => void start(file, result)}>
            {t('files.upload')}
          </button>
        </div>
      )}
    </div>
  );
}
