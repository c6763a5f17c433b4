// Mail to a group of this edition: the filter (role, city, progress), the message in one version
// or one per language with the merge fields listed, a preview of who gets it and how it reads
// (POST …/group-mails/preview), then sending after a confirmation (POST …/group-mails). Any change
// after a preview clears it, so what is sent is what was previewed. Below, the mails sent so far.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { ComposeGroupMail, GroupMailPreview } from '../../api/types';
import { useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextAreaField, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { useApiQuery } from '../../components/query';
import { useEdition } from './edition-layout';
import { GroupMailList, MergeFieldList } from './group-mail-parts';

type Role = ComposeGroupMail['filter']['role'];
type Progress = NonNullable<ComposeGroupMail['filter']['progress']>;
type Key = 'all' | 'pl' | 'en' | 'uk';
const LANGUAGES = ['pl', 'en', 'uk'] as const;
const ROLES: Role[] = ['expert', 'juror', 'cityOfficial'];
const PROGRESS: Record<Role, Progress[]> = { expert: ['reportNotStarted', 'reportNotSubmitted'], juror: ['ballotIncomplete'], cityOfficial: [] };
const EMPTY = { subject: '', body: '' };

export function GroupMailPage() {
  const { t } = useTranslation();
  const { edition } = useEdition();
  const cities = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/experts', { params: { path: { id: edition.id } }, signal })), [edition.id]);
  const [role, setRole] = useState<Role>('expert');
  const [cityId, setCityId] = useState('');
  const [progress, setProgress] = useState<Progress | ''>('');
  const [perLanguage, setPerLanguage] = useState(false);
  const [texts, setTexts] = useState<Record<Key, { subject: string; body: string }>>({ all: EMPTY, pl: EMPTY, en: EMPTY, uk: EMPTY });
  const [preview, setPreview] = useState<{ body: ComposeGroupMail; result: GroupMailPreview } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sentCount, setSentCount] = useState<number | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const form = useApiForm();
  const send = useAction();

  /** Every change invalidates the preview and the last confirmation. */
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPreview(null);
    setSentCount(null);
  };
  const keys: Key[] = perLanguage ? [...LANGUAGES] : ['all'];
  const written = keys.filter((key) => texts[key].subject.trim() || texts[key].body.trim());
  const labels: Record<string, string> = { 'filter.role': t('groupMail.role'), 'filter.cityId': t('groupMail.city'), 'filter.progress': t('groupMail.progress') };
  for (const key of keys) {
    const suffix = key === 'all' ? '' : ` (${t(`languageNames.${key}`)})`;
    labels[`versions.${key}.subject`] = `${t('groupMail.subject')}${suffix}`;
    labels[`versions.${key}.body`] = `${t('groupMail.body')}${suffix}`;
  }

  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (written.length === 0) problems[`versions.${keys[0]}.subject`] = [t('groupMail.versionRequired')];
    for (const key of written) {
      if (!texts[key].subject.trim()) problems[`versions.${key}.subject`] = [t('groupMail.subjectRequired')];
      if (!texts[key].body.trim()) problems[`versions.${key}.body`] = [t('groupMail.bodyRequired')];
    }
    return problems;
  };

  const body = (): ComposeGroupMail => ({
    filter: { role, ...(cityId ? { cityId } : {}), ...(progress ? { progress } : {}) },
    versions: written.map((key) => ({ ...(key === 'all' ? {} : { language: key }), subject: texts[key].subject, body: texts[key].body })),
  });

  /** The API names a version by its place in the list; the form by its language. */
  const byLanguage = (error: unknown): unknown => {
    if (!(error instanceof ApiError) || !error.body) return error;
    const details = error.details.map((d) => ({ ...d, field: d.field.replace(/^versions\.(\d+)\./, (all, i: string) => (written[Number(i)] ? `versions.${written[Number(i)]}.` : all)) }));
    return new ApiError(error.status, { ...error.body, details });
  };

  const runPreview = () =>
    form.submit(check, async () => {
      const request = body();
      try {
        const result = await unwrap(client.POST('/api/editions/{id}/group-mails/preview', { params: { path: { id: edition.id } }, body: request }));
        setPreview({ body: request, result });
      } catch (error) {
        throw byLanguage(error);
      }
    });

  const cityOptions =
    cities.status === 'success'
      ? cities.data.filter((a) => a.cityId).map((a) => ({ value: a.cityId!, label: a.cityName ?? '' })).sort((a, b) => a.label.localeCompare(b.label))
      : [];
  const count = preview?.result.recipients.length ?? 0;
  return (
    <section className="section" aria-labelledby="group-mail-title">
      <h2 id="group-mail-title">{t('groupMail.title')}</h2>
      <p>{t('groupMail.lead')}</p>
      {sentCount !== null && (
        <Alert kind="success" live>
          <p>{t('groupMail.sent', { count: sentCount })}</p>
        </Alert>
      )}
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="group-mail" />
      <Form idPrefix="group-mail" onSubmit={() => void runPreview()}>
        <fieldset className="fieldset">
          <legend>{t('groupMail.filterLegend')}</legend>
          <RadioGroup
            name="filter.role"
            legend={t('groupMail.role')}
            options={ROLES.map((value) => ({ value, label: t(`groupMail.roles.${value}`) }))}
            value={role}
            onChange={changed((value: string) => {
              setRole(value as Role);
              setProgress('');
            })}
            errors={form.errors.fields}
          />
          <SelectField
            name="filter.cityId"
            label={t('groupMail.city')}
            hint={role === 'juror' ? t('groupMail.cityHint') : undefined}
            value={cityId}
            onChange={changed(setCityId)}
            options={[{ value: '', label: t('groupMail.cityAll') }, ...cityOptions]}
            errors={form.errors.fields}
          />
          {PROGRESS[role].length > 0 && (
            <RadioGroup
              name="filter.progress"
              legend={t('groupMail.progress')}
              options={[{ value: '', label: t('groupMail.progressAny') }, ...PROGRESS[role].map((value) => ({ value, label: t(`groupMail.progressOptions.${value}`) }))]}
              value={progress}
              onChange={changed((value: string) => setProgress(value as Progress | ''))}
              errors={form.errors.fields}
            />
          )}
        </fieldset>
        <RadioGroup
          name="mode"
          legend={t('groupMail.mode')}
          hint={perLanguage ? t('groupMail.perLanguageHint') : undefined}
          options={[
            { value: 'one', label: t('groupMail.modeOne') },
            { value: 'per', label: t('groupMail.modePer') },
          ]}
          value={perLanguage ? 'per' : 'one'}
          onChange={changed((value: string) => setPerLanguage(value === 'per'))}
        />
        <MergeFieldList />
        {keys.map((key) => (
          <fieldset className="fieldset" key={key}>
            <legend>{key === 'all' ? t('groupMail.oneLegend') : t('groupMail.versionLegend', { language: t(`languageNames.${key}`) })}</legend>
            <TextField
              name={`versions.${key}.subject`}
              label={t('groupMail.subject')}
              value={texts[key].subject}
              onChange={changed((subject: string) => setTexts((all) => ({ ...all, [key]: { ...all[key], subject } })))}
              errors={form.errors.fields}
              maxLength={300}
            />
            <TextAreaField
              name={`versions.${key}.body`}
              label={t('groupMail.body')}
              hint={t('groupMail.bodyHint')}
              value={texts[key].body}
              onChange={changed((text: string) => setTexts((all) => ({ ...all, [key]: { ...all[key], body: text } })))}
              errors={form.errors.fields}
              rows={8}
              maxLength={10000}
            />
          </fieldset>
        ))}
        <div className="actions">
          <SubmitButton busy={form.busy} secondary={preview !== null}>
            {t('groupMail.preview')}
          </SubmitButton>
        </div>
      </Form>
      {preview && (
        <PreviewSection
          preview={preview.result}
          onSend={() => {
            send.clear();
            setConfirming(true);
          }}
        />
      )}
      <ConfirmDialog
        open={confirming}
        title={t('groupMail.confirmTitle')}
        confirmLabel={t('groupMail.send', { count })}
        busy={send.busy}
        error={send.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          void send.run(async () => {
            const sent = await unwrap(client.POST('/api/editions/{id}/group-mails', { params: { path: { id: edition.id } }, body: preview!.body }));
            setConfirming(false);
            setPreview(null);
            setSentCount(sent.recipientCount);
            setListVersion((v) => v + 1);
          })
        }
      >
        <p>{t('groupMail.confirmBody', { count })}</p>
      </ConfirmDialog>
      <GroupMailList editionId={edition.id} version={listVersion} />
    </section>
  );
}

