// Setting a new password from the reset link (`/password-reset/confirm?token=`,
// POST /api/auth/password-reset/confirm).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Alert } from '../../components/alert';
import { ErrorSummary, Form, SubmitButton, TextField, useApiForm } from '../../components/form';
import { Page } from '../../components/page';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from './password-rules';

export function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState(false);
  const form = useApiForm();
  const labels = { password: t('fields.newPassword'), passwordConfirmation: t('fields.passwordConfirmation') };

  if (!token) {
    return (
      <Page title={t('passwordReset.confirmTitle')}>
        <Alert kind="error" title={t('passwordReset.missingTokenTitle')}>
          <p>{t('passwordReset.missingToken')}</p>
        </Alert>
        <p>
          <Link to="/password-reset">{t('passwordReset.requestAgain')}</Link>
        </p>
      </Page>
    );
  }
  if (done) {
    return (
      <Page title={t('passwordReset.doneTitle')}>
        <Alert kind="success" live>
          <p>{t('passwordReset.done')}</p>
        </Alert>
        <p>
          <Link className="button" to="/sign-in">
            {t('signIn.submit')}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('passwordReset.confirmTitle')} lead={t('passwordReset.confirmLead')}>
      <div className="narrow">
        <ErrorSummary errors={form.errors} labels={labels} />
        <Form
          onSubmit={() =>
            void form.submit(
              () => checkNewPassword(t, password, confirmation),
              async () => {
                await unwrap(client.POST('/api/auth/password-reset/confirm', { body: { token, password } }));
                setDone(true);
              },
              { 404: t('passwordReset.invalidToken'), 410: t('passwordReset.invalidToken') },
            )
          }
        >
          <TextField name="password" type="password" label={labels.password} hint={t('validation.passwordHint', { min: MIN_PASSWORD_LENGTH })} autoComplete="new-password" required value={password} onChange={setPassword} errors={form.errors.fields} />
          <TextField name="passwordConfirmation" type="password" label={labels.passwordConfirmation} autoComplete="new-password" required value={confirmation} onChange={setConfirmation} errors={form.errors.fields} />
          <SubmitButton busy={form.busy}>{t('passwordReset.confirmSubmit')}</SubmitButton>
        </Form>
      </div>
    </Page>
  );
}
