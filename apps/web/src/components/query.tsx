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
  | { status: 'success'; data: T; reload: () => void };

export function useApiQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Query<T> {
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Each answer is kept with the inputs it was loaded for: new inputs read as loading at once.
  const key = JSON.stringify([...deps, attempt]);
  const [result, setResult] = useState<{ key: string; error: ApiError } | { key: string; data: T } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ key, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setResult({ key, error: toApiError(error) });
      },
    );
    return () => controller.abort();
    // `key` stands for the caller's deps; `load` is a fresh closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!result || result.key !== key) return { status: 'loading', reload };
  return 'error' in result ? { status: 'error', error: result.error, reload } : { status: 'success', data: result.data, reload };
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
