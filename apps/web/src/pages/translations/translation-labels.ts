// Names for languages and translation statuses on the translation screens.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n/languages';

/** A language's own name (Українська), with its code for a language added later. */
export function useLanguageName(): (code: string) => string {
  const { t } = useTranslation();
  return useCallback((code: string) => ((LANGUAGES as readonly string[]).includes(code) ? t(`languageNames.${code as Language}`) : code), [t]);
}

export const STATUS_TONE = { original: 'neutral', current: 'good', outdated: 'warn', missing: 'bad' } as const;
