// i18next with the three catalogues. Polish, the default, comes with the app; English and Ukrainian
// are fetched when first used (their own chunks: a first visit downloads one catalogue, not three).
// The language follows the header switcher, is remembered in this browser, and sets <html lang>
// for assistive technology.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import pl from './locales/pl.json';
import { DEFAULT_LANGUAGE, detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages';

type Catalogue = typeof pl;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

// Their plural keys differ from Polish (English has no "few"), hence the looser type.
const FETCH: Record<Exclude<Language, 'pl'>, () => Promise<{ default: object }>> = {
  en: () => import('./locales/en.json'),
  uk: () => import('./locales/uk.json'),
};

/** Resolves once `language`'s catalogue is in i18next (at once for Polish or one already fetched). */
export async function loadCatalogue(language: Language): Promise<void> {
  if (language === 'pl' || i18n.hasResourceBundle(language, 'translation')) return;
  const { default: catalogue } = await FETCH[language]();
  i18n.addResourceBundle(language, 'translation', catalogue, true, true);
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Resolves when the first language's catalogue is there: the first paint is already translated. */
export async function initI18n(): Promise<typeof i18n> {
  const lng = detectLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({
    resources: { pl: { translation: pl } },
    partialBundledLanguages: true,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['pl', 'en', 'uk'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  // A catalogue that cannot be fetched leaves the page in Polish rather than blank.
  await loadCatalogue(lng).then(
    () => i18n.changeLanguage(lng),
    () => undefined,
  );
  document.documentElement.lang = i18n.language;
  return i18n;
}

async function switchTo(language: Language): Promise<void> {
  await loadCatalogue(language);
  await i18n.changeLanguage(language);
}

/** The header switcher: remembered, so it wins over the browser and the account locale next time. */
export function chooseLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  void switchTo(language);
}

/** After sign-in: the account's locale applies unless the user picked a language in this browser. */
export function adoptAccountLanguage(locale: string | null | undefined): void {
  if (storedLanguage()) return;
  const language = detectLanguage(null, locale ? [locale] : []);
  if (locale && language !== i18n.language) void switchTo(language);
}
