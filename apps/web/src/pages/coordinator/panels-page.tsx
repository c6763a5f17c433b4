// Panels and practice assignment (optional): the coordinator makes panels of the edition's jurors,
// assigns practices to panels or jurors in a table, or asks for a balanced proposal and applies it.
// Without any assignment every juror scores every eligible practice outside their conflicts.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AssignmentsView, PanelView } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { CheckboxGroup, Form, RadioGroup, SubmitButton, TextField } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { useEdition } from './edition-layout';

type Draft = Record<string, { panelIds: string[]; jurorIds: string[] }>;

const savedKey = (view: AssignmentsView) => view.items.map((item) => `${item.practiceId}:${item.panelIds.join(',')}:${item.jurorIds.join(',')}`).join('|');

const draftOf = (view: AssignmentsView): Draft => Object.fromEntries(view.items.map((item) => [item.practiceId, { panelIds: item.panelIds, jurorIds: item.jurorIds }]));

export function PanelsPage() {
  const { t } = useTranslation();
  const { edition } = useEdition();
  const data = useApiQuery(
    async (signal) => {
      const path = { params: { path: { id: edition.id } }, signal };
      const [panels, assignments] = await Promise.all([unwrap(client.GET('/api/editions/{id}/panels', path)), unwrap(client.GET('/api/editions/{id}/assignments', path))]);
      return { panels, assignments };
    },
    [edition.id],
  );
  return (
    <section className="section" aria-labelledby="panels-title">
      <h2 id="panels-title">{t('panels.title')}</h2>
      <p>{t('panels.lead')}</p>
      <Loaded query={data} what={t('panels.what')}>
        {({ panels, assignments }) => (
          <>
            {!assignments.editable && <Alert kind="info">{t('panels.locked')}</Alert>}
            <PanelsEditor editionId={edition.id} panels={panels} assignments={assignments} onChanged={data.reload} />
            {/* Keyed by the saved assignment: the table's draft starts again from it after each save. */}
            <AssignmentEditor key={savedKey(assignments)} editionId={edition.id} panels={panels} assignments={assignments} onChanged={data.reload} />
          </>
        )}
      </Loaded>
    </section>
  );
}

interface EditorProps {
  editionId: string;
  panels: PanelView[];
  assignments: AssignmentsView;
  onChanged: () => void;
}

function PanelsEditor({ editionId, panels, assignments, onChanged }: EditorProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const create = useAction();
  const jurors = assignments.loads;
  return (
    <section className="section" aria-labelledby="panels-list-title">
      <h3 id="panels-list-title">{t('panels.panelsTitle')}</h3>
      {panels.length === 0 && <p>{t('panels.noPanels')}</p>}
      <ul className="plain-list">
        {panels.map((panel) => (
          <li key={panel.id}>
            <PanelCard key={panel.members.map((m) => m.jurorId).join()} editionId={editionId} panel={panel} jurors={jurors} editable={assignments.editable} onChanged={onChanged} />
          </li>
        ))}
      </ul>
      {assignments.editable && (
        <Form
          label={t('panels.create')}
          idPrefix="panel-new"
          onSubmit={async () => {
            const ok = await create.run(async () => {
              await unwrap(client.POST('/api/editions/{id}/panels', { params: { path: { id: editionId } }, body: { name } }));
            });
            if (ok) {
              setName('');
              onChanged();
            }
          }}
        >
          <TextField name="panelName" label={t('panels.name')} value={name} onChange={setName} required maxLength={120} />
          <SubmitButton busy={create.busy}>{t('panels.create')}</SubmitButton>
          <ActionError error={create.error} />
        </Form>
      )}
    </section>
  );
}

