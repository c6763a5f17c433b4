// A message box. Errors and successes that follow an action are announced (role alert / status).
import type { ReactNode, Ref } from 'react';

interface AlertProps {
  kind: 'info' | 'success' | 'warning' | 'error';
  title?: ReactNode;
  children?: ReactNode;
  /** Announce it when it appears (after an action); off for messages present on page load. */
  live?: boolean;
  ref?: Ref<HTMLDivElement>;
}

export function Alert({ kind, title, children, live = false, ref }: AlertProps) {
  const role = live ? (kind === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert--${kind}`} role={role} ref={ref} tabIndex={-1}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}
