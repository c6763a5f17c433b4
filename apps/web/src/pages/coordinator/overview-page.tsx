// An edition's overview: where it stands, the next stage with what still blocks it and what it
// would leave behind (GET /api/editions/:id/transitions: blockers and warnings), the move itself
// behind a confirmation that says what it does and shows the warnings (finalising locks the awards
// and scores; publishing makes the results public and notifies people), the stage history, and
// the settings: name, deadlines, ceremony, scoring scale.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { EditionStage, EditionView, TransitionsView, UpdateEditionDto } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { Deadline } from '../../components/countdown';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { fromWarsawInput, toWarsawInput, useFormat } from '../../i18n/format';
import { isAtOrAfter, stageLabel } from '../../i18n/labels';
import { StageSteps } from '../dashboards/stage-steps';
import { blockerText } from './blockers';
import { StepBack } from './corrections';
import { StageWarnings } from './stage-warnings';
import { useEdition } from './edition-layout';
import { JuryProgressOverview } from './jury-progress-overview';
import { TranslationCoverage } from './translation-coverage';

export function EditionOverviewPage() {
  const { t } = useTranslation();
  const { edition, reload } = useEdition();
  const transitions = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/transitions', { params: { path: { id: edition.id } }, signal })), [edition.id, edition.stage]);
  return (
    <>
      <section className="section" aria-labelledby="stage-title">
        <h2 id="stage-title">{t('coordinator.stage')}</h2>
        <StageSteps stage={edition.stage} />
        {edition.stage === 'reportsOpen' && <Deadline at={edition.reportsDueAt} kind="reports" />}
        {edition.stage === 'juryScoring' && <Deadline at={edition.scoringDueAt} kind="scoring" />}
        <Loaded query={transitions} what={t('edition.transitionsWhat')}>
          {(data) => <NextStages edition={edition} transitions={data} onMoved={reload} />}
        </Loaded>
        <StepBack edition={edition} onMoved={reload} />
      </section>
      {isAtOrAfter(edition.stage, 'juryScoring') && <JuryProgressOverview editionId={edition.id} />}
      <TranslationCoverage editionId={edition.id} />
      <Settings edition={edition} onSaved={reload} />
    </>
  );
}

/** Draft is never a next stage: the stage machine only moves forward. */
type NextStage = Exclude<EditionStage, 'draft'>;

