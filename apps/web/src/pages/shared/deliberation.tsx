// The deliberation once scoring has closed: every juror's comments by practice, the notes of the
// deliberation (added while the edition is in stage deliberation), and the awards recorded so far.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AwardView, JurorComment } from '../../api/types';
import { Alert } from '../../components/alert';
import { checks, ErrorSummary, Form, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';

export function CommentsSection({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const comments = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/comments', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <section className="section" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('deliberation.commentsTitle')}</h2>
      <Loaded query={comments} what={t('deliberation.commentsWhat')}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('deliberation.noComments')}</p>
          ) : (
            byPractice(items).map(([practiceId, list]) => (
              <article key={practiceId} className="card comment-group" aria-labelledby={`comments-${practiceId}`}>
                <h3 className="card__title" id={`comments-${practiceId}`}>
                  {t('results.rowLabel', { title: list[0].practiceTitle, city: list[0].cityName })}
                </h3>
                <ul className="plain-list">
                  {list.map((comment) => (
                    <li key={`${comment.jurorId}`} className="comment">
                      <p className="comment__meta">
                        {t('deliberation.byWhen', { name: comment.jurorName, when: format.dateTime(comment.updatedAt) })}
                      </p>
                      <p className="pre-line">{comment.comment}</p>
                    </li>
                  ))}
                </ul>
              </article>
            ))
          )
        }
      </Loaded>
    </section>
  );
}

function byPractice(comments: JurorComment[]): [string, JurorComment[]][] {
  const groups = new Map<string, JurorComment[]>();
  for (const comment of comments) groups.set(comment.practiceId, [...(groups.get(comment.practiceId) ?? []), comment]);
  return [...groups.entries()];
}

export function NotesSection({ editionId, canWrite }: { editionId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/deliberation-notes', { params: { path: { id: editionId } }, signal })), [editionId]);
  const form = useApiForm();
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const check = (): FieldErrors => (checks.required(text) ? {} : { text: [t('validation.required')] });
  return (
    <section className="section" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('deliberation.notesTitle')}</h2>
      <Loaded query={notes} what={t('deliberation.notesWhat')}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('deliberation.noNotes')}</p>
          ) : (
            <ol className="plain-list notes">
              {items.map((note) => (
                <li key={note.id} className="card">
                  <p className="comment__meta">{t('deliberation.byWhen', { name: note.authorName, when: format.dateTime(note.createdAt) })}</p>
                  <p className="pre-line">{note.text}</p>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
      {canWrite && (
        <>
          <ErrorSummary errors={form.errors} labels={{ text: t('deliberation.note') }} idPrefix="note" />
          {added && (
            <Alert kind="success" live>
              <p>{t('deliberation.noteAdded')}</p>
            </Alert>
          )}
          <Form
            idPrefix="note"
            onSubmit={() =>
              void form.submit(check, async () => {
                await unwrap(client.POST('/api/editions/{id}/deliberation-notes', { params: { path: { id: editionId } }, body: { text: text.trim() } }));
                setText('');
                setAdded(true);
                notes.reload();
              })
            }
          >
            <TextAreaField
              name="text"
              label={t('deliberation.note')}
              hint={t('deliberation.noteHint')}
              value={text}
              onChange={(value) => {
                setText(value);
                setAdded(false);
              }}
              errors={form.errors.fields}
              rows={3}
            />
            <SubmitButton busy={form.busy} secondary>
              {t('deliberation.addNote')}
            </SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}

export function AwardSummary({ award, headingLevel = 3, children }: { award: AwardView; headingLevel?: 3 | 4; children?: ReactNode }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className="card award">
      <Heading className="card__title">{award.recipientUnit ?? t('awards.cityGovernment', { city: award.city.name })}</Heading>
      <p className="meta">{award.city.name}</p>
      <p className="label">{t('awards.categories')}</p>
      <ul className="tags">
        {award.categories.map((category) => (
          <li key={category.id} className="tag">
            {category.name}
          </li>
        ))}
      </ul>
      <p className="label">{t('awards.practices')}</p>
      <ul>
        {award.practices.map((practice) => (
          <li key={practice.id}>{practice.title}</li>
        ))}
      </ul>
      {award.citation && <blockquote className="citation">{award.citation}</blockquote>}
      {children}
    </article>
  );
}

export function AwardsList({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const awards = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/awards', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <section className="section" aria-labelledby="awards-title">
      <h2 id="awards-title">{t('deliberation.awardsTitle')}</h2>
      <Loaded query={awards} what={t('awards.what')}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('deliberation.noAwards')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((award) => (
                <li key={award.id}>
                  <AwardSummary award={award} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
