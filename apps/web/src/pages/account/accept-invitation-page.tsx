// Accepting an invitation from the e-mail link (`/invitations/accept?token=`): the new user sets a
// password (POST /api/invitations/accept), then signs in.
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { SetPasswordWithToken } from './set-password-with-token';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  return (
    <SetPasswordWithToken
      texts={{
        title: t('invitation.title'),
        lead: t('invitation.lead'),
        missingTokenTitle: t('invitation.missingTokenTitle'),
        missingToken: t('invitation.missingToken'),
        doneTitle: t('invitation.doneTitle'),
        done: t('invitation.done'),
        submit: t('invitation.submit'),
        invalidToken: t('invitation.invalidToken'),
      }}
      save={(token, password) => unwrap(client.POST('/api/invitations/accept', { body: { token, password } }))}
    />
  );
}
