// Erasing a person on request (POST /api/users/:id/erase): a confirmation that says what happens,
// with the reason the audit trail keeps. The API refuses while the person holds a role in an
// edition not yet decided; its message is shown inside the dialog.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ActionError, useAction } from '../../components/action';
import { ConfirmDialog } from '../../components/dialog';

export function ErasePersonButton({ user, onErased }: { user: { id: string; name: string }; onErased: (pseudonym: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const erase = useAction();
  const reasonId = `erase-reason-${user.id}`;
  return (
    <>
      <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>
        {t('people.erase')}
        <span className="visually-hidden"> {user.name}</span>
      </button>
      <ConfirmDialog
        open={open}
        danger
        title={t('people.eraseTitle', { name: user.name })}
        confirmLabel={t('people.eraseConfirm')}
        busy={erase.busy || reason.trim() === ''}
        error={<ActionError error={erase.error} />}
        onCancel={() => {
          erase.clear();
          setOpen(false);
        }}
        onConfirm={() =>
          void erase
            .run(async () => {
              const erased = await unwrap(client.POST('/api/users/{userId}/erase', { params: { path: { userId: user.id } }, body: { reason: reason.trim() } }));
              onErased(erased.pseudonym);
            })
            .then((ok) => ok && setOpen(false))
        }
      >
        <p>{t('people.eraseBody')}</p>
        <div className="field">
          <label className="field__label" htmlFor={reasonId}>
            {t('people.eraseReason')}
          </label>
          <textarea id={reasonId} className="input" rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
      </ConfirmDialog>
    </>
  );
}
