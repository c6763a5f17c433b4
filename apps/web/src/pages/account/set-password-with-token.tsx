// The screen behind an e-mailed single-use link that sets a password (invitation acceptance, password
// reset): the token from `?token=`, the new password twice, then a way to sign in.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { ErrorSummary, Form, SubmitButton, TextField, useApiForm } from '../../components/form';
import { Page } from '../../components/page';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from './password-rules';

export interface SetPasswordTexts {
  title: string;
  lead: string;
  missingTokenTitle: string;
  missingToken: string;
  doneTitle: string;
  done: string;
  submit: string;
  /** Shown for 404 and 410: the link is unknown, used or expired. */
  invalidToken: string;
}

interface Props {
  texts: SetPasswordTexts;
  /** Sends the token and the new password; resolves once the API accepted them. */
  save: (token: string, password: string) => Promise<unknown>;
  /** What else to offer when the link has no token (e.g. asking for a new link). */
  missingTokenExtra?: ReactNode;
}

export function SetPasswordWithToken({ texts, save, missingTokenExtra }: Props) {
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
      <Page title={texts.title}>
        <Alert kind="error" title={texts.missingTokenTitle}>
          <p>{texts.missingToken}</p>
        </Alert>
        {missingTokenExtra}
      </Page>
    );
  }
  if (done) {
    return (
      <Page title={texts.doneTitle}>
        <Alert kind="success" live>
          <p>{texts.done}</p>
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
    <Page title={texts.title} lead={texts.lead}>
      <div className="narrow">
        <ErrorSummary errors={form.errors} labels={labels} />
        <Form
          onSubmit={() =>
            void form.submit(
              () => checkNewPassword(t, password, confirmation),
              async () => {
                await save(token, password);
                setDone(true);
              },
              { 404: texts.invalidToken, 410: texts.invalidToken },
            )
          }
        >
          <TextField name="password" type="password" label={labels.password} hint={t('validation.passwordHint', { min: MIN_PASSWORD_LENGTH })} autoComplete="new-password" required value={password} onChange={setPassword} errors={form.errors.fields} />
          <TextField name="passwordConfirmation" type="password" label={labels.passwordConfirmation} autoComplete="new-password" required value={confirmation} onChange={setConfirmation} errors={form.errors.fields} />
          <SubmitButton busy={form.busy}>{texts.submit}</SubmitButton>
        </Form>
      </div>
    </Page>
  );
}
