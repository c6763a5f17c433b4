// Editing one translation: the original beside the form (stacked on narrow screens), who provided
// the current translation and when, an outdated translation marked with the date the original
// changed; saved through the item's own route (current again). Read-only, with the reason, once the
// API closes translations (scoring opened: `wrong_stage`), whether the list said so or the save did.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import type { TranslationItemKind } from '../../api/types';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { useAction } from '../../components/action';
import { RemoveDialog } from '../../components/dialog';
import { ErrorSummary, Form, SubmitButton, TextAreaField, TextField, useApiForm } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { deleteTranslation, KIND_FIELDS, loadTranslations, saveTranslation, type TextVersionOf, type TranslationField, type TranslationsOf, type TranslationTexts } from './translation-api';
import { useLanguageName } from './translation-labels';

interface EditorProps {
  kind: TranslationItemKind;
  id: string;
  language: string;
  /** What the item is called, for the heading. */
  label: string;
  /** Called after a save (the list reloads its statuses). */
  onSaved?: () => void;
  /** The form's ids: several editors may share a screen. */
  idPrefix?: string;
  /** Move the focus to the editor's heading when it opens (it replaces what was clicked). */
  focus?: boolean;
}

export function TranslationEditor(props: EditorProps) {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => loadTranslations(props.kind, props.id, signal), [props.kind, props.id]);
  return (
    <Loaded query={query} what={t('translations.editorLoading')}>
      {(data) => <EditorBody key={`${props.id}-${props.language}`} {...props} data={data} reload={query.reload} />}
    </Loaded>
  );
}

function OriginalText({ version, fields }: { version: TextVersionOf; fields: readonly TranslationField[] }) {
  const { t } = useTranslation();
  return (
    <div className="translation-editor__original" lang={version.language} data-testid="translation-original">
      {fields.map((field) => (
        <div key={field} className="translation-editor__text">
          <p className="translation-editor__field">{t(`translations.field.${field}`)}</p>
          <p className="pre-line">{version.texts[field] ?? ''}</p>
        </div>
      ))}
    </div>
  );
}

function EditorBody({ kind, id, language, label, onSaved, idPrefix, focus, data, reload }: EditorProps & { data: TranslationsOf; reload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const languageName = useLanguageName();
  const fields = KIND_FIELDS[kind];
  const existing = data.translations.find((translation) => translation.language === language);
  const [texts, setTexts] = useState<TranslationTexts>(() => Object.fromEntries(fields.map((field) => [field, existing?.texts[field] ?? ''])));
  const [closedByApi, setClosedByApi] = useState(false);
  const [saved, setSaved] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removed, setRemoved] = useState(false);
  const remove = useAction();
  const form = useApiForm();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const readOnly = !data.editable || closedByApi;
  const prefix = idPrefix ?? `translation-${id}-${language}`;
  const fieldLabel = (field: TranslationField) => t('translations.fieldIn', { field: t(`translations.field.${field}`), language: languageName(language) });

  const submit = () =>
    form.submit(
      () => Object.fromEntries(fields.filter((field) => !(texts[field] ?? '').trim()).map((field) => [field, [t('validation.required')]])),
      async () => {
        setSaved(false);
        setRemoved(false);
        try {
          await saveTranslation(kind, id, language, texts);
        } catch (error) {
          // Closed meanwhile (scoring opened): the screen turns read-only and says why.
          if (error instanceof ApiError && error.status === 409 && error.code === 'wrong_stage') setClosedByApi(true);
          throw error;
        }
        setSaved(true);
        reload();
        onSaved?.();
      },
    );

  return (
    <section className="translation-editor" aria-labelledby={`${prefix}-title`} data-testid="translation-editor">
      <h3 id={`${prefix}-title`} className="translation-editor__title" tabIndex={-1} ref={heading}>
        {t('translations.editorTitle', { label, language: languageName(language) })}
      </h3>
      {existing ? (
        <p className="meta" data-testid="translation-provenance">
          {existing.outdated && <Badge tone="warn">{t('translations.status.outdated')}</Badge>}{' '}
          {existing.providedAt
            ? t('translations.providedBy', { name: existing.providedByName ?? t('translations.someone'), date: format.dateTime(existing.providedAt) })
            : t('translations.providedUnrecorded', { language: languageName(language) })}
          {existing.outdated && data.original.providedAt && <> · {t('translations.originalChangedOn', { date: format.dateTime(data.original.providedAt) })}</>}
        </p>
      ) : (
        <p className="meta">{t('translations.noneYet', { language: languageName(language) })}</p>
      )}
      {readOnly && (
        <Alert kind="info" title={t('translations.closedTitle')}>
          <p data-testid="translation-closed">{kind === 'awardCitation' ? t('translations.closedCitation') : t('translations.closed')}</p>
        </Alert>
      )}
      {removed && (
        <Alert kind="success" live>
          <p data-testid="translation-removed">{t('translations.removed', { language: languageName(language) })}</p>
        </Alert>
      )}
      {saved && !form.errors.summary && (
        <Alert kind="success" live>
          <p>{t('translations.saved', { language: languageName(language) })}</p>
        </Alert>
      )}
      <div className="translation-editor__columns">
        <div>
          <h4 className="translation-editor__heading">{t('translations.originalIn', { language: languageName(data.original.language) })}</h4>
          <OriginalText version={data.original} fields={fields} />
        </div>
        <div>
          <h4 className="translation-editor__heading">{t('translations.translationIn', { language: languageName(language) })}</h4>
          {readOnly ? (
            existing ? <OriginalText version={existing} fields={fields} /> : <p>{t('translations.noneYet', { language: languageName(language) })}</p>
          ) : (
            <Form onSubmit={() => void submit()} idPrefix={prefix} label={t('translations.editorTitle', { label, language: languageName(language) })}>
              <ErrorSummary errors={form.errors} labels={Object.fromEntries(fields.map((field) => [field, fieldLabel(field)]))} />
              {fields.map((field) =>
                field === 'title' || field === 'name' ? (
                  <TextField key={field} name={field} label={fieldLabel(field)} value={texts[field] ?? ''} onChange={(value) => setTexts({ ...texts, [field]: value })} errors={form.errors.fields} lang={language} maxLength={300} />
                ) : (
                  <TextAreaField key={field} name={field} label={fieldLabel(field)} value={texts[field] ?? ''} onChange={(value) => setTexts({ ...texts, [field]: value })} errors={form.errors.fields} lang={language} rows={8} />
                ),
              )}
              <div className="actions">
                <SubmitButton busy={form.busy}>{existing ? t('translations.saveAgain') : t('translations.save')}</SubmitButton>
                {existing && (
                  <button type="button" className="button button--danger" onClick={() => setRemoving(true)}>
                    {t('translations.remove')}
                  </button>
                )}
              </div>
            </Form>
          )}
        </div>
      </div>
      <RemoveDialog
        open={removing}
        title={t('translations.removeTitle', { label, language: languageName(language) })}
        action={remove}
        remove={async () => {
          try {
            await deleteTranslation(kind, id, language);
          } catch (error) {
            if (error instanceof ApiError && error.status === 409 && error.code === 'wrong_stage') setClosedByApi(true);
            throw error;
          }
        }}
        onClose={() => setRemoving(false)}
        onRemoved={() => {
          setSaved(false);
          setRemoved(true);
          setTexts(Object.fromEntries(fields.map((field) => [field, ''])));
          reload();
          onSaved?.();
        }}
      >
        <p>{t('translations.removeQuestion', { language: languageName(language), original: languageName(data.original.language) })}</p>
      </RemoveDialog>
    </section>
  );
}
