// For jurors once scoring has closed: the results, everyone's comments, the deliberation notes (added
// while the edition is in stage deliberation) and the awards recorded so far.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Alert } from '../../components/alert';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { isAtOrAfter, stageLabel } from '../../i18n/labels';
import { AwardsList, CommentsSection, NotesSection } from '../shared/deliberation';
import { PracticeThreadsSection } from '../shared/practice-thread';
import { ResultsPanel } from '../shared/results-view';

export function JurorDeliberationPage() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const data = useApiQuery(
    async (signal) => {
      const [edition, categories] = await Promise.all([
        unwrap(client.GET('/api/editions/{id}', { params: { path: { id: editionId } }, signal })),
        unwrap(client.GET('/api/editions/{id}/categories', { params: { path: { id: editionId } }, signal })),
      ]);
      // The threads are on the practices of the ballot (it leaves out those the juror is conflicted with: hidden from them), from deliberation on.
      const ballot = isAtOrAfter(edition.stage, 'deliberation')
        ? await unwrap(client.GET('/api/editions/{id}/ballot', { params: { path: { id: editionId } }, signal }))
        : { items: [], recusedPracticeIds: [] as string[] };
      const practices = ballot.items
        .filter((item) => !ballot.recusedPracticeIds.includes(item.practice.id))
        .map(({ practice }) => ({ id: practice.id, title: practice.title, cityName: practice.cityName }));
      return { edition, categories, practices };
    },
    [editionId],
  );
  return (
    <Page
      title={t('deliberation.title')}
      lead={t('deliberation.jurorLead')}
      wide
      before={
        <p className="back-link">
          <Link to="/juror">{t('juror.title')}</Link>
        </p>
      }
    >
      <Loaded query={data} what={t('deliberation.what')}>
        {({ edition, categories, practices }) =>
          !isAtOrAfter(edition.stage, 'deliberation') ? (
            <Alert kind="info">
              <p>{t('deliberation.notYet', { stage: stageLabel(t, edition.stage) })}</p>
            </Alert>
          ) : (
            <>
              <p className="meta">{t('editions.itemTitle', { year: edition.year, name: edition.name })}</p>
              <ResultsPanel editionId={editionId} scaleMax={edition.scoring.scaleMax} categories={categories} />
              <CommentsSection editionId={editionId} />
              <PracticeThreadsSection practices={practices} />
              <NotesSection editionId={editionId} canWrite={edition.stage === 'deliberation'} practices={practices} />
              <AwardsList editionId={editionId} />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
