// Awards (distinctions) of the edition, recorded during the deliberation: to a city and often a named
// unit of it, in one or more categories, for eligible practices of that city, with a citation. Then
// the jury's comments and the deliberation notes. Finalising is the move to stage decided (overview).
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AwardView, CategoryView, CreateAwardDto, PracticeView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { RemoveDialog } from '../../components/dialog';
import { CheckboxGroup, ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { isAtOrAfter, stageLabel } from '../../i18n/labels';
import { translatedName } from '../../i18n/names';
import { AwardVotePanel } from '../shared/award-vote';
import { AwardNotes, AwardSummary, CommentsSection, NotesSection } from '../shared/deliberation';
import { PracticeThreadsSection, type ThreadPractice } from '../shared/practice-thread';
import { useEdition } from './edition-layout';

export function AwardsPage() {
  const { t } = useTranslation();
  const { edition, categories, reload: reloadEdition } = useEdition();
  const editing = edition.stage === 'deliberation';
  const data = useApiQuery(
    async (signal) => {
      const [awards, eligible] = await Promise.all([
        unwrap(client.GET('/api/editions/{id}/awards', { params: { path: { id: edition.id } }, signal })),
        editing
          ? unwrap(client.GET('/api/editions/{id}/practices', { params: { path: { id: edition.id }, query: { status: 'eligible', limit: 200 } }, signal }))
          : Promise.resolve({ items: [] as PracticeView[], total: 0 }),
      ]);
      return { awards, eligible: eligible.items };
    },
    [edition.id, editing],
  );
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    data.reload();
    reloadEdition();
  };
  return (
    <>
      <section className="section" aria-labelledby="awards-editor-title">
        <h2 id="awards-editor-title">{t('awardsEditor.title')}</h2>
        <p>
          {editing
            ? t('awardsEditor.lead')
            : isAtOrAfter(edition.stage, 'decided')
              ? t('awardsEditor.locked', { stage: stageLabel(t, edition.stage) })
              : t('awardsEditor.notYet')}
        </p>
        {editing && (
          <p>
            <Link to={`/coordinator/editions/${edition.id}/results`}>{t('awardsEditor.seeResults')}</Link>
          </p>
        )}
        {message && (
          <Alert kind="success" live>
            <p>{message}</p>
          </Alert>
        )}
        <Loaded query={data} what={t('awards.what')}>
          {({ awards, eligible }) => (
            <>
              {awards.length === 0 ? (
                <p>{t('deliberation.noAwards')}</p>
              ) : (
                <ul className="plain-list">
                  {awards.map((award) => (
                    <li key={award.id}>
                      <AwardItem award={award} editing={editing} categories={categories} eligible={eligible} onChanged={changed} />
                    </li>
                  ))}
                </ul>
              )}
              {editing &&
                (adding ? (
                  <div className="card card--form">
                    <h3 className="card__title">{t('awardsEditor.add')}</h3>
                    <AwardForm
                      idPrefix="award-new"
                      categories={categories}
                      eligible={eligible}
                      onCancel={() => setAdding(false)}
                      onSave={async (body) => {
                        await unwrap(client.POST('/api/editions/{id}/awards', { params: { path: { id: edition.id } }, body }));
                        setAdding(false);
                        changed(t('awardsEditor.added'));
                      }}
                    />
                  </div>
                ) : (
                  <div className="actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setMessage(null);
                        setAdding(true);
                      }}
                    >
                      {t('awardsEditor.add')}
                    </button>
                  </div>
                ))}
              {editing && awards.length > 0 && (
                <p>
                  <Link to={`/coordinator/editions/${edition.id}`}>{t('awardsEditor.finaliseHint')}</Link>
                </p>
              )}
            </>
          )}
        </Loaded>
      </section>
      {isAtOrAfter(edition.stage, 'juryScoring') && (
        <>
          <CommentsSection editionId={edition.id} />
          {isAtOrAfter(edition.stage, 'deliberation') ? (
            <JuryPractices editionId={edition.id}>
              {(practices) => (
                <>
                  <PracticeThreadsSection practices={practices} />
                  <NotesSection editionId={edition.id} canWrite={editing} practices={practices} />
                </>
              )}
            </JuryPractices>
          ) : (
            <NotesSection editionId={edition.id} canWrite={editing} />
          )}
        </>
      )}
    </>
  );
}