function PanelCard({ editionId, panel, jurors, editable, onChanged }: { editionId: string; panel: PanelView; jurors: AssignmentsView['loads']; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState(panel.members.map((m) => m.jurorId));
  const save = useAction();
  const remove = useAction();
  const path = { params: { path: { id: editionId, panelId: panel.id } } };
  return (
    <article className="card" aria-labelledby={`panel-${panel.id}`}>
      <h4 className="card__title" id={`panel-${panel.id}`}>
        {panel.name}
      </h4>
      <p className="meta">{t('panels.memberCount', { count: panel.members.length })}</p>
      {editable ? (
        <>
          <CheckboxGroup
            name={`members-${panel.id}`}
            legend={t('panels.members', { panel: panel.name })}
            options={jurors.map((juror) => ({ value: juror.jurorId, label: juror.name }))}
            value={members}
            onChange={setMembers}
          />
          <p className="actions">
            <button type="button" className="button button--secondary" disabled={save.busy} onClick={() => void save.run(async () => {
              await unwrap(client.PUT('/api/editions/{id}/panels/{panelId}/members', { ...path, body: { jurorIds: members } }));
              onChanged();
            })}>
              {t('panels.saveMembers')}
              <span className="visually-hidden"> {panel.name}</span>
            </button>
            <button type="button" className="button button--danger-quiet" disabled={remove.busy} onClick={() => void remove.run(async () => {
              await unwrap(client.DELETE('/api/editions/{id}/panels/{panelId}', path));
              onChanged();
            })}>
              {t('panels.delete')}
              <span className="visually-hidden"> {panel.name}</span>
            </button>
          </p>
          <ActionError error={save.error ?? remove.error} />
        </>
      ) : (
        <p>{panel.members.map((m) => m.name).join(', ')}</p>
      )}
    </article>
  );
}

function AssignmentEditor({ editionId, panels, assignments, onChanged }: EditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(assignments));
  const [mode, setMode] = useState<'jurors' | 'panels'>('jurors');
  const [perPractice, setPerPractice] = useState('3');
  const [proposed, setProposed] = useState<string | null>(null);
  const suggest = useAction();
  const save = useAction();
  const toggle = (practiceId: string, kind: 'panelIds' | 'jurorIds', id: string, on: boolean) =>
    setDraft((old) => {
      const entry = old[practiceId] ?? { panelIds: [], jurorIds: [] };
      return { ...old, [practiceId]: { ...entry, [kind]: on ? [...entry[kind], id] : entry[kind].filter((x) => x !== id) } };
    });
  const saveItems = async (items: { practiceId: string; panelIds: string[]; jurorIds: string[] }[]) => {
    const ok = await save.run(async () => {
      await unwrap(client.PUT('/api/editions/{id}/assignments', { params: { path: { id: editionId } }, body: { items } }));
    });
    if (ok) {
      setProposed(null);
      onChanged();
    }
  };
  const jurors = assignments.loads;
  const itemsOfDraft = () => Object.entries(draft).map(([practiceId, d]) => ({ practiceId, ...d })).filter((i) => i.panelIds.length + i.jurorIds.length > 0);
  return (
    <section className="section" aria-labelledby="assignment-title">
      <h3 id="assignment-title">{t('panels.assignmentTitle')}</h3>
      <p role="status">{assignments.assigns ? t('panels.assigns') : t('panels.default')}</p>
      {assignments.editable && (
        <Form
          label={t('panels.suggest')}
          idPrefix="suggest"
          onSubmit={async () => {
            await suggest.run(async () => {
              const proposal = await unwrap(
                client.POST('/api/editions/{id}/assignments/suggestion', { params: { path: { id: editionId } }, body: { mode, jurorsPerPractice: Number(perPractice) || 1 } }),
              );
              const next: Draft = {};
              for (const item of assignments.items) next[item.practiceId] = { panelIds: [], jurorIds: [] };
              for (const item of proposal.items) next[item.practiceId] = { panelIds: item.panelIds, jurorIds: item.jurorIds };
              setDraft(next);
              setProposed(proposal.unassignable.length ? t('panels.proposed', { count: proposal.unassignable.length }) : t('panels.proposedAll'));
            });
          }}
        >
          <RadioGroup
            name="suggestMode"
            legend={t('panels.mode')}
            inline
            options={[
              { value: 'jurors', label: t('panels.modeJurors') },
              { value: 'panels', label: t('panels.modePanels') },
            ]}
            value={mode}
            onChange={(value) => setMode(value as 'jurors' | 'panels')}
          />
          {mode === 'jurors' && <TextField name="perPractice" label={t('panels.perPractice')} type="number" min={1} max={50} value={perPractice} onChange={setPerPractice} />}
          <SubmitButton busy={suggest.busy} secondary>{t('panels.suggest')}</SubmitButton>
          <ActionError error={suggest.error} />
        </Form>
      )}
      {proposed && <Alert kind="info" live>{proposed}</Alert>}
      <div className="table-wrap" role="region" aria-labelledby="assignment-caption" tabIndex={0}>
        <table className="table table--compact">
          <caption id="assignment-caption">{t('panels.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('panels.practice')}</th>
              {panels.map((panel) => <th scope="col" key={panel.id}>{panel.name}</th>)}
              {jurors.map((juror) => <th scope="col" key={juror.jurorId}>{juror.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {assignments.items.map((item) => {
              const entry = draft[item.practiceId] ?? { panelIds: [], jurorIds: [] };
              return (
                <tr key={item.practiceId}>
                  <th scope="row">{item.title} <span className="meta-inline">{item.cityName}</span></th>
                  {panels.map((panel) => (
                    <td key={panel.id}>
                      <input type="checkbox" aria-label={t('panels.assignTo', { practice: item.title, to: panel.name })} checked={entry.panelIds.includes(panel.id)} disabled={!assignments.editable}
                        onChange={(event) => toggle(item.practiceId, 'panelIds', panel.id, event.target.checked)} />
                    </td>
                  ))}
                  {jurors.map((juror) => {
                    const conflicted = item.conflictedJurorIds.includes(juror.jurorId);
                    return (
                      <td key={juror.jurorId}>
                        {conflicted ? (
                          <span className="meta-inline">{t('panels.conflict')}</span>
                        ) : (
                          <input type="checkbox" aria-label={t('panels.assignTo', { practice: item.title, to: juror.name })} checked={entry.jurorIds.includes(juror.jurorId)} disabled={!assignments.editable}
                            onChange={(event) => toggle(item.practiceId, 'jurorIds', juror.jurorId, event.target.checked)} />
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h4>{t('panels.loads')}</h4>
      <ul className="plain-list plain-list--tight">
        {jurors.map((juror) => <li key={juror.jurorId}>{t('panels.load', { name: juror.name, count: juror.practices })}</li>)}
      </ul>
      {assignments.editable && (
        <p className="actions">
          <button type="button" className="button" disabled={save.busy} onClick={() => void saveItems(itemsOfDraft())}>{t('panels.save')}</button>
          {assignments.assigns && (
            <button type="button" className="button button--secondary" disabled={save.busy} onClick={() => void saveItems([])}>{t('panels.clear')}</button>
          )}
        </p>
      )}
      <ActionError error={save.error} />
    </section>
  );
}
