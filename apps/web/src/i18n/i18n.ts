// i18next with the three bundled catalogues (small enough to ship together). The language follows
// the header switcher, is remembered in this browser, and sets <html lang> for assistive technology.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import pl from './locales/pl.json';
import uk from './locales/uk.json';
import { DEFAULT_LANGUAGE, detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages';

export const resources = { pl: { translation: pl }, en: { translation: en }, uk: { translation: uk } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof pl };
  }
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function initI18n(): typeof i18n {
  const lng = detectLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['pl', 'en', 'uk'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lng;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18n;
}

/** The header switcher: remembered, so it wins over the browser and the account locale next time. */
export function chooseLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  void i18n.changeLanguage(language);
}

/** After sign-in: the account's locale applies unless the user picked a language in this browser. */
export function adoptAccountLanguage(locale: string | null | undefined): void {
  if (storedLanguage()) return;
  const language = detectLanguage(null, locale ? [locale] : []);
  if (locale && language !== i18n.language) void i18n.changeLanguage(language);
}
