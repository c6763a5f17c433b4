// Loading data for a screen: `useApiQuery(() => unwrap(client.GET(...)), [deps])`, and <Loaded> to
// show its three states the same way everywhere (loading announced politely; errors translated,
// with a retry; the data otherwise).
import { useCallback, useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbort, toApiError } from '../api/errors';
import { Alert } from './alert';
import { describeError } from './error-text';

export type Query<T> =
  | { status: 'loading'; reload: () => void }
  | { status: 'error'; error: ApiError; reload: () => void }
  | { status: 'success'; data: T; reload: () => void; refreshing: boolean };

/**
 * Loads on mount and whenever `deps` change (new inputs read as loading at once). `reload()` loads
 * again for the same inputs and keeps showing the current data meanwhile (`refreshing`), so a screen
 * does not flash or lose its place after each change.
 */
export function useApiQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Query<T> {
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const inputs = JSON.stringify(deps);
  const key = `${inputs}#${attempt}`;
  const [result, setResult] = useState<{ key: string; inputs: string; error: ApiError } | { key: string; inputs: string; data: T } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ key, inputs, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setResult({ key, inputs, error: toApiError(error) });
      },
    );
    return () => controller.abort();
    // `key` stands for the caller's deps; `load` is a fresh closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (result && result.key !== key && result.inputs === inputs && 'data' in result) {
    return { status: 'success', data: result.data, reload, refreshing: true };
  }
  if (!result || result.key !== key) return { status: 'loading', reload };
  return 'error' in result ? { status: 'error', error: result.error, reload } : { status: 'success', data: result.data, reload, refreshing: false };
}

interface LoadedProps<T> {
  query: Query<T>;
  children: (data: T) => ReactNode;
  /** What is being loaded, for the loading message ("Loading editions…"). */
  what?: string;
}

export function Loaded<T>({ query, children, what }: LoadedProps<T>) {
  const { t, i18n } = useTranslation();
  if (query.status === 'loading') {
    return (
      <p className="loading" role="status">
        {what ? t('query.loadingWhat', { what }) : t('query.loading')}
      </p>
    );
  }
  if (query.status === 'error') {
    return (
      <Alert kind="error" title={t('query.failed')}>
        <p>{describeError(t, query.error, (key) => i18n.exists(key))}</p>
        <button type="button" className="button button--secondary" onClick={query.reload}>
          {t('query.retry')}
        </button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
