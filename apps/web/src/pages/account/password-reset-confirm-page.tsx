// Setting a new password from the reset link (`/password-reset/confirm?token=`,
// POST /api/auth/password-reset/confirm).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { SetPasswordWithToken } from './set-password-with-token';

export function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  return (
    <SetPasswordWithToken
      texts={{
        title: t('passwordReset.confirmTitle'),
        lead: t('passwordReset.confirmLead'),
        missingTokenTitle: t('passwordReset.missingTokenTitle'),
        missingToken: t('passwordReset.missingToken'),
        doneTitle: t('passwordReset.doneTitle'),
        done: t('passwordReset.done'),
        submit: t('passwordReset.confirmSubmit'),
        invalidToken: t('passwordReset.invalidToken'),
      }}
      save={(token, password) => unwrap(client.POST('/api/auth/password-reset/confirm', { body: { token, password } }))}
      missingTokenExtra={
        <p>
          <Link to="/password-reset">{t('passwordReset.requestAgain')}</Link>
        </p>
      }
    />
  );
}
