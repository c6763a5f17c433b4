// People: user accounts with their status, a search, and a new account (POST /api/users), which
// sends the invitation by e-mail; accounts can be disabled (every session ends) and enabled again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../auth/auth-context';
import { ActionError, useAction } from '../../components/action';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { checks, ErrorSummary, Form, SelectField, SubmitButton, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { LANGUAGES } from '../../i18n/languages';
import { ErasePersonButton } from './erase-person';

export function PeoplePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const users = useApiQuery((signal) => unwrap(client.GET('/api/users', { params: { query: { limit: 200, ...(search ? { q: search } : {}) } }, signal })), [search]);
  const toggle = useAction();
  const [erased, setErased] = useState<string | null>(null);
  const { state } = useAuth();
  const me = state.status === 'signedIn' ? state.user.id : null;
  return (
    <Page title={t('coordinator.peopleTitle')} lead={t('coordinator.peopleLead')} wide>
      <Invite onInvited={users.reload} />
      <section className="section" aria-labelledby="users-title">
        <h2 id="users-title">{t('people.listTitle')}</h2>
        <Form role="search" label={t('people.search')} idPrefix="people" onSubmit={() => setSearch(q.trim())}>
          <div className="inline-form">
            <TextField name="q" type="search" label={t('people.search')} hint={t('people.searchHint')} value={q} onChange={setQ} />
            <button type="submit" className="button button--secondary">
              {t('catalogue.search')}
            </button>
          </div>
        </Form>
        <ActionError error={toggle.error} />
        {erased && (
          <Alert kind="success" live>
            <p>{t('people.erased', { pseudonym: erased })}</p>
          </Alert>
        )}
        <Loaded query={users} what={t('people.what')}>
          {({ items, total }) => (
            <>
              <p className="results-count" role="status">
                {t('people.count', { count: total })}
              </p>
              <div className="table-wrap" role="region" aria-labelledby="users-title" tabIndex={0}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('people.name')}</th>
                      <th scope="col">{t('fields.email')}</th>
                      <th scope="col">{t('people.language')}</th>
                      <th scope="col">{t('people.status')}</th>
                      <th scope="col">{t('people.created')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((user) => (
                      <tr key={user.id}>
                        <th scope="row">{user.name}</th>
                        <td className="break">{user.email}</td>
                        <td>{LANGUAGES.includes(user.locale as 'pl') ? t(`languageNames.${user.locale as 'pl'}`) : user.locale}</td>
                        <td>
                          <Badge tone={user.status === 'active' ? 'good' : user.status === 'disabled' ? 'bad' : 'neutral'}>{t(`people.statuses.${user.status as 'active'}`)}</Badge>
                        </td>
                        <td>{format.date(user.createdAt)}</td>
                        <td className="table__actions">
                          {user.id !== me && (
                            <button
                              type="button"
                              className={user.status === 'disabled' ? 'button button--small button--secondary' : 'button button--small button--danger-quiet'}
                              disabled={toggle.busy}
                              onClick={() =>
                                void toggle
                                  .run(async () => {
                                    const path = user.status === 'disabled' ? '/api/users/{userId}/enable' : '/api/users/{userId}/disable';
                                    await unwrap(client.POST(path, { params: { path: { userId: user.id } } }));
                                  })
                                  .then((ok) => ok && users.reload())
                              }
                            >
                              {user.status === 'disabled' ? t('people.enable') : t('people.disable')}
                              <span className="visually-hidden"> {user.name}</span>
                            </button>
                          )}{' '}
                          {user.id !== me && !user.email.endsWith('@erased.invalid') && (
                            <ErasePersonButton
                              user={user}
                              onErased={(pseudonym) => {
                                setErased(pseudonym);
                                users.reload();
                              }}
                            />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Loaded>
      </section>
    </Page>
  );
}

function Invite({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [locale, setLocale] = useState('pl');
  const [invited, setInvited] = useState<string | null>(null);
  const labels = { email: t('fields.email'), name: t('people.name'), locale: t('people.language') };
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!checks.email(email)) problems.email = [t('validation.email')];
    if (!checks.required(name)) problems.name = [t('validation.required')];
    return problems;
  };
  return (
    <section className="section narrow" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('coordinator.invite')}</h2>
      <p>{t('people.inviteLead')}</p>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="invite" />
      {invited && (
        <Alert kind="success" live>
          <p>{t('people.invited', { email: invited })}</p>
        </Alert>
      )}
      <Form
        idPrefix="invite"
        onSubmit={() => {
          setInvited(null);
          void form.submit(check, async () => {
            const created = await unwrap(client.POST('/api/users', { body: { email: email.trim(), name: name.trim(), locale: locale as 'pl' } }));
            setInvited(created.email);
            setEmail('');
            setName('');
            onInvited();
          });
        }}
      >
        <TextField name="name" label={labels.name} autoComplete="off" value={name} onChange={setName} errors={form.errors.fields} />
        <TextField name="email" type="email" label={labels.email} autoComplete="off" spellCheck={false} value={email} onChange={setEmail} errors={form.errors.fields} />
        <SelectField name="locale" label={labels.locale} hint={t('people.languageHint')} value={locale} onChange={setLocale} options={LANGUAGES.map((code) => ({ value: code, label: t(`languageNames.${code}`) }))} errors={form.errors.fields} />
        <SubmitButton busy={form.busy}>{t('people.sendInvitation')}</SubmitButton>
      </Form>
    </section>
  );
}
