// Asking for a password reset link (POST /api/auth/password-reset). The API answers 202 whether or
// not the address has an account, and so does this page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Alert } from '../../components/alert';
import { checks, ErrorSummary, Form, SubmitButton, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Page } from '../../components/page';

export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useApiForm();
  const labels = { email: t('fields.email') };

  if (sent) {
    return (
      <Page title={t('passwordReset.sentTitle')}>
        <Alert kind="success" live>
          <p>{t('passwordReset.sent', { email: email.trim() })}</p>
        </Alert>
        <p>
          <Link to="/sign-in">{t('passwordReset.backToSignIn')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('passwordReset.title')} lead={t('passwordReset.lead')}>
      <div className="narrow">
        <ErrorSummary errors={form.errors} labels={labels} />
        <Form
          onSubmit={() =>
            void form.submit(
              (): FieldErrors => (checks.email(email) ? {} : { email: [t('validation.email')] }),
              async () => {
                await unwrap(client.POST('/api/auth/password-reset', { body: { email: email.trim() } }));
                setSent(true);
              },
            )
          }
        >
          <TextField name="email" type="email" label={labels.email} autoComplete="email" inputMode="email" spellCheck={false} required value={email} onChange={setEmail} errors={form.errors.fields} />
          <SubmitButton busy={form.busy}>{t('passwordReset.submit')}</SubmitButton>
        </Form>
        <p>
          <Link to="/sign-in">{t('passwordReset.backToSignIn')}</Link>
        </p>
      </div>
    </Page>
  );
}
