// Setting an edition up: its categories (with names in English and Ukrainian; edited, reordered or
// removed until jury scoring starts), one expert per city, and the jurors, each optionally tied to a
// city (a conflict of interest on its practices).
// Assignments can be removed only before the stage that uses them (the API says so with a 409).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AssignmentView, CategoryView, CityView, EditionView, UserDto } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { RemoveDialog } from '../../components/dialog';
import { Alert } from '../../components/alert';
import { checks, ErrorSummary, Form, SubmitButton, TextAreaField, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { isAtOrAfter } from '../../i18n/labels';
import { translatedName } from '../../i18n/names';
import { useEdition } from './edition-layout';
import { AssignForm } from './assign-form';
import { ExtendDeadline } from './corrections';
import { loadPeople } from './people-data';
import { PeopleImport } from './people-import';
import { cardTable } from '../../components/card-table';

export function EditionSetupPage() {
  const { t } = useTranslation();
  const { edition } = useEdition();
  const people = useApiQuery((signal) => loadPeople(signal), []);
  // An import changes both lists (and the people to choose from): they load again.
  const [imports, setImports] = useState(0);
  return (
    <>
      <CategoriesSection />
      <Loaded query={people} what={t('setup.peopleWhat')}>
        {({ users, cities }) => (
          <>
            <AssignmentsSection key={`experts-${imports}`} kind="experts" edition={edition} users={users} cities={cities} />
            <AssignmentsSection key={`jurors-${imports}`} kind="jurors" edition={edition} users={users} cities={cities} />
          </>
        )}
      </Loaded>
      {!isAtOrAfter(edition.stage, 'deliberation') && (
        <PeopleImport
          editionId={edition.id}
          onImported={() => {
            setImports((count) => count + 1);
            people.reload();
          }}
        />
      )}
    </>
  );
}

function CategoriesSection() {
  const { t, i18n } = useTranslation();
  const { edition, categories, reload } = useEdition();
  const form = useApiForm();
  const [name, setName] = useState('');
  const [en, setEn] = useState('');
  const [uk, setUk] = useState('');
  const [description, setDescription] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CategoryView | null>(null);
  const move = useAction();
  const remove = useAction();
  // The API refuses changes from jury scoring on (categories_locked): jurors and results use them.
  const editable = !isAtOrAfter(edition.stage, 'juryScoring');
  const labels = { name: t('setup.categoryName'), 'translations.en': t('setup.categoryEn'), 'translations.uk': t('setup.categoryUk'), translations: t('setup.translations'), description: t('setup.categoryDescription') };
  const check = (): FieldErrors => (checks.required(name) ? {} : { name: [t('validation.required')] });
  const moveTo = (category: CategoryView, position: number) =>
    void move
      .run(async () => {
        await unwrap(client.PATCH('/api/categories/{id}', { params: { path: { id: category.id } }, body: { position } }));
      })
      .then((ok) => ok && reload());
  return (
    <section className="section" aria-labelledby="categories-title">
      <h2 id="categories-title">{t('setup.categoriesTitle', { count: categories.length })}</h2>
      {!editable && categories.length > 0 && <p className="meta">{t('setup.categoriesLockedNote')}</p>}
      {saved && (
        <Alert kind="success" live>
          <p>{t('setup.categorySaved', { name: saved })}</p>
        </Alert>
      )}
      <ActionError error={move.error} />
      {categories.length === 0 ? (
        <p>{t('setup.noCategories')}</p>
      ) : (
        <ol className="category-list">
          {categories.map((category, index) => (
            <li key={category.id}>
              <span lang="pl">{category.name}</span>
              {i18n.language !== 'pl' && translatedName(category, i18n.language) !== category.name && (
                <span className="meta-inline">{translatedName(category, i18n.language)}</span>
              )}
              {editable && (
                <span className="category-list__actions">
                  <button type="button" className="button button--small button--secondary" aria-expanded={editing === category.id} onClick={() => setEditing(editing === category.id ? null : category.id)}>
                    {t('common.edit')}
                    <span className="visually-hidden"> {category.name}</span>
                  </button>
                  <button type="button" className="button button--small button--secondary" disabled={index === 0 || move.busy} onClick={() => moveTo(category, index - 1)}>
                    {t('setup.moveUp')}
                    <span className="visually-hidden"> {category.name}</span>
                  </button>
                  <button type="button" className="button button--small button--secondary" disabled={index === categories.length - 1 || move.busy} onClick={() => moveTo(category, index + 1)}>
                    {t('setup.moveDown')}
                    <span className="visually-hidden"> {category.name}</span>
                  </button>
                  <button type="button" className="button button--small button--danger-quiet" onClick={() => setRemoving(category)}>
                    {t('common.remove')}
                    <span className="visually-hidden"> {category.name}</span>
                  </button>
                </span>
              )}
              {editable && editing === category.id && (
                <CategoryEditForm
                  category={category}
                  onCancel={() => setEditing(null)}
                  onSaved={(savedName) => {
                    setEditing(null);
                    setSaved(savedName);
                    reload();
                  }}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      <RemoveDialog
        open={removing !== null}
        title={t('setup.removeCategoryTitle')}
        action={remove}
        onClose={() => setRemoving(null)}
        remove={async () => {
          await unwrap(client.DELETE('/api/categories/{id}', { params: { path: { id: removing?.id ?? '' } } }));
        }}
        onRemoved={() => {
          reload();
        }}
      >
        <p>{t('setup.removeCategoryBody', { name: removing?.name ?? '' })}</p>
      </RemoveDialog>
      {editable && (
        <details className="disclosure">
          <summary>{t('setup.addCategory')}</summary>
          <ErrorSummary errors={form.errors} labels={labels} idPrefix="category" />
          {added && (
            <Alert kind="success" live>
              <p>{t('setup.categoryAdded', { name: added })}</p>
            </Alert>
          )}
          <Form
            idPrefix="category"
            className="narrow"
            onSubmit={() => {
              setAdded(null);
              void form.submit(check, async () => {
                await unwrap(
                  client.POST('/api/editions/{id}/categories', {
                    params: { path: { id: edition.id } },
                    body: { name: name.trim(), translations: withTranslations({}, en, uk), ...(description.trim() ? { description: description.trim() } : {}) },
                  }),
                );
                setAdded(name.trim());
                setName('');
                setEn('');
                setUk('');
                setDescription('');
                reload();
              });
            }}
          >
            <TextField name="name" label={labels.name} hint={t('setup.categoryNameHint')} value={name} onChange={setName} errors={form.errors.fields} lang="pl" />
            <TextField name="translations.en" label={labels['translations.en']} value={en} onChange={setEn} errors={form.errors.fields} markOptional lang="en" />
            <TextField name="translations.uk" label={labels['translations.uk']} value={uk} onChange={setUk} errors={form.errors.fields} markOptional lang="uk" />
            <TextAreaField name="description" label={labels.description} value={description} onChange={setDescription} errors={form.errors.fields} markOptional rows={3} />
            <SubmitButton busy={form.busy} secondary>
              {t('setup.addCategory')}
            </SubmitButton>
          </Form>
        </details>
      )}
    </section>
  );
}

/** The English and Ukrainian names set on top of the others (an empty field removes its language). */
function withTranslations(existing: Record<string, string>, en: string, uk: string): Record<string, string> {
  const translations = { ...existing };
  for (const [locale, value] of [['en', en], ['uk', uk]] as const) {
    if (value.trim()) translations[locale] = value.trim();
    else delete translations[locale];
  }
  return translations;
}

function CategoryEditForm({ category, onCancel, onSaved }: { category: CategoryView; onCancel: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [name, setName] = useState(category.name);
  const [en, setEn] = useState(category.translations.en ?? '');
  const [uk, setUk] = useState(category.translations.uk ?? '');
  const [description, setDescription] = useState(category.description ?? '');
  const idPrefix = `category-${category.id}`;
  const labels = { name: t('setup.categoryName'), 'translations.en': t('setup.categoryEn'), 'translations.uk': t('setup.categoryUk'), translations: t('setup.translations'), description: t('setup.categoryDescription') };
  const check = (): FieldErrors => (checks.required(name) ? {} : { name: [t('validation.required')] });
  return (
    <div className="category-edit">
      <ErrorSummary errors={form.errors} labels={labels} idPrefix={idPrefix} />
      <Form
        idPrefix={idPrefix}
        className="narrow"
        label={t('setup.editCategoryTitle', { name: category.name })}
        onSubmit={() =>
          void form.submit(check, async () => {
            await unwrap(
              client.PATCH('/api/categories/{id}', {
                params: { path: { id: category.id } },
                body: { name: name.trim(), translations: withTranslations(category.translations, en, uk), description: description.trim() || null },
              }),
            );
            onSaved(name.trim());
          })
        }
      >
        <TextField name="name" label={labels.name} value={name} onChange={setName} errors={form.errors.fields} lang="pl" />
        <TextField name="translations.en" label={labels['translations.en']} value={en} onChange={setEn} errors={form.errors.fields} markOptional lang="en" />
        <TextField name="translations.uk" label={labels['translations.uk']} value={uk} onChange={setUk} errors={form.errors.fields} markOptional lang="uk" />
        <TextAreaField name="description" label={labels.description} value={description} onChange={setDescription} errors={form.errors.fields} markOptional rows={3} />
        <div className="actions">
          <SubmitButton busy={form.busy}>{t('setup.saveCategory')}</SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}

function AssignmentsSection({ kind, edition, users, cities }: { kind: 'experts' | 'jurors'; edition: EditionView; users: UserDto[]; cities: CityView[] }) {
  const { t } = useTranslation();
  const path = kind === 'experts' ? '/api/editions/{id}/experts' : '/api/editions/{id}/jurors';
  const list = useApiQuery((signal) => unwrap(client.GET(path, { params: { path: { id: edition.id } }, signal })), [edition.id, kind]);
  const remove = useAction();
  const [removing, setRemoving] = useState<AssignmentView | null>(null);
  // Experts may be removed in draft only; jurors before jury scoring.
  const removable = kind === 'experts' ? edition.stage === 'draft' : !isAtOrAfter(edition.stage, 'juryScoring');
  // A personal deadline can be extended while its stage lasts: reports until scoring, scoring until deliberation.
  const extendable = edition.stage !== 'draft' && !isAtOrAfter(edition.stage, kind === 'experts' ? 'juryScoring' : 'deliberation');
  const titleId = `${kind}-title`;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`setup.${kind}.title`)}</h2>
      <p>{t(`setup.${kind}.lead`)}</p>
      <Loaded query={list} what={t(`setup.${kind}.title`)}>
        {(items) =>
          items.length === 0 ? (
            <p>{t(`setup.${kind}.none`)}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby={titleId} tabIndex={0}>
              <table ref={cardTable} className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('setup.person')}</th>
                    <th scope="col">{t('setup.city')}</th>
                    {kind === 'jurors' && <th scope="col">{t('setup.countryOfOrigin')}</th>}
                    {kind === 'jurors' && <th scope="col">{t('setup.languages')}</th>}
                    {extendable && <th scope="col">{t('corrections.extend.column')}</th>}
                    {removable && (
                      <th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {items.map((assignment: AssignmentView) => (
                    <tr key={assignment.id}>
                      <th scope="row">
                        {assignment.name}
                        <span className="meta-inline">{assignment.email}</span>
                      </th>
                      <td>{assignment.cityName ?? t('setup.noCity')}</td>
                      {kind === 'jurors' && <td>{assignment.countryOfOrigin ?? ''}</td>}
                      {kind === 'jurors' && <td>{(assignment.languages ?? []).join(', ')}</td>}
                      {extendable && (
                        <td>
                          <ExtendDeadline kind={kind} editionId={edition.id} assignment={assignment} onExtended={list.reload} />
                        </td>
                      )}
                      {removable && (
                        <td className="table__actions">
                          <button type="button" className="button button--small button--danger-quiet" onClick={() => setRemoving(assignment)}>
                            {t('common.remove')}
                            <span className="visually-hidden"> {assignment.name}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <RemoveDialog
        open={removing !== null}
        title={t(`setup.${kind}.removeTitle`)}
        action={remove}
        onClose={() => setRemoving(null)}
        remove={async () => {
          const removePath = kind === 'experts' ? '/api/editions/{id}/experts/{assignmentId}' : '/api/editions/{id}/jurors/{assignmentId}';
          await unwrap(client.DELETE(removePath, { params: { path: { id: edition.id, assignmentId: removing?.id ?? '' } } }));
        }}
        onRemoved={() => {
          list.reload();
        }}
      >
        <p>{t('setup.removeBody', { name: removing?.name ?? '', city: removing?.cityName ?? t('setup.noCity') })}</p>
      </RemoveDialog>
      <AssignForm kind={kind} editionId={edition.id} users={users} cities={cities} onAssigned={list.reload} />
    </section>
  );
}
