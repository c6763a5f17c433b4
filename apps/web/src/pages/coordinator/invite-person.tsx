// A new account (POST /api/users, which sends the invitation) with, when chosen, its first role at
// once through the role's own route: expert (edition and city), juror (edition, optionally a city),
// city official (city) or translator (edition). Coordinators are made from the command line only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Alert } from '../../components/alert';
import { checks, ErrorSummary, Form, SelectField, SubmitButton, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { useApiQuery } from '../../components/query';
import { LANGUAGES } from '../../i18n/languages';

export const INVITABLE_ROLES = ['expert', 'juror', 'cityOfficial', 'translator'] as const;
type InvitableRole = (typeof INVITABLE_ROLES)[number];

const NEEDS_EDITION: readonly string[] = ['expert', 'juror', 'translator'];
const NEEDS_CITY: readonly string[] = ['expert', 'cityOfficial'];

async function grantRole(userId: string, role: InvitableRole, editionId: string, cityId: string): Promise<void> {
  if (role === 'expert') await unwrap(client.POST('/api/editions/{id}/experts', { params: { path: { id: editionId } }, body: { userId, cityId } }));
  if (role === 'juror') await unwrap(client.POST('/api/editions/{id}/jurors', { params: { path: { id: editionId } }, body: { userId, ...(cityId ? { cityId } : {}) } }));
  if (role === 'translator') await unwrap(client.POST('/api/editions/{id}/translators', { params: { path: { id: editionId } }, body: { userId } }));
  if (role === 'cityOfficial') await unwrap(client.POST('/api/cities/{id}/officials', { params: { path: { id: cityId } }, body: { userId } }));
}

export function InvitePerson({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [locale, setLocale] = useState('pl');
  const [role, setRole] = useState<InvitableRole | ''>('');
  const [editionId, setEditionId] = useState('');
  const [cityId, setCityId] = useState('');
  const [invited, setInvited] = useState<string | null>(null);
  const [unassigned, setUnassigned] = useState<string | null>(null);
  const choices = useApiQuery(async (signal) => {
    const [editions, cities] = await Promise.all([
      unwrap(client.GET('/api/editions', { params: { query: { limit: 200 } }, signal })),
      unwrap(client.GET('/api/cities', { params: { query: { limit: 200 } }, signal })),
    ]);
    return { editions: editions.items, cities: cities.items };
  }, []);
  const editions = choices.status === 'success' ? choices.data.editions : [];
  const cities = choices.status === 'success' ? choices.data.cities : [];
  const needsEdition = NEEDS_EDITION.includes(role);
  const labels = { email: t('fields.email'), name: t('people.name'), locale: t('people.language'), role: t('people.role'), editionId: t('people.edition'), cityId: t('people.city') };
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!checks.email(email)) problems.email = [t('validation.email')];
    if (!checks.required(name)) problems.name = [t('validation.required')];
    if (needsEdition && !editionId) problems.editionId = [t('people.validation.edition')];
    if (NEEDS_CITY.includes(role) && !cityId) problems.cityId = [t('people.validation.city')];
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
      {unassigned && (
        <Alert kind="error" live>
          <p>{t('people.roleNotGiven', { email: unassigned })}</p>
        </Alert>
      )}
      <Form
        idPrefix="invite"
        onSubmit={() => {
          setInvited(null);
          setUnassigned(null);
          void form.submit(check, async () => {
            const created = await unwrap(client.POST('/api/users', { body: { email: email.trim(), name: name.trim(), locale: locale as 'pl' } }));
            setInvited(created.email);
            setEmail('');
            setName('');
            onInvited();
            if (role) {
              try {
                await grantRole(created.id, role, editionId, cityId);
              } catch (failure) {
                // The account exists: say that its role is missing, and show why.
                setUnassigned(created.email);
                throw failure;
              } finally {
                onInvited();
              }
            }
          });
        }}
      >
        <TextField name="name" label={labels.name} autoComplete="off" value={name} onChange={setName} errors={form.errors.fields} />
        <TextField name="email" type="email" label={labels.email} autoComplete="off" spellCheck={false} value={email} onChange={setEmail} errors={form.errors.fields} />
        <SelectField name="locale" label={labels.locale} hint={t('people.languageHint')} value={locale} onChange={setLocale} options={LANGUAGES.map((code) => ({ value: code, label: t(`languageNames.${code}`) }))} errors={form.errors.fields} />
        <SelectField
          name="role"
          label={labels.role}
          hint={t('people.roleHint')}
          value={role}
          onChange={(value) => setRole(value as InvitableRole | '')}
          options={[{ value: '', label: t('people.noRoleYet') }, ...INVITABLE_ROLES.map((value) => ({ value, label: t(`people.roleNames.${value}`) }))]}
          errors={form.errors.fields}
        />
        {needsEdition && (
          <SelectField
            name="editionId"
            label={labels.editionId}
            value={editionId}
            onChange={setEditionId}
            options={[{ value: '', label: t('people.chooseEdition') }, ...editions.map((edition) => ({ value: edition.id, label: `${edition.year} · ${edition.name}` }))]}
            errors={form.errors.fields}
          />
        )}
        {(NEEDS_CITY.includes(role) || role === 'juror') && (
          <SelectField
            name="cityId"
            label={role === 'juror' ? t('people.tiedCity') : labels.cityId}
            value={cityId}
            onChange={setCityId}
            options={[{ value: '', label: role === 'juror' ? t('people.noCity') : t('people.chooseCity') }, ...cities.map((city) => ({ value: city.id, label: city.name }))]}
            errors={form.errors.fields}
          />
        )}
        <SubmitButton busy={form.busy}>{t('people.sendInvitation')}</SubmitButton>
      </Form>
    </section>
  );
}
