// Assigning a person to an edition: as the expert of a city, or as a juror (optionally tied to a
// city, with country of origin and languages).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CityView, UserDto } from '../../api/types';
import { Alert } from '../../components/alert';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { personLabel } from './people-data';

export function AssignForm({ kind, editionId, users, cities, onAssigned }: { kind: 'experts' | 'jurors'; editionId: string; users: UserDto[]; cities: CityView[]; onAssigned: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [userId, setUserId] = useState('');
  const [cityId, setCityId] = useState('');
  const [country, setCountry] = useState('');
  const [languages, setLanguages] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const prefix = `assign-${kind}`;
  const labels = { userId: t('setup.person'), cityId: t('setup.city'), countryOfOrigin: t('setup.countryOfOrigin'), languages: t('setup.languages') };
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!userId) problems.userId = [t('setup.validation.person')];
    if (kind === 'experts' && !cityId) problems.cityId = [t('setup.validation.city')];
    return problems;
  };
  const people = [...users].filter((user) => user.status !== 'disabled').sort((a, b) => a.name.localeCompare(b.name));
  return (
    <details className="disclosure">
      <summary>{t(`setup.${kind}.add`)}</summary>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix={prefix} />
      {done && (
        <Alert kind="success" live>
          <p>{t('setup.assigned', { name: done })}</p>
        </Alert>
      )}
      <Form
        idPrefix={prefix}
        className="narrow"
        onSubmit={() => {
          setDone(null);
          void form.submit(check, async () => {
            const person = people.find((user) => user.id === userId);
            if (kind === 'experts') {
              await unwrap(client.POST('/api/editions/{id}/experts', { params: { path: { id: editionId } }, body: { userId, cityId } }));
            } else {
              const codes = languages
                .split(/[\s,;]+/)
                .map((code) => code.trim().toLowerCase())
                .filter(Boolean);
              await unwrap(
                client.POST('/api/editions/{id}/jurors', {
                  params: { path: { id: editionId } },
                  body: { userId, ...(cityId ? { cityId } : {}), ...(country.trim() ? { countryOfOrigin: country.trim() } : {}), ...(codes.length ? { languages: codes } : {}) },
                }),
              );
            }
            setDone(person?.name ?? '');
            setUserId('');
            setCityId('');
            setCountry('');
            setLanguages('');
            onAssigned();
          });
        }}
      >
        <SelectField
          name="userId"
          label={labels.userId}
          hint={t('setup.personHint')}
          value={userId}
          onChange={setUserId}
          options={[{ value: '', label: t('setup.choosePerson') }, ...people.map((user) => ({ value: user.id, label: personLabel(user) }))]}
          errors={form.errors.fields}
        />
        <SelectField
          name="cityId"
          label={kind === 'experts' ? labels.cityId : t('setup.tiedCity')}
          hint={kind === 'jurors' ? t('setup.tiedCityHint') : undefined}
          value={cityId}
          onChange={setCityId}
          options={[{ value: '', label: kind === 'experts' ? t('setup.chooseCity') : t('setup.noCity') }, ...cities.map((city) => ({ value: city.id, label: city.name }))]}
          errors={form.errors.fields}
        />
        {kind === 'jurors' && (
          <>
            <TextField name="countryOfOrigin" label={labels.countryOfOrigin} value={country} onChange={setCountry} errors={form.errors.fields} markOptional />
            <TextField name="languages" label={labels.languages} hint={t('setup.languagesHint')} value={languages} onChange={setLanguages} errors={form.errors.fields} markOptional spellCheck={false} />
          </>
        )}
        <SubmitButton busy={form.busy} secondary>
          {t(`setup.${kind}.add`)}
        </SubmitButton>
      </Form>
    </details>
  );
}
