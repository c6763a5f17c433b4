// The edition's automatic mails, adjusted by its coordinator per language: each editable mail with
// whether the edition sends its own text or the built-in one, an editor (subject and body with the
// merge fields, a preview as a sample recipient would get it), save and reset to the built-in text.
// The API refuses an unknown merge field (400 naming subject or body), shown next to the field.
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { checks, ErrorSummary, Form, SubmitButton, TextAreaField, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { useEdition } from './edition-layout';

type MailTemplateView = components['schemas']['MailTemplateView'];
type MailPreviewView = components['schemas']['MailPreviewView'];
type MailLocale = 'pl' | 'en' | 'uk';

const MAIL_KEYS = ['addedAsExpert', 'addedAsJuror', 'reportsOpen', 'reportsReminder', 'reportSubmitted', 'scoringOpen', 'scoringReminder', 'scoringClosed', 'decisionsFinalised', 'resultsPublished'] as const;
const MERGE_FIELDS = ['name', 'city', 'edition', 'deadline', 'link'] as const;
const LOCALES: readonly string[] = ['pl', 'en', 'uk'];

/** A mail's name; one the catalogues do not know yet (the API grew) shows as its key. */
function mailLabel(t: TFunction, key: string): string {
  return (MAIL_KEYS as readonly string[]).includes(key) ? t(`mailTemplates.keys.${key as (typeof MAIL_KEYS)[number]}`) : key;
}

function fieldLabel(t: TFunction, field: string): string {
  return (MERGE_FIELDS as readonly string[]).includes(field) ? t(`mailTemplates.fields.${field as (typeof MERGE_FIELDS)[number]}`) : '';
}

function languageLabel(t: TFunction, locale: string): string {
  return LOCALES.includes(locale) ? t(`languageNames.${locale as MailLocale}`) : locale;
}

export function MailTemplatesPage() {
  const { t } = useTranslation();
  const { edition } = useEdition();
  const data = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/mail-templates', { params: { path: { id: edition.id } }, signal })), [edition.id]);
  const [editing, setEditing] = useState<{ key: string; locale: MailLocale } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setMessage(text);
    setEditing(null);
    data.reload();
  };
  return (
    <section className="section" aria-labelledby="mail-templates-title">
      <h2 id="mail-templates-title">{t('mailTemplates.title')}</h2>
      <p>{t('mailTemplates.lead')}</p>
      {message && (
        <Alert kind="success" live>
          <p>{message}</p>
        </Alert>
      )}
      <Loaded query={data} what={t('mailTemplates.what')}>
        {(view) => {
          const keys = [...new Set(view.templates.map((template) => template.key))];
          const current = editing && view.templates.find((template) => template.key === editing.key && template.locale === editing.locale);
          return (
            <>
              {current ? (
                <TemplateEditor
                  key={`${current.key}-${current.locale}`}
                  editionId={edition.id}
                  template={current}
                  mergeFields={view.mergeFields}
                  onDone={done}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <ul className="mail-templates">
                  {keys.map((key) => (
                    <li key={key} className="mail-templates__item">
                      <h3>{mailLabel(t, key)}</h3>
                      <ul className="mail-templates__languages">
                        {view.templates
                          .filter((template) => template.key === key)
                          .map((template) => (
                            <li key={template.locale}>
                              <span lang={template.locale}>{languageLabel(t, template.locale)}</span>{' '}
                              <Badge tone={template.override ? 'warn' : 'neutral'}>{template.override ? t('mailTemplates.own') : t('mailTemplates.builtIn')}</Badge>{' '}
                              <button
                                type="button"
                                className="button button--secondary"
                                onClick={() => {
                                  setMessage(null);
                                  setEditing({ key, locale: template.locale as MailLocale });
                                }}
                              >
                                {t('mailTemplates.edit')}
                                <span className="visually-hidden">
                                  {' '}
                                  {t('mailTemplates.editWhat', { mail: mailLabel(t, key), language: languageLabel(t, template.locale) })}
                                </span>
                              </button>
                            </li>
                          ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
              <p className="hint">{t('mailTemplates.notEditable')}</p>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

interface EditorProps {
  editionId: string;
  template: MailTemplateView;
  mergeFields: string[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

function TemplateEditor({ editionId, template, mergeFields, onDone, onCancel }: EditorProps) {
  const { t } = useTranslation();
  const form = useApiForm();
  const reset = useAction();
  const start = template.override ?? template.default;
  const [subject, setSubject] = useState(start.subject);
  const [body, setBody] = useState(start.body);
  const [preview, setPreview] = useState<MailPreviewView | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const path = { id: editionId, key: template.key, lang: template.locale };
  const mail = mailLabel(t, template.key);
  const language = languageLabel(t, template.locale);
  const labels = { subject: t('mailTemplates.subject'), body: t('mailTemplates.body') };
  const check = (): FieldErrors => ({
    ...(checks.required(subject) ? {} : { subject: [t('validation.required')] }),
    ...(checks.required(body) ? {} : { body: [t('validation.required')] }),
  });
  const showPreview = async () => {
    setPreviewing(true);
    await form.submit(check, async () => {
      setPreview(await unwrap(client.POST('/api/editions/{id}/mail-templates/{key}/{lang}/preview', { params: { path }, body: { subject, body } })));
    });
    setPreviewing(false);
  };
  return (
    <div className="mail-template-editor">
      <h3>{t('mailTemplates.editorTitle', { mail, language })}</h3>
      <p>{template.override ? t('mailTemplates.editingOwn') : t('mailTemplates.editingBuiltIn')}</p>
      <div className="hint" id="merge-fields">
        <p>{t('mailTemplates.mergeFieldsLead')}</p>
        <ul className="merge-fields">
          {mergeFields.map((field) => (
            <li key={field}>
              <code>{`{{${field}}}`}</code> {fieldLabel(t, field)}
            </li>
          ))}
        </ul>
      </div>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="mail-template" />
      <Form
        idPrefix="mail-template"
        label={t('mailTemplates.editorTitle', { mail, language })}
        onSubmit={() =>
          void form.submit(check, async () => {
            await unwrap(client.PUT('/api/editions/{id}/mail-templates/{key}/{lang}', { params: { path }, body: { subject, body } }));
            onDone(t('mailTemplates.saved', { mail, language }));
          })
        }
      >
        <TextField name="subject" label={labels.subject} value={subject} onChange={setSubject} errors={form.errors.fields} lang={template.locale} />
        <TextAreaField name="body" label={labels.body} hint={t('mailTemplates.bodyHint')} value={body} onChange={setBody} errors={form.errors.fields} rows={8} lang={template.locale} />
        <div className="actions">
          <SubmitButton busy={form.busy && !previewing}>{t('mailTemplates.save')}</SubmitButton>
          <button type="button" className="button button--secondary" onClick={() => void showPreview()} disabled={form.busy}>
            {t('mailTemplates.preview')}
          </button>
          {template.override && (
            <button
              type="button"
              className="button button--secondary"
              disabled={reset.busy}
              onClick={() =>
                void reset.run(async () => {
                  await unwrap(client.DELETE('/api/editions/{id}/mail-templates/{key}/{lang}', { params: { path } }));
                  onDone(t('mailTemplates.resetDone', { mail, language }));
                })
              }
            >
              {t('mailTemplates.reset')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
      <ActionError error={reset.error} />
      {preview && (
        <section className="mail-preview" aria-labelledby="mail-preview-title" aria-live="polite">
          <h4 id="mail-preview-title">{t('mailTemplates.previewTitle')}</h4>
          <p>
            <strong>{t('mailTemplates.subject')}:</strong> <span lang={template.locale}>{preview.subject}</span>
          </p>
          <pre className="mail-preview__text" lang={template.locale}>
            {preview.text}
          </pre>
        </section>
      )}
    </div>
  );
}
