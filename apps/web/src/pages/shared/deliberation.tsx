// The deliberation once scoring has closed: every juror's comments by practice, the notes of the
// deliberation (added while the edition is in stage deliberation), and the awards recorded so far.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { AwardView, JurorComment } from '../../api/types';
import { Alert } from '../../components/alert';
import { checks, ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, useApiForm, type FieldErrors } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { AwardVotePanel } from './award-vote';
import type { ThreadPractice } from './practice-thread';

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

/** A note's link, as the select's value: `practice:<id>`, `award:<id>` or empty. */
function linkOf(value: string): { practiceId?: string; awardId?: string } {
  const [kind, id] = value.split(':');
  if (kind === 'practice' && id) return { practiceId: id };
  if (kind === 'award' && id) return { awardId: id };
  return {};
}

export function NotesSection({ editionId, canWrite, practices = [] }: { editionId: string; canWrite: boolean; practices?: ThreadPractice[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/deliberation-notes', { params: { path: { id: editionId } }, signal })), [editionId]);
  const awards = useApiQuery((signal) => (canWrite ? unwrap(client.GET('/api/editions/{id}/awards', { params: { path: { id: editionId } }, signal })) : Promise.resolve([])), [editionId, canWrite]);
  const form = useApiForm();
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const linkOptions = [
    { value: '', label: t('deliberation.noLink') },
    ...practices.map((practice) => ({ value: `practice:${practice.id}`, label: t('deliberation.linkPractice', { title: practice.title, city: practice.cityName }) })),
    ...(awards.status === 'success' ? awards.data : []).map((award) => ({
      value: `award:${award.id}`,
      label: t('deliberation.linkAward', { name: award.recipientUnit ?? t('awards.cityGovernment', { city: award.city.name }) }),
    })),
  ];
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
                  {note.practiceTitle && <p className="meta">{t('deliberation.aboutPractice', { title: note.practiceTitle })}</p>}
                  {note.awardLabel && <p className="meta">{t('deliberation.aboutAward', { name: note.awardLabel })}</p>}
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
                await unwrap(client.POST('/api/editions/{id}/deliberation-notes', { params: { path: { id: editionId } }, body: { text: text.trim(), ...linkOf(link) } }));
                setText('');
                setLink('');
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
            <SelectField name="link" label={t('deliberation.link')} value={link} onChange={setLink} options={linkOptions} errors={form.errors.fields} />
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
                  <AwardSummary award={award}>
                    <AwardNotes editionId={editionId} awardId={award.id} />
                    <AwardVotePanel awardId={award.id} coordinator={false} />
                  </AwardSummary>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

/** The deliberation notes linked to an award, shown with it. */
export function AwardNotes({ editionId, awardId }: { editionId: string; awardId: string }) {
  const { t } = useTranslation();
  const notes = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/deliberation-notes', { params: { path: { id: editionId } }, signal })), [editionId]);
  const linked = notes.status === 'success' ? notes.data.filter((note) => note.awardId === awardId) : [];
  if (linked.length === 0) return null;
  return (
    <>
      <p className="label">{t('deliberation.awardNotes')}</p>
      <ul>
        {linked.map((note) => (
          <li key={note.id} className="pre-line">
            {t('deliberation.noteBy', { name: note.authorName, text: note.text })}
          </li>
        ))}
      </ul>
    </>
  );
}
