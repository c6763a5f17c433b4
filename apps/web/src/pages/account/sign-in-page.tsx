// Sign-in (POST /api/auth/login), then on to `?next=` or the user's own area.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { homeFor, safeNext } from '../../auth/roles';
import { Alert } from '../../components/alert';
import { checks, ErrorSummary, Form, SubmitButton, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Page } from '../../components/page';

export function SignInPage() {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useApiForm();
  const next = safeNext(params.get('next'));

  // Also the way on after a successful sign-in.
  if (state.status === 'signedIn' && !form.busy) return <Navigate to={next ?? homeFor(state.user.roles)} replace />;

  const labels = { email: t('fields.email'), password: t('fields.password') };
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!checks.email(email)) problems.email = [t('validation.email')];
    if (!checks.required(password)) problems.password = [t('validation.required')];
    return problems;
  };

  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      {params.get('ended') === 'expired' && (
        <Alert kind="info">
          <p>{t('signIn.sessionEnded')}</p>
        </Alert>
      )}
      <div className="narrow">
        <ErrorSummary errors={form.errors} labels={labels} />
        <Form
          onSubmit={() =>
            void form.submit(
              check,
              async () => {
                await signIn(email.trim(), password);
              },
              { 401: t('signIn.wrongCredentials') },
            )
          }
        >
          <TextField name="email" type="email" label={labels.email} autoComplete="username" inputMode="email" spellCheck={false} required value={email} onChange={setEmail} errors={form.errors.fields} />
          <TextField name="password" type="password" label={labels.password} autoComplete="current-password" required value={password} onChange={setPassword} errors={form.errors.fields} />
          <SubmitButton busy={form.busy}>{t('signIn.submit')}</SubmitButton>
        </Form>
        <p>
          <Link to="/password-reset">{t('signIn.forgotPassword')}</Link>
        </p>
      </div>
    </Page>
  );
}