function AwardItem({ award, editing, categories, eligible, onChanged }: { award: AwardView; editing: boolean; categories: CategoryView[]; eligible: PracticeView[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [edit, setEdit] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useAction();
  const title = award.recipientUnit ?? t('awards.cityGovernment', { city: award.city.name });
  if (edit) {
    return (
      <div className="card card--form">
        <h3 className="card__title">{t('awardsEditor.editTitle', { title })}</h3>
        <AwardForm
          idPrefix={`award-${award.id}`}
          award={award}
          categories={categories}
          eligible={eligible}
          onCancel={() => setEdit(false)}
          onSave={async (body) => {
            const { cityId: _cityId, ...changes } = body;
            await unwrap(client.PATCH('/api/awards/{id}', { params: { path: { id: award.id } }, body: { ...changes, recipientUnit: body.recipientUnit ?? '', citation: body.citation ?? '' } }));
            setEdit(false);
            onChanged(t('awardsEditor.saved'));
          }}
        />
      </div>
    );
  }
  return (
    <AwardSummary award={award}>
      {editing && (
        <div className="actions">
          <button type="button" className="button button--small button--secondary" onClick={() => setEdit(true)}>
            {t('common.edit')}
            <span className="visually-hidden"> {title}</span>
          </button>
          <button type="button" className="button button--small button--danger-quiet" onClick={() => setConfirming(true)}>
            {t('common.remove')}
            <span className="visually-hidden"> {title}</span>
          </button>
        </div>
      )}
      <RemoveDialog
        open={confirming}
        title={t('awardsEditor.removeTitle')}
        action={remove}
        onClose={() => setConfirming(false)}
        remove={async () => {
          await unwrap(client.DELETE('/api/awards/{id}', { params: { path: { id: award.id } } }));
        }}
        onRemoved={() => {
          onChanged(t('awardsEditor.removed'));
        }}
      >
        <p>{t('awardsEditor.removeBody', { title })}</p>
      </RemoveDialog>
      <ActionError error={confirming ? null : remove.error} />
      <AwardNotes editionId={award.editionId} awardId={award.id} />
      <AwardVotePanel awardId={award.id} coordinator />
    </AwardSummary>
  );
}

interface AwardFormProps {
  idPrefix: string;
  award?: AwardView;
  categories: CategoryView[];
  eligible: PracticeView[];
  onSave: (body: CreateAwardDto) => Promise<void>;
  onCancel: () => void;
}

function AwardForm({ idPrefix, award, categories, eligible, onSave, onCancel }: AwardFormProps) {
  const { t, i18n } = useTranslation();
  const form = useApiForm();
  const cities = [...new Map(eligible.map((practice) => [practice.cityId, practice.cityName])).entries()].sort(([, a], [, b]) => a.localeCompare(b, i18n.language));
  const [cityId, setCityId] = useState(award?.city.id ?? (cities.length === 1 ? cities[0][0] : ''));
  const [recipientUnit, setRecipientUnit] = useState(award?.recipientUnit ?? '');
  const [categoryIds, setCategoryIds] = useState<string[]>(award?.categories.map((c) => c.id) ?? []);
  const [practiceIds, setPracticeIds] = useState<string[]>(award?.practices.map((p) => p.id) ?? []);
  const [citation, setCitation] = useState(award?.citation ?? '');
  const practices = eligible.filter((practice) => practice.cityId === cityId);
  const units = [...new Set(practices.flatMap((practice) => practice.recipientUnits))];
  const labels = {
    cityId: t('awardsEditor.fields.city'),
    recipientUnit: t('awardsEditor.fields.recipientUnit'),
    categoryIds: t('awardsEditor.fields.categories'),
    practiceIds: t('awardsEditor.fields.practices'),
    citation: t('awardsEditor.fields.citation'),
  };
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!cityId) problems.cityId = [t('setup.validation.city')];
    if (categoryIds.length === 0) problems.categoryIds = [t('practice.validation.categories')];
    if (practiceIds.length === 0) problems.practiceIds = [t('awardsEditor.validation.practices')];
    return problems;
  };
  const listId = `${idPrefix}-units`;
  return (
    <>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix={idPrefix} />
      <Form
        idPrefix={idPrefix}
        onSubmit={() =>
          void form.submit(check, () =>
            onSave({
              cityId,
              categoryIds,
              practiceIds,
              ...(recipientUnit.trim() ? { recipientUnit: recipientUnit.trim() } : {}),
              ...(citation.trim() ? { citation: citation.trim() } : {}),
            }),
          )
        }
      >
        {award ? (
          <p>
            <span className="label">{labels.cityId}:</span> {award.city.name}
          </p>
        ) : (
          <SelectField
            name="cityId"
            label={labels.cityId}
            hint={t('awardsEditor.hints.city')}
            value={cityId}
            onChange={(value) => {
              setCityId(value);
              setPracticeIds([]);
            }}
            options={[{ value: '', label: t('setup.chooseCity') }, ...cities.map(([id, name]) => ({ value: id, label: name }))]}
            errors={form.errors.fields}
          />
        )}
        <TextField name="recipientUnit" label={labels.recipientUnit} hint={t('awardsEditor.hints.recipientUnit')} value={recipientUnit} onChange={setRecipientUnit} errors={form.errors.fields} markOptional list={listId} />
        <datalist id={listId}>
          {units.map((unit) => (
            <option key={unit} value={unit} />
          ))}
        </datalist>
        <CheckboxGroup
          name="practiceIds"
          legend={labels.practiceIds}
          hint={cityId ? t('awardsEditor.hints.practices') : t('awardsEditor.hints.practicesNoCity')}
          options={practices.map((practice) => ({ value: practice.id, label: practice.title }))}
          value={practiceIds}
          onChange={setPracticeIds}
          errors={form.errors.fields}
        />
        <CheckboxGroup
          name="categoryIds"
          legend={labels.categoryIds}
          options={categories.map((category) => ({ value: category.id, label: translatedName(category, i18n.language) }))}
          value={categoryIds}
          onChange={setCategoryIds}
          errors={form.errors.fields}
        />
        <TextAreaField name="citation" label={labels.citation} hint={t('awardsEditor.hints.citation')} value={citation} onChange={setCitation} errors={form.errors.fields} markOptional rows={3} />
        <div className="actions">
          <SubmitButton busy={form.busy}>{award ? t('awardsEditor.save') : t('awardsEditor.record')}</SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </>
  );
}

const JURY_STATUSES: readonly PracticeView['status'][] = ['eligible', 'distinguished', 'notDistinguished'];

/** The practices before the jury (those with a deliberation thread). */
function JuryPractices({ editionId, children }: { editionId: string; children: (practices: ThreadPractice[]) => ReactNode }) {
  const { t } = useTranslation();
  const practices = useApiQuery(
    (signal) => unwrap(client.GET('/api/editions/{id}/practices', { params: { path: { id: editionId }, query: { limit: 200 } }, signal })),
    [editionId],
  );
  return (
    <Loaded query={practices} what={t('thread.practicesWhat')}>
      {(page) => children(page.items.filter((practice) => JURY_STATUSES.includes(practice.status)).map((practice) => ({ id: practice.id, title: practice.title, cityName: practice.cityName })))}
    </Loaded>
  );
}
