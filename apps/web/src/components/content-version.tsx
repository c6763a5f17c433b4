// Content the API gives in the reader's language where a translation exists (practices: `?lang=`):
// the note that says which version this is ("translated from Polish · show original"), the switch to
// the original and back, and the note where no translation exists and the original is shown.
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What a read in a chosen language says about the version it returns (GET /api/practices/:id?lang=…). */
export interface ContentVersion {
  title: string;
  description: string;
  language?: string;
  originalLanguage?: string;
  translated?: boolean;
  outdated?: boolean;
  requestedLanguage?: string | null;
  original?: { language: string; title: string; description: string } | null;
}

export interface ShownVersion {
  title: string;
  description: string;
  /** The language of the text shown, for the `lang` attribute (screen readers pronounce it right). */
  language: string | undefined;
}

/** The translation, or the original when the reader asked for it. */
export function shownVersion(item: ContentVersion, showOriginal: boolean): ShownVersion {
  if (showOriginal && item.translated && item.original) return { ...item.original };
  return { title: item.title, description: item.description, language: item.language };
}

/** Whether the reader sees the original instead of the translation of the item `key`; back to the translation on another item. */
export function useOriginalSwitch(key: string): [boolean, () => void] {
  const [originalOf, setOriginalOf] = useState<string | null>(null);
  return [originalOf === key, () => setOriginalOf((current) => (current === key ? null : key))];
}

const NAMED_LANGUAGES = ['pl', 'en', 'uk'] as const;

/** A language name in the form the sentence needs (`from`: "translated from Polish"; `in`: "in Ukrainian"); a language added later: its code. */
function languageName(t: TFunction, form: 'from' | 'in', code: string | null | undefined): string {
  if (!code) return '';
  const named = NAMED_LANGUAGES.find((language) => language === code);
  return named ? t(`content.language.${form}.${named}`) : code;
}

export function VersionNote({ item, showOriginal, onToggle }: { item: ContentVersion; showOriginal: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  if (item.translated && item.original) {
    return (
      <p className="version-note" data-testid="version-note">
        {showOriginal ? t('content.original', { language: languageName(t, 'in', item.original.language) }) : t('content.translatedFrom', { language: languageName(t, 'from', item.original.language) })}
        {' · '}
        <button type="button" className="link-button" aria-pressed={showOriginal} onClick={onToggle}>
          {showOriginal ? t('content.showTranslation') : t('content.showOriginal')}
        </button>
        {item.outdated && !showOriginal && <span className="version-note__outdated"> · {t('content.outdated')}</span>}
      </p>
    );
  }
  if (item.requestedLanguage && item.language && item.requestedLanguage !== item.language) {
    return (
      <p className="version-note" data-testid="version-note">
        {t('content.notTranslated', { requested: languageName(t, 'in', item.requestedLanguage), language: languageName(t, 'in', item.language) })}
      </p>
    );
  }
  return null;
}