function PreviewSection({ preview, onSend }: { preview: GroupMailPreview; onSend: () => void }) {
  const { t } = useTranslation();
  const count = preview.recipients.length;
  return (
    <section className="section" aria-labelledby="group-mail-preview">
      <h3 id="group-mail-preview">{t('groupMail.previewTitle')}</h3>
      <p role="status">{count === 0 ? t('groupMail.noRecipients') : t('groupMail.recipients', { count })}</p>
      {count > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="group-mail-recipients" tabIndex={0}>
          <table className="table">
            <caption id="group-mail-recipients">{t('groupMail.recipientsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('groupMail.columns.name')}</th>
                <th scope="col">{t('groupMail.columns.email')}</th>
                <th scope="col">{t('groupMail.columns.city')}</th>
                <th scope="col">{t('groupMail.columns.role')}</th>
                <th scope="col">{t('groupMail.columns.language')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.recipients.map((r) => (
                <tr key={r.userId}>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{r.city ?? '—'}</td>
                  <td>{t(`groupMail.roleOne.${r.role}`)}</td>
                  <td>{t(`languageNames.${r.language}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.renderings.map((rendering) => (
        <article className="mail-preview" key={`${rendering.language}-${rendering.sampleRecipient ?? ''}`}>
          <h4>
            {rendering.sampleRecipient
              ? t('groupMail.rendering', { language: t(`languageNames.${rendering.language}`), name: rendering.sampleRecipient })
              : t('groupMail.renderingNoSample', { language: t(`languageNames.${rendering.language}`) })}
          </h4>
          <p>
            <strong>{t('groupMail.subject')}:</strong> {rendering.subject}
          </p>
          <pre className="mail-preview__text" lang={rendering.language}>
            {rendering.text}
          </pre>
        </article>
      ))}
      {count > 0 && (
        <div className="actions">
          <button type="button" className="button" onClick={onSend}>
            {t('groupMail.send', { count })}
          </button>
        </div>
      )}
    </section>
  );
}
