// The queue dashboard (Bull Board at /admin/queues) is outside the app, so a navigation there carries
// no Bearer token: the link first asks for a board session (POST /api/admin/queues/session, which
// sets the board's cookie and returns a one-minute ticket URL), then opens that URL. The board sends
// a browser without a session to QueueBoardOpenerPage, which does the same on arrival.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ActionError, useAction } from '../../components/action';
import { Page } from '../../components/page';

const BOARD_PATH = '/admin/queues';

async function openBoard(): Promise<void> {
  const session = await unwrap(client.POST('/api/admin/queues/session'));
  window.location.assign(session.url);
}

export function QueueBoardLink() {
  const { t } = useTranslation();
  const action = useAction();
  return (
    <>
      <a
        className="button button--secondary button--small"
        href={BOARD_PATH}
        aria-busy={action.busy || undefined}
        onClick={(event) => {
          // A new tab or window gets the plain link: the board then sends it to the opener page.
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          void action.run(openBoard);
        }}
      >
        {t('queueBoard.link')}
      </a>
      <ActionError error={action.error} />
    </>
  );
}

export function QueueBoardOpenerPage() {
  const { t } = useTranslation();
  const action = useAction();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void action.run(openBoard);
  }, [action]);
  return (
    <Page title={t('queueBoard.title')} lead={t('queueBoard.lead')}>
      <ActionError error={action.error} />
      {action.error ? (
        <button type="button" className="button" onClick={() => void action.run(openBoard)}>
          {t('queueBoard.retry')}
        </button>
      ) : (
        <p role="status">{t('queueBoard.opening')}</p>
      )}
    </Page>
  );
}
