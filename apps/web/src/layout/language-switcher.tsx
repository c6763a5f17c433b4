// The three interface languages, each named in itself (and marked with its lang for screen readers).
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/i18n';
import { LANGUAGES, toLanguage } from '../i18n/languages';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.language);
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switcher__option"
          aria-pressed={current === language}
          onClick={() => chooseLanguage(language)}
        >
          {t(`languageNames.${language}`)}
        </button>
      ))}
    </div>
  );
}
