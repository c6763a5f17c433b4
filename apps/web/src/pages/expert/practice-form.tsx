// Adding or changing a practice of a draft report: title, description, recipient units (one per
// line), categories of the edition, start date, links. Saved as it is written: a new practice is
// created by its first save once it has a title, a description and a category (until then it is
// kept on screen, "not saved yet"), and changed by each save after. Problems of a save, the form's
// own or the API's, land next to the fields they name; the draft stays as typed.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { CategoryView, CreatePracticeDto, PracticeView } from '../../api/types';
import { CheckboxGroup, checks, ErrorSummary, Form, lines, SubmitButton, TextAreaField, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { translatedName } from '../../i18n/names';
import { failedFields, FieldProblems, leavingEditor, SaveStatusLine, useAutosave } from './unsaved-changes';

interface PracticeFormProps {
  idPrefix: string;
  reportId: string;
  categories: CategoryView[];
  /** The practice being changed; none for a new one. */
  practice?: PracticeView;
  /** After each save (the first one of a new practice names the id it got). */
  onSaved: (practiceId: string) => void;
  /** The practice is saved and the form done with. */
  onClose: (title: string) => void;
  /** Only for a new practice, before its first save: drops what was typed. */
  onCancel?: () => void;
}

interface Draft {
  title: string;
  description: string;
  units: string;
  categoryIds: string[];
  startedOn: string;
  links: string;
}

const URL_PATTERN = /^https?:\/\/[^\s]+\.[^\s]+$/i;
const REQUIRED: readonly (keyof FieldErrors)[] = ['title', 'description', 'categoryIds'];
const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

function toBody(draft: Draft): CreatePracticeDto {
  const body: CreatePracticeDto = {
    title: draft.title.trim(),
    description: draft.description.trim(),
    recipientUnits: lines.toList(draft.units),
    categoryIds: draft.categoryIds,
    links: lines.toList(draft.links),
  };
  if (draft.startedOn) body.startedOn = draft.startedOn;
  return body;
}

export function PracticeForm({ idPrefix, reportId, categories, practice, onSaved, onClose, onCancel }: PracticeFormProps) {
  const { t, i18n } = useTranslation();
  const form = useApiForm();
  const savedId = useRef<string | null>(practice?.id ?? null);
  const [created, setCreated] = useState(Boolean(practice));
  const initial: Draft = {
    title: practice?.title ?? '',
    description: practice?.description ?? '',
    units: lines.fromList(practice?.recipientUnits),
    categoryIds: practice?.categories.map((c) => c.id) ?? [],
    startedOn: practice?.startedOn ?? '',
    links: lines.fromList(practice?.links),
  };
  const [draft, setDraft] = useState<Draft>(initial);

  const labels = {
    title: t('practice.fields.title'),
    description: t('practice.fields.description'),
    recipientUnits: t('practice.fields.recipientUnits'),
    categoryIds: t('practice.fields.categories'),
    startedOn: t('practice.fields.startedOn'),
    links: t('practice.fields.links'),
  };

  const check = (value: Draft): FieldErrors => {
    const problems: FieldErrors = {};
    if (!checks.required(value.title)) problems.title = [t('validation.required')];
    if (!checks.required(value.description)) problems.description = [t('validation.required')];
    if (value.categoryIds.length === 0) problems.categoryIds = [t('practice.validation.categories')];
    if (lines.toList(value.links).some((link) => !URL_PATTERN.test(link))) problems.links = [t('practice.validation.links')];
    return problems;
  };

  const autosave = useAutosave(
    idPrefix,
    initial,
    async (value: Draft) => {
      const problems = check(value);
      const missingOnly = Object.keys(problems).every((field) => REQUIRED.includes(field));
      // A new practice still being filled in: its empty required fields are no error yet.
      if (!savedId.current && missingOnly && Object.keys(problems).length > 0) return false;
      if (Object.keys(problems).length > 0) throw new FieldProblems(problems);
      const body = toBody(value);
      if (savedId.current) {
        await unwrap(client.PATCH('/api/practices/{id}', { params: { path: { id: savedId.current } }, body }));
      } else {
        const practiceCreated = await unwrap(client.POST('/api/reports/{id}/practices', { params: { path: { id: reportId } }, body }));
        savedId.current = practiceCreated.id;
        setCreated(true);
      }
      form.clear();
      onSaved(savedId.current);
    },
    sameDraft,
  );

  const update = <K extends keyof Draft>(field: K) => (value: Draft[K]) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    autosave.change(next);
  };

  const save = () =>
    void form.submit(
      () => check(draft),
      async () => {
        await autosave.flush();
        const after = autosave.now();
        if (after.kind === 'failed') throw after.error instanceof FieldProblems ? new ApiError(400, null) : after.error;
        onClose(draft.title.trim());
      },
    );

  // The explicit "save" shows its problems (with the summary); an autosave's show at the fields only.
  const shown = form.errors.summary !== null || Object.keys(form.errors.fields).length > 0 ? form.errors.fields : failedFields(autosave.status);

  return (
    <>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix={idPrefix} />
      <div
        className="autosaved"
        onBlur={(event) => {
          if (leavingEditor(event)) void autosave.flush();
        }}
      >
        <Form idPrefix={idPrefix} onSubmit={save} className="practice-form">
          <TextField name="title" label={labels.title} value={draft.title} onChange={update('title')} errors={shown} maxLength={300} required />
          <TextAreaField name="description" label={labels.description} hint={t('practice.hints.description')} value={draft.description} onChange={update('description')} errors={shown} rows={6} required />
          <TextAreaField name="recipientUnits" label={labels.recipientUnits} hint={t('practice.hints.recipientUnits')} value={draft.units} onChange={update('units')} errors={shown} rows={3} markOptional />
          <CheckboxGroup
            name="categoryIds"
            legend={labels.categoryIds}
            hint={t('practice.hints.categories')}
            options={categories.map((category) => ({ value: category.id, label: translatedName(category, i18n.language) }))}
            value={draft.categoryIds}
            onChange={update('categoryIds')}
            errors={shown}
          />
          <TextField name="startedOn" type="date" label={labels.startedOn} value={draft.startedOn} onChange={update('startedOn')} errors={shown} markOptional className="input--short" />
          <TextAreaField name="links" label={labels.links} hint={t('practice.hints.links')} value={draft.links} onChange={update('links')} errors={shown} rows={2} markOptional spellCheck={false} />
          <SaveStatusLine status={autosave.status} id={`${idPrefix}-save-status`} incomplete={t('autosave.practiceIncomplete')} />
          <div className="actions">
            <SubmitButton busy={form.busy}>{practice ? t('practice.saveAndClose') : t('practice.add')}</SubmitButton>
            {onCancel && !created && (
              <button type="button" className="button button--secondary" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </Form>
      </div>
    </>
  );
}
