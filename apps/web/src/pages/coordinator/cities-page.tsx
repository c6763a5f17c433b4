// Cities (names unique, Polish letters kept) and their officials, who follow the city's status.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CityView, UserDto } from '../../api/types';
import { useAction } from '../../components/action';
import { RemoveDialog } from '../../components/dialog';
import { Alert } from '../../components/alert';
import { checks, ErrorSummary, Form, SelectField, SubmitButton, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { loadPeople, personLabel } from './people-data';
import { cardTable } from '../../components/card-table';

export function CitiesPage() {
  const { t } = useTranslation();
  const data = useApiQuery(async (signal) => {
    const { users, cities } = await loadPeople(signal);
    const officials = await Promise.all(cities.map((city) => unwrap(client.GET('/api/cities/{id}/officials', { params: { path: { id: city.id } }, signal }))));
    return { users, cities: cities.map((city, i) => ({ ...city, officials: officials[i] })) };
  }, []);
  const remove = useAction();
  const [removing, setRemoving] = useState<{ cityId: string; city: string; assignmentId: string; name: string } | null>(null);
  return (
    <Page title={t('cities.title')} lead={t('cities.lead')} wide>
      <Loaded query={data} what={t('cities.what')}>
        {({ users, cities }) => (
          <>
            <div className="table-wrap" role="region" aria-labelledby="cities-caption" tabIndex={0}>
              <table ref={cardTable} className="table table--cards">
                <caption id="cities-caption">{t('cities.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cities.name')}</th>
                    <th scope="col">{t('cities.region')}</th>
                    <th scope="col">{t('cities.officials')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cities.map((city) => (
                    <tr key={city.id}>
                      <th scope="row">{city.name}</th>
                      <td>{city.region ?? ''}</td>
                      <td>
                        {city.officials.length === 0 ? (
                          <span className="meta-inline">{t('cities.noOfficials')}</span>
                        ) : (
                          <ul className="plain-list plain-list--tight">
                            {city.officials.map((official) => (
                              <li key={official.id} className="inline-item">
                                {official.name}
                                <button
                                  type="button"
                                  className="button button--small button--danger-quiet"
                                  onClick={() => setRemoving({ cityId: city.id, city: city.name, assignmentId: official.id, name: official.name })}
                                >
                                  {t('common.remove')}
                                  <span className="visually-hidden"> {t('cities.officialOf', { name: official.name, city: city.name })}</span>
                                </button>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <RemoveDialog
              open={removing !== null}
              title={t('cities.removeTitle')}
              action={remove}
              onClose={() => setRemoving(null)}
              remove={async () => {
                if (!removing) return;
                await unwrap(client.DELETE('/api/cities/{id}/officials/{assignmentId}', { params: { path: { id: removing.cityId, assignmentId: removing.assignmentId } } }));
              }}
              onRemoved={() => {
                data.reload();
              }}
            >
              <p>{t('cities.removeBody', { name: removing?.name ?? '', city: removing?.city ?? '' })}</p>
            </RemoveDialog>
            <div className="cards cards--two">
              <NewCity onAdded={data.reload} />
              <AssignOfficial users={users} cities={cities} onAssigned={data.reload} />
            </div>
          </>
        )}
      </Loaded>
    </Page>
  );
}

function NewCity({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const labels = { name: t('cities.name'), region: t('cities.region') };
  const check = (): FieldErrors => (checks.required(name) ? {} : { name: [t('validation.required')] });
  return (
    <section className="card" aria-labelledby="new-city-title">
      <h2 className="card__title" id="new-city-title">
        {t('cities.add')}
      </h2>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="city" />
      {added && (
        <Alert kind="success" live>
          <p>{t('cities.added', { name: added })}</p>
        </Alert>
      )}
      <Form
        idPrefix="city"
        onSubmit={() => {
          setAdded(null);
          void form.submit(check, async () => {
            await unwrap(client.POST('/api/cities', { body: { name: name.trim(), ...(region.trim() ? { region: region.trim() } : {}) } }));
            setAdded(name.trim());
            setName('');
            setRegion('');
            onAdded();
          });
        }}
      >
        <TextField name="name" label={labels.name} value={name} onChange={setName} errors={form.errors.fields} />
        <TextField name="region" label={labels.region} hint={t('cities.regionHint')} value={region} onChange={setRegion} errors={form.errors.fields} markOptional />
        <SubmitButton busy={form.busy} secondary>
          {t('cities.add')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function AssignOfficial({ users, cities, onAssigned }: { users: UserDto[]; cities: CityView[]; onAssigned: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [cityId, setCityId] = useState('');
  const [userId, setUserId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const labels = { cityId: t('setup.city'), userId: t('setup.person') };
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!cityId) problems.cityId = [t('setup.validation.city')];
    if (!userId) problems.userId = [t('setup.validation.person')];
    return problems;
  };
  return (
    <section className="card" aria-labelledby="assign-official-title">
      <h2 className="card__title" id="assign-official-title">
        {t('cities.assignOfficial')}
      </h2>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="official" />
      {done && (
        <Alert kind="success" live>
          <p>{t('setup.assigned', { name: done })}</p>
        </Alert>
      )}
      <Form
        idPrefix="official"
        onSubmit={() => {
          setDone(null);
          void form.submit(check, async () => {
            await unwrap(client.POST('/api/cities/{id}/officials', { params: { path: { id: cityId } }, body: { userId } }));
            setDone(users.find((user) => user.id === userId)?.name ?? '');
            setUserId('');
            onAssigned();
          });
        }}
      >
        <SelectField name="cityId" label={labels.cityId} value={cityId} onChange={setCityId} options={[{ value: '', label: t('setup.chooseCity') }, ...cities.map((city) => ({ value: city.id, label: city.name }))]} errors={form.errors.fields} />
        <SelectField
          name="userId"
          label={labels.userId}
          value={userId}
          onChange={setUserId}
          options={[{ value: '', label: t('setup.choosePerson') }, ...[...users].sort((a, b) => a.name.localeCompare(b.name)).map((user) => ({ value: user.id, label: personLabel(user) }))]}
          errors={form.errors.fields}
        />
        <SubmitButton busy={form.busy} secondary>
          {t('cities.assignOfficial')}
        </SubmitButton>
      </Form>
    </section>
  );
}
