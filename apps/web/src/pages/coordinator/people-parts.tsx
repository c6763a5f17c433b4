// Pieces of the people screen: a person's roles in words, an e-mail address that wraps only at its
// @ and dots, and disabling an account behind a confirmation (every session ends).
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { UserDto } from '../../api/types';
import { ActionError, useAction } from '../../components/action';
import { ConfirmDialog } from '../../components/dialog';

export const ROLE_FILTERS = ['coordinator', 'expert', 'juror', 'cityOfficial', 'translator'] as const;

export function RoleList({ roles }: { roles: NonNullable<UserDto['roles']> }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <span className="meta-inline">{t('people.noRole')}</span>;
  return (
    <ul className="plain-list role-list">
      {roles.map((grant, index) => (
        <li key={index}>
          {t(`people.roleNames.${grant.role}`)}
          {(grant.cityName || grant.editionYear) && <span className="meta-inline">{[grant.cityName, grant.editionYear].filter(Boolean).join(' · ')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Break opportunities after the local part and before each dot, never inside a word. */
export function Email({ address }: { address: string }) {
  const parts = address.split(/(?=[@.])/);
  return (
    <span className="email" title={address}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

export function DisableToggle({ user, onDone }: { user: UserDto; onDone: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const disabled = user.status === 'disabled';
  const run = () =>
    void action
      .run(async () => {
        const path = disabled ? '/api/users/{userId}/enable' : '/api/users/{userId}/disable';
        await unwrap(client.POST(path, { params: { path: { userId: user.id } } }));
      })
      .then((ok) => {
        if (!ok) return;
        setConfirming(false);
        onDone();
      });
  return (
    <>
      <button type="button" className="button button--small button--secondary" disabled={action.busy} onClick={() => (disabled ? run() : setConfirming(true))}>
        {disabled ? t('people.enable') : t('people.disable')}
        <span className="visually-hidden"> {user.name}</span>
      </button>
      {!confirming && <ActionError error={action.error} />}
      <ConfirmDialog
        open={confirming}
        danger
        title={t('people.disableTitle', { name: user.name })}
        confirmLabel={t('people.disable')}
        busy={action.busy}
        error={<ActionError error={action.error} />}
        onCancel={() => {
          action.clear();
          setConfirming(false);
        }}
        onConfirm={run}
      >
        <p>{t('people.disableBody')}</p>
      </ConfirmDialog>
    </>
  );
}
