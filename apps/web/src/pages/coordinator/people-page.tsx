// People: user accounts with their roles and status, a search and a role filter, and a new account
// (POST /api/users, with a first role when chosen), which sends the invitation by e-mail; accounts
// can be disabled after a confirmation (every session ends) and enabled again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../auth/auth-context';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Form, SelectField, TextField } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { LANGUAGES } from '../../i18n/languages';
import { ErasePersonButton } from './erase-person';
import { InvitePerson } from './invite-person';
import { DisableToggle, Email, ROLE_FILTERS, RoleList } from './people-parts';
import { cardTable } from '../../components/card-table';

export function PeoplePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const users = useApiQuery(
    (signal) => unwrap(client.GET('/api/users', { params: { query: { limit: 200, ...(search ? { q: search } : {}), ...(role ? { role: role as 'expert' } : {}) } }, signal })),
    [search, role],
  );
  const [erased, setErased] = useState<string | null>(null);
  const { state } = useAuth();
  const me = state.status === 'signedIn' ? state.user.id : null;
  return (
    <Page title={t('coordinator.peopleTitle')} lead={t('coordinator.peopleLead')} wide>
      <InvitePerson onInvited={users.reload} />
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
        <SelectField
          name="role-filter"
          label={t('people.roleFilter')}
          value={role}
          onChange={setRole}
          options={[{ value: '', label: t('people.allRoles') }, ...ROLE_FILTERS.map((value) => ({ value, label: t(`people.roleNames.${value}`) }))]}
        />
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
                <table ref={cardTable} className="table table--cards">
                  <thead>
                    <tr>
                      <th scope="col">{t('people.name')}</th>
                      <th scope="col">{t('fields.email')}</th>
                      <th scope="col">{t('people.role')}</th>
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
                        <td>
                          <Email address={user.email} />
                        </td>
                        <td>
                          <RoleList roles={user.roles ?? []} />
                        </td>
                        <td>{LANGUAGES.includes(user.locale as 'pl') ? t(`languageNames.${user.locale as 'pl'}`) : user.locale}</td>
                        <td>
                          <Badge tone={user.status === 'active' ? 'good' : user.status === 'disabled' ? 'bad' : 'neutral'}>{t(`people.statuses.${user.status as 'active'}`)}</Badge>
                        </td>
                        <td>{format.date(user.createdAt)}</td>
                        <td className="table__actions">
                          {user.id !== me && <DisableToggle user={user} onDone={users.reload} />}{' '}
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
