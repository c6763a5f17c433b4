// A short status word beside a title. Colour is never the only cue: the word says it.
import type { ReactNode } from 'react';

export function Badge({ tone = 'neutral', children }: { tone?: 'good' | 'bad' | 'neutral' | 'warn'; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
