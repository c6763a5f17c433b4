// A button's action against the API (remove, retry, download): busy while it runs, and its failure
// shown beside it in words, never swallowed.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort } from '../api/errors';
import { Alert } from './alert';
import { describeError } from './error-text';

export function useAction() {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (failure) {
        if (!isAbort(failure)) setError(describeError(t, failure, (key) => i18n.exists(key)));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, i18n],
  );
  return { busy, error, run, clear: () => setError(null) };
}

export function ActionError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert kind="error" live>
      <p>{error}</p>
    </Alert>
  );
}
