// A confirmation before an action that cannot be undone (submitting a report, finalising, publishing,
// declaring a conflict): the native modal <dialog>, which keeps focus inside, closes on Escape and
// hands focus back to the button that opened it. The question says exactly what will happen.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from './action';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** What went wrong with the last attempt, shown inside the dialog. */
  error?: ReactNode;
  danger?: boolean;
}

export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, busy = false, error, danger }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <div className="actions dialog__actions">
        <button type="button" className={danger ? 'button button--danger' : 'button'} onClick={onConfirm} disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('form.working') : confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}

interface RemoveDialogProps {
  open: boolean;
  title: string;
  /** What exactly goes, in a sentence or two. */
  children: ReactNode;
  /** The screen's `useAction()`: its busy state and error show in the dialog. */
  action: ReturnType<typeof useAction>;
  /** The removal itself (the API call). */
  remove: () => Promise<unknown>;
  /** Closes the dialog (cancelled, or after the removal). */
  onClose: () => void;
  /** After a successful removal, once the dialog is closed (reload, announce). */
  onRemoved: () => void;
}

/** The confirmation every "Remove" button opens: the question, then the removal; a refusal stays in the dialog. */
export function RemoveDialog({ open, title, children, action, remove, onClose, onRemoved }: RemoveDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={t('common.remove')}
      danger
      busy={action.busy}
      error={action.error}
      onCancel={() => {
        action.clear();
        onClose();
      }}
      onConfirm={() =>
        void action
          .run(async () => {
            await remove();
          })
          .then((ok) => {
          if (ok) {
            onClose();
            onRemoved();
          }
        })
      }
    >
      {children}
    </ConfirmDialog>
  );
}
