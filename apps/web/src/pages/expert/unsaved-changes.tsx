// Edits of the report that are not saved yet, across its editors (the summary, each practice form):
// each editor saves itself as it is written (useAutosave) and tells the report whether it holds
// unsaved edits; leaving the page (another screen, the back button, closing the tab) first saves
// what can be saved and asks before throwing away what cannot.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/dialog';
import { describeError } from '../../components/error-text';
import type { FieldErrors } from '../../components/form';
import { intlLocale } from '../../i18n/format';
import { Autosaver, type SaveResult, type SaveStatus } from './autosaver';

interface Editor {
  dirty: boolean;
  flush: () => Promise<boolean>;
}

interface Registry {
  set: (key: string, editor: Editor | null) => void;
}

const UnsavedContext = createContext<Registry | null>(null);
export const UnsavedProvider = UnsavedContext.Provider;

/** The report's side: which editors hold unsaved edits, and saving them all at once. */
export function useUnsavedEditors() {
  const editors = useRef(new Map<string, Editor>());
  const [dirtyKeys, setDirtyKeys] = useState<readonly string[]>([]);
  const registry = useMemo<Registry>(
    () => ({
      set(key, editor) {
        if (editor) editors.current.set(key, editor);
        else editors.current.delete(key);
        const dirty = editor?.dirty ?? false;
        setDirtyKeys((keys) => (keys.includes(key) === dirty ? keys : dirty ? [...keys, key] : keys.filter((k) => k !== key)));
      },
    }),
    [],
  );
  const flushAll = useCallback(async () => (await Promise.all([...editors.current.values()].map((editor) => editor.flush()))).every(Boolean), []);
  return { registry, dirty: dirtyKeys.length > 0, flushAll };
}

/** Problems the form itself finds before sending (a required field emptied): shown as the API's would be. */
export class FieldProblems extends Error {
  constructor(readonly fields: FieldErrors) {
    super('field problems');
  }
}

/** An editor's side: `change(value)` on every keystroke, `flush()` on leaving the field. */
export function useAutosave<T>(key: string, initial: T, save: (value: T) => Promise<SaveResult>, equal?: (a: T, b: T) => boolean) {
  const registry = useContext(UnsavedContext);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  // The saver lives as long as the editor; it calls the latest `save` (a closure over fresh props).
  const [saver] = useState(() => new Autosaver<T>({ initial, save, onStatus: setStatus, equal }));
  useEffect(() => saver.saveWith(save));
  useEffect(() => {
    registry?.set(key, { dirty: saver.dirty, flush: () => saver.flush() });
  }, [registry, key, saver, status]);
  useEffect(
    () => () => {
      saver.dispose();
      registry?.set(key, null);
    },
    [registry, key, saver],
  );
  return {
    status,
    change: (value: T) => saver.change(value),
    flush: () => saver.flush(),
    /** The state right now (after an awaited flush, before the next render). */
    now: (): SaveStatus => saver.current,
  };
}

/**
 * Whether focus leaves the editor (not just moves to its next field or its own button): saving
 * then, not on every field change, keeps its messages from moving the button under a pointer mid-click.
 */
export function leavingEditor(event: FocusEvent<HTMLElement>): boolean {
  return !(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget));
}

/** The field problems of a failed save, to show next to the fields (none for other failures). */
export function failedFields(status: SaveStatus): FieldErrors {
  if (status.kind !== 'failed') return {};
  if (status.error instanceof FieldProblems) return status.error.fields;
  return status.error instanceof ApiError ? status.error.fieldErrors() : {};
}

/** "Saved at 14:05" / "Saving…" / "Not saved: …", announced politely as it changes. */
export function SaveStatusLine({ status, id, incomplete }: { status: SaveStatus; id?: string; incomplete?: string }) {
  const { t, i18n } = useTranslation();
  const text = (() => {
    switch (status.kind) {
      case 'idle':
        return t('autosave.idle');
      case 'pending':
        return t('autosave.pending');
      case 'saving':
        return t('autosave.saving');
      case 'saved':
        return t('autosave.savedAt', { time: new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: '2-digit', minute: '2-digit' }).format(status.at) });
      case 'incomplete':
        return incomplete ?? t('autosave.pending');
      case 'failed':
        return t('autosave.failed', {
          error: status.error instanceof FieldProblems ? t('autosave.checkFields') : describeError(t, status.error, (k) => i18n.exists(k)),
        });
    }
  })();
  return (
    <p id={id} className={`save-status save-status--${status.kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

/**
 * Guards leaving the report: in-app moves (links, the back button) wait while unsaved edits are
 * saved, and ask only when some cannot be; closing or reloading the tab gets the browser's own question.
 */
export function LeaveGuard({ dirty, flushAll }: { dirty: boolean; flushAll: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    const hidden = () => {
      // A phone may end a hidden tab without asking: save what can be saved when it goes to the background.
      if (document.visibilityState === 'hidden') void flushAll();
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [dirty, flushAll]);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let current = true;
    void flushAll().then((saved) => {
      if (!current) return;
      if (saved) blocker.proceed();
      else setAsking(true);
    });
    return () => {
      current = false;
    };
  }, [blocker, flushAll]);

  return (
    <ConfirmDialog
      open={asking && blocker.state === 'blocked'}
      title={t('leave.title')}
      confirmLabel={t('leave.confirm')}
      danger
      onConfirm={() => {
        setAsking(false);
        blocker.proceed?.();
      }}
      onCancel={() => {
        setAsking(false);
        blocker.reset?.();
      }}
    >
      <p>{t('leave.body')}</p>
    </ConfirmDialog>
  );
}
