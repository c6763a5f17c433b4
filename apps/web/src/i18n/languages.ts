// The interface languages and how the first one is chosen: the user's own choice (kept in this
// browser), else the signed-in user's locale, else the browser's preferred languages, else Polish.
export const LANGUAGES = ['pl', 'en', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'pl';
export const LANGUAGE_STORAGE_KEY = 'oc.language';

/** BCP 47 tags for Intl: English in its British form, as used in Polish institutions' documents. */
export const INTL_LOCALE: Record<Language, string> = { pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA' };

export function toLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  // Some systems still report Ukrainian under its old code.
  if (primary === 'ua') return 'uk';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

export function detectLanguage(stored: string | null, preferred: readonly string[]): Language {
  const chosen = toLanguage(stored);
  if (chosen) return chosen;
  for (const tag of preferred) {
    const language = toLanguage(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}
