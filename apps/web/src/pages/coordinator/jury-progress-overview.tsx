// The jury's progress on the coordinator's overview, from scoring on (GET
// /api/editions/:id/jury-progress): per juror, how many of the practices on their ballot they have
// scored and when they last scored. Never the scores themselves: those stay hidden until scoring closes.
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';

export function JuryProgressOverview({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const progress = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/jury-progress', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <section className="section" aria-labelledby="jury-overview-title">
      <h2 id="jury-overview-title">{t('jury.overviewTitle')}</h2>
      <Loaded query={progress} what={t('jury.progressWhat')}>
        {(jurors) =>
          jurors.length === 0 ? (
            <p>{t('jury.noJurors')}</p>
          ) : (
            <>
              <p className="meta">{t('jury.overviewLead')}</p>
              <ul className="plain-list jury-overview" data-testid="jury-progress">
                {jurors.map((juror) => (
                  <li key={juror.jurorId} className="jury-overview__juror">
                    <span className="jury-overview__name">{juror.name}</span>
                    <span className="meter">
                      <progress max={Math.max(1, juror.total)} value={juror.scored} aria-label={t('jury.progressOf', { name: juror.name })} />
                      <span>{t('jury.scoredOf', { scored: format.number(juror.scored), count: juror.total })}</span>
                    </span>
                    <span className="meta">{juror.lastScoredAt ? t('jury.lastScored', { when: format.dateTime(juror.lastScoredAt) }) : t('jury.noScoreYet')}</span>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
