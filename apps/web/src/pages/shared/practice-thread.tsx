// The deliberation's thread on one practice, for jurors and the coordinator: its comments (author,
// role, time), one's own comments changed or removed while the edition is in stage deliberation,
// the notes linked to the practice, and a form to add a comment. Read-only once decided.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../auth/auth-context';
import type { PracticeComment } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { checks, ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';

const MAX = 4000;

export interface ThreadPractice {
  id: string;
  title: string;
  cityName: string;
}

/** Choose a practice, read and write its thread. */
export function PracticeThreadsSection({ practices }: { practices: ThreadPractice[] }) {
  const { t } = useTranslation();
  const { state } = useAuth();
  const userId = state.status === 'signedIn' ? state.user.id : '';
  const [practiceId, setPracticeId] = useState(practices[0]?.id ?? '');
  return (
    <section className="section" aria-labelledby="threads-title">
      <h2 id="threads-title">{t('thread.title')}</h2>
      <p>{t('thread.lead')}</p>
      {practices.length === 0 ? (
        <p>{t('thread.noPractices')}</p>
      ) : (
        <>
          <SelectField
            name="threadPractice"
            label={t('thread.practice')}
            value={practiceId}
            onChange={setPracticeId}
            options={practices.map((practice) => ({ value: practice.id, label: t('results.rowLabel', { title: practice.title, city: practice.cityName }) }))}
          />
          {practiceId && <PracticeThreadPanel key={practiceId} practiceId={practiceId} userId={userId} />}
        </>
      )}
    </section>
  );
}

export function PracticeThreadPanel({ practiceId, userId }: { practiceId: string; userId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const thread = useApiQuery((signal) => unwrap(client.GET('/api/practices/{id}/comments', { params: { path: { id: practiceId } }, signal })), [practiceId]);
  const form = useApiForm();
  const [body, setBody] = useState('');
  const check = (): FieldErrors => {
    if (!checks.required(body)) return { body: [t('validation.required')] };
    return body.trim().length > MAX ? { body: [t('thread.tooLong', { max: MAX })] } : {};
  };
  return (
    <article className="card thread" aria-labelledby={`thread-${practiceId}`}>
      <Loaded query={thread} what={t('thread.what')}>
        {(data) => (
          <>
            <h3 className="card__title" id={`thread-${practiceId}`}>
              {t('results.rowLabel', { title: data.practiceTitle, city: data.cityName })}
            </h3>
            {!data.writable && <p className="meta">{t('thread.readOnly')}</p>}
            {data.comments.length === 0 ? (
              <p>{t('thread.empty')}</p>
            ) : (
              <ol className="plain-list thread__comments" aria-label={t('thread.commentsLabel', { count: data.comments.length })}>
                {data.comments.map((comment) => (
                  <li key={comment.id} className="comment">
                    <CommentItem comment={comment} mine={comment.authorId === userId && data.writable} onChanged={thread.reload} />
                  </li>
                ))}
              </ol>
            )}
            {data.notes.length > 0 && (
              <>
                <h4>{t('thread.notesTitle')}</h4>
                <ul className="plain-list">
                  {data.notes.map((note) => (
                    <li key={note.id} className="comment">
                      <p className="comment__meta">{t('deliberation.byWhen', { name: note.authorName, when: format.dateTime(note.createdAt) })}</p>
                      <p className="pre-line">{note.text}</p>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {data.writable && (
              <>
                <ErrorSummary errors={form.errors} labels={{ body: t('thread.newComment') }} idPrefix={`comment-${practiceId}`} />
                <Form
                  idPrefix={`comment-${practiceId}`}
                  onSubmit={() =>
                    void form.submit(check, async () => {
                      await unwrap(client.POST('/api/practices/{id}/comments', { params: { path: { id: practiceId } }, body: { body: body.trim() } }));
                      setBody('');
                      thread.reload();
                    })
                  }
                >
                  <TextAreaField name="body" label={t('thread.newComment')} hint={t('thread.hint', { max: MAX })} value={body} onChange={setBody} errors={form.errors.fields} rows={3} maxLength={MAX} />
                  <SubmitButton busy={form.busy} secondary>
                    {t('thread.add')}
                  </SubmitButton>
                </Form>
              </>
            )}
          </>
        )}
      </Loaded>
    </article>
  );
}

function CommentItem({ comment, mine, onChanged }: { comment: PracticeComment; mine: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const role = comment.authorRole === 'coordinator' ? t('thread.roleCoordinator') : t('thread.roleJuror');
  return (
    <>
      <p className="comment__meta">
        {t('thread.meta', { name: comment.authorName, role, when: format.dateTime(comment.createdAt) })}
        {comment.editedAt && ` · ${t('thread.edited')}`}
      </p>
      {editing ? (
        <Form
          idPrefix={`edit-${comment.id}`}
          onSubmit={() =>
            void action.run(async () => {
              await unwrap(client.PATCH('/api/comments/{id}', { params: { path: { id: comment.id } }, body: { body: draft.trim() } }));
              setEditing(false);
              onChanged();
            })
          }
        >
          <TextAreaField name="body" label={t('thread.editLabel')} value={draft} onChange={setDraft} rows={3} maxLength={MAX} />
          <div className="actions">
            <SubmitButton busy={action.busy} secondary>
              {t('thread.save')}
            </SubmitButton>
            <button type="button" className="button button--small button--secondary" onClick={() => setEditing(false)}>
              {t('thread.cancel')}
            </button>
          </div>
        </Form>
      ) : (
        <p className="pre-line">{comment.body}</p>
      )}
      {mine && !editing && (
        <div className="actions">
          <button type="button" className="button button--small button--secondary" onClick={() => setEditing(true)}>
            {t('thread.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await unwrap(client.DELETE('/api/comments/{id}', { params: { path: { id: comment.id } } }));
                onChanged();
              })
            }
          >
            {t('thread.remove')}
          </button>
        </div>
      )}
      <ActionError error={action.error} />
    </>
  );
}
