// Adding or changing a practice of a draft report: title, description, recipient units (one per
// line), categories of the edition, start date, links. The API's field problems land next to the
// fields they name.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView, CreatePracticeDto, PracticeView } from '../../api/types';
import { CheckboxGroup, checks, ErrorSummary, Form, lines, SubmitButton, TextAreaField, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { translatedName } from '../../i18n/names';

interface PracticeFormProps {
  idPrefix: string;
  categories: CategoryView[];
  practice?: PracticeView;
  onSave: (body: CreatePracticeDto) => Promise<void>;
  onCancel?: () => void;
}

const URL_PATTERN = /^https?:\/\/[^\s]+\.[^\s]+$/i;

export function PracticeForm({ idPrefix, categories, practice, onSave, onCancel }: PracticeFormProps) {
  const { t, i18n } = useTranslation();
  const form = useApiForm();
  const [title, setTitle] = useState(practice?.title ?? '');
  const [description, setDescription] = useState(practice?.description ?? '');
  const [units, setUnits] = useState(lines.fromList(practice?.recipientUnits));
  const [categoryIds, setCategoryIds] = useState<string[]>(practice?.categories.map((c) => c.id) ?? []);
  const [startedOn, setStartedOn] = useState(practice?.startedOn ?? '');
  const [links, setLinks] = useState(lines.fromList(practice?.links));

  const labels = {
    title: t('practice.fields.title'),
    description: t('practice.fields.description'),
    recipientUnits: t('practice.fields.recipientUnits'),
    categoryIds: t('practice.fields.categories'),
    startedOn: t('practice.fields.startedOn'),
    links: t('practice.fields.links'),
  };

  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!checks.required(title)) problems.title = [t('validation.required')];
    if (!checks.required(description)) problems.description = [t('validation.required')];
    if (categoryIds.length === 0) problems.categoryIds = [t('practice.validation.categories')];
    if (lines.toList(links).some((link) => !URL_PATTERN.test(link))) problems.links = [t('practice.validation.links')];
    return problems;
  };

  const save = () =>
    void form.submit(check, async () => {
      const body: CreatePracticeDto = {
        title: title.trim(),
        description: description.trim(),
        recipientUnits: lines.toList(units),
        categoryIds,
        links: lines.toList(links),
      };
      if (startedOn) body.startedOn = startedOn;
      await onSave(body);
    });

  return (
    <>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix={idPrefix} />
      <Form idPrefix={idPrefix} onSubmit={save} className="practice-form">
        <TextField name="title" label={labels.title} value={title} onChange={setTitle} errors={form.errors.fields} maxLength={300} required />
        <TextAreaField name="description" label={labels.description} hint={t('practice.hints.description')} value={description} onChange={setDescription} errors={form.errors.fields} rows={6} required />
        <TextAreaField name="recipientUnits" label={labels.recipientUnits} hint={t('practice.hints.recipientUnits')} value={units} onChange={setUnits} errors={form.errors.fields} rows={3} markOptional />
        <CheckboxGroup
          name="categoryIds"
          legend={labels.categoryIds}
          hint={t('practice.hints.categories')}
          options={categories.map((category) => ({ value: category.id, label: translatedName(category, i18n.language) }))}
          value={categoryIds}
          onChange={setCategoryIds}
          errors={form.errors.fields}
        />
        <TextField name="startedOn" type="date" label={labels.startedOn} value={startedOn} onChange={setStartedOn} errors={form.errors.fields} markOptional className="input--short" />
        <TextAreaField name="links" label={labels.links} hint={t('practice.hints.links')} value={links} onChange={setLinks} errors={form.errors.fields} rows={2} markOptional spellCheck={false} />
        <div className="actions">
          <SubmitButton busy={form.busy}>{practice ? t('practice.saveChanges') : t('practice.add')}</SubmitButton>
          {onCancel && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </Form>
    </>
  );
}