function NextStages({ edition, transitions, onMoved }: { edition: EditionView; transitions: TransitionsView; onMoved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [target, setTarget] = useState<NextStage | null>(null);
  const move = useAction();
  const targetWarnings = transitions.next.find((option) => option.to === target)?.warnings ?? [];
  return (
    <>
      {transitions.next.length === 0 ? (
        <p>{t('edition.noNext')}</p>
      ) : (
        transitions.next.map(({ to: stage, ...option }) => ({ ...option, to: stage as NextStage })).map((option) => (
          <div key={option.to} className={option.ready ? 'next-stage next-stage--ready' : 'next-stage'}>
            <h3>{t('edition.nextStage', { stage: stageLabel(t, option.to) })}</h3>
            <p>{t(`edition.moves.${option.to}`)}</p>
            {option.ready ? (
              <p className="meta">{t('edition.ready')}</p>
            ) : (
              <>
                <p className="label">{t('edition.blockedBy')}</p>
                <ul className="blockers">
                  {option.blockerDetails.map((blocker) => (
                    <li key={blocker.code}>{blockerText(t, blocker)}</li>
                  ))}
                </ul>
              </>
            )}
            <StageWarnings warnings={option.warnings} />
            <button type="button" className="button" disabled={!option.ready} onClick={() => setTarget(option.to)}>
              {t(`edition.moveTo.${option.to}`)}
            </button>
          </div>
        ))
      )}
      <ActionError error={target ? null : move.error} />
      <ConfirmDialog
        open={target !== null}
        title={target ? t(`edition.confirm.${target}.title`) : ''}
        confirmLabel={target ? t(`edition.moveTo.${target}`) : ''}
        busy={move.busy}
        error={move.error}
        danger={target === 'decided' || target === 'published'}
        onCancel={() => {
          move.clear();
          setTarget(null);
        }}
        onConfirm={() =>
          target &&
          void move
            .run(async () => {
              await unwrap(client.POST('/api/editions/{id}/transitions', { params: { path: { id: edition.id } }, body: { to: target } }));
            })
            .then((ok) => {
              if (ok) {
                setTarget(null);
                onMoved();
              }
            })
        }
      >
        {target && <p>{t(`edition.confirm.${target}.body`, { name: edition.name })}</p>}
        {target && targetWarnings.length > 0 && (
          <>
            <StageWarnings warnings={targetWarnings} />
            <p>{t('stageWarnings.confirm')}</p>
          </>
        )}
      </ConfirmDialog>
      {transitions.history.length > 0 && (
        <details className="disclosure">
          <summary>{t('edition.history')}</summary>
          <ol className="history">
            {transitions.history.map((entry) => (
              <li key={`${entry.at}-${entry.to}`}>
                {t('edition.historyEntry', { from: stageLabel(t, entry.from), to: stageLabel(t, entry.to), when: format.dateTime(entry.at) })}
                {entry.reason && <span className="meta-inline">{t('corrections.historyReason', { reason: entry.reason })}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </>
  );
}

function Settings({ edition, onSaved }: { edition: EditionView; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [name, setName] = useState(edition.name);
  const [reportsDueAt, setReportsDueAt] = useState(toWarsawInput(edition.reportsDueAt));
  const [scoringDueAt, setScoringDueAt] = useState(toWarsawInput(edition.scoringDueAt));
  const [startsAt, setStartsAt] = useState(toWarsawInput(edition.ceremony?.startsAt));
  const [venue, setVenue] = useState(edition.ceremony?.venue ?? '');
  const [city, setCity] = useState(edition.ceremony?.city ?? '');
  const [scaleMax, setScaleMax] = useState(String(edition.scoring.scaleMax));
  const [saved, setSaved] = useState(false);
  const labels = {
    name: t('coordinator.name'),
    reportsDueAt: t('edition.settings.reportsDueAt'),
    scoringDueAt: t('edition.settings.scoringDueAt'),
    'ceremony.startsAt': t('edition.settings.ceremonyStartsAt'),
    'ceremony.venue': t('edition.settings.ceremonyVenue'),
    'ceremony.city': t('edition.settings.ceremonyCity'),
    'scoring.scaleMax': t('edition.settings.scaleMax'),
  };
  const ceremonyGiven = [startsAt, venue.trim(), city.trim()].filter(Boolean).length;
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!name.trim()) problems.name = [t('validation.required')];
    if (ceremonyGiven > 0 && ceremonyGiven < 3) {
      if (!startsAt) problems['ceremony.startsAt'] = [t('edition.validation.ceremony')];
      if (!venue.trim()) problems['ceremony.venue'] = [t('edition.validation.ceremony')];
      if (!city.trim()) problems['ceremony.city'] = [t('edition.validation.ceremony')];
    }
    return problems;
  };
  const hint = t('edition.settings.polishTime');
  const reportsLocked = isAtOrAfter(edition.stage, 'juryScoring');
  const scoringLocked = isAtOrAfter(edition.stage, 'deliberation');
  const locked = t('edition.settings.locked');
  return (
    <section className="section narrow" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('edition.settings.title')}</h2>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="settings" />
      {saved && (
        <Alert kind="success" live>
          <p>{t('edition.settings.saved')}</p>
        </Alert>
      )}
      <Form
        idPrefix="settings"
        onSubmit={() => {
          setSaved(false);
          void form.submit(check, async () => {
            // Only what changed: a deadline or the scale may be locked at this stage (409 if sent).
            const body: UpdateEditionDto = {};
            if (name.trim() !== edition.name) body.name = name.trim();
            if (reportsDueAt !== toWarsawInput(edition.reportsDueAt)) body.reportsDueAt = reportsDueAt ? fromWarsawInput(reportsDueAt) : null;
            if (scoringDueAt !== toWarsawInput(edition.scoringDueAt)) body.scoringDueAt = scoringDueAt ? fromWarsawInput(scoringDueAt) : null;
            const ceremonyChanged =
              startsAt !== toWarsawInput(edition.ceremony?.startsAt) || venue.trim() !== (edition.ceremony?.venue ?? '') || city.trim() !== (edition.ceremony?.city ?? '');
            if (ceremonyChanged) body.ceremony = ceremonyGiven === 3 ? { startsAt: fromWarsawInput(startsAt) ?? startsAt, venue: venue.trim(), city: city.trim() } : null;
            if (Number(scaleMax) !== edition.scoring.scaleMax) body.scoring = { scaleMax: Number(scaleMax) };
            if (Object.keys(body).length === 0) {
              setSaved(true);
              return;
            }
            await unwrap(client.PATCH('/api/editions/{id}', { params: { path: { id: edition.id } }, body }));
            setSaved(true);
            onSaved();
          });
        }}
      >
        <TextField name="name" label={labels.name} value={name} onChange={setName} errors={form.errors.fields} />
        <TextField
          name="reportsDueAt"
          type="datetime-local"
          label={labels.reportsDueAt}
          hint={reportsLocked ? `${hint} ${locked}` : hint}
          value={reportsDueAt}
          onChange={setReportsDueAt}
          errors={form.errors.fields}
          markOptional
          className="input--medium"
          disabled={reportsLocked}
        />
        <TextField
          name="scoringDueAt"
          type="datetime-local"
          label={labels.scoringDueAt}
          hint={scoringLocked ? `${hint} ${locked}` : hint}
          value={scoringDueAt}
          onChange={setScoringDueAt}
          errors={form.errors.fields}
          markOptional
          className="input--medium"
          disabled={scoringLocked}
        />
        <fieldset className="fieldset">
          <legend>{t('edition.settings.ceremony')}</legend>
          <TextField name="ceremony.startsAt" type="datetime-local" label={labels['ceremony.startsAt']} hint={hint} value={startsAt} onChange={setStartsAt} errors={form.errors.fields} className="input--medium" />
          <TextField name="ceremony.venue" label={labels['ceremony.venue']} value={venue} onChange={setVenue} errors={form.errors.fields} />
          <TextField name="ceremony.city" label={labels['ceremony.city']} value={city} onChange={setCity} errors={form.errors.fields} />
        </fieldset>
        <SelectField
          name="scoring.scaleMax"
          label={labels['scoring.scaleMax']}
          hint={reportsLocked ? locked : t('edition.settings.scaleHint')}
          disabled={reportsLocked}
          value={scaleMax}
          onChange={setScaleMax}
          options={[3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ value: String(n), label: String(n) }))}
          errors={form.errors.fields}
        />
        <SubmitButton busy={form.busy}>{t('edition.settings.save')}</SubmitButton>
      </Form>
    </section>
  );
}
