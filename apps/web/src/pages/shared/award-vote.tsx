// The recorded vote on an award: the coordinator opens and closes it; a juror not conflicted with the
// award records for, against or abstain while it is open; the counts and who voted what are shown
// to jurors once it is closed (the coordinator sees them all along).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AwardVote } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { Form, RadioGroup, SubmitButton } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';

const CHOICES = ['for', 'against', 'abstain'] as const;

export function AwardVotePanel({ awardId, coordinator }: { awardId: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const vote = useApiQuery((signal) => unwrap(client.GET('/api/awards/{id}/votes', { params: { path: { id: awardId } }, signal })), [awardId]);
  const action = useAction();
  const manage = (what: 'open' | 'close') =>
    void action.run(async () => {
      await unwrap(client.POST('/api/awards/{id}/votes', { params: { path: { id: awardId } }, body: { action: what } }));
      vote.reload();
    });
  return (
    <section className="award-vote" aria-labelledby={`vote-${awardId}`}>
      <h4 id={`vote-${awardId}`}>{t('vote.title')}</h4>
      <Loaded query={vote} what={t('vote.what')}>
        {(data) => (
          <>
            <p>{t(`vote.status.${data.status}`)}</p>
            {data.status !== 'none' && <p className="meta">{t('vote.cast', { count: data.cast, eligible: data.eligible })}</p>}
            {data.counts && <VoteResult vote={data} />}
            {coordinator && data.status === 'none' && (
              <button type="button" className="button button--small button--secondary" disabled={action.busy} onClick={() => manage('open')}>
                {t('vote.open')}
              </button>
            )}
            {coordinator && data.accepting && (
              <button type="button" className="button button--small button--secondary" disabled={action.busy} onClick={() => manage('close')}>
                {t('vote.close')}
              </button>
            )}
            {!coordinator && data.accepting && <CastForm awardId={awardId} mine={data.mine} onCast={vote.reload} />}
            {!coordinator && !data.accepting && data.mine && <p>{t('vote.mine', { choice: t(`vote.choice.${data.mine}`) })}</p>}
            <ActionError error={action.error} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function VoteResult({ vote }: { vote: AwardVote }) {
  const { t } = useTranslation();
  const counts = vote.counts;
  if (!counts) return null;
  return (
    <>
      <p>{t('vote.counts', { for: counts.for, against: counts.against, abstain: counts.abstain })}</p>
      {vote.votes && vote.votes.length > 0 && (
        <ul className="plain-list">
          {vote.votes.map((entry) => (
            <li key={entry.jurorId}>{t('vote.entry', { name: entry.jurorName, choice: t(`vote.choice.${entry.choice}`) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function CastForm({ awardId, mine, onCast }: { awardId: string; mine: AwardVote['mine']; onCast: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [choice, setChoice] = useState<string>(mine ?? '');
  return (
    <Form
      idPrefix={`cast-${awardId}`}
      onSubmit={() =>
        void action.run(async () => {
          if (!choice) return;
          await unwrap(client.PUT('/api/awards/{id}/votes/mine', { params: { path: { id: awardId } }, body: { choice: choice as (typeof CHOICES)[number] } }));
          onCast();
        })
      }
    >
      <RadioGroup
        name={`choice-${awardId}`}
        legend={t('vote.yourVote')}
        inline
        value={choice}
        onChange={setChoice}
        options={CHOICES.map((value) => ({ value, label: t(`vote.choice.${value}`) }))}
      />
      <SubmitButton busy={action.busy} secondary>
        {mine ? t('vote.change') : t('vote.record')}
      </SubmitButton>
      <ActionError error={action.error} />
    </Form>
  );
}
