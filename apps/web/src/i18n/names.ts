// Names the API gives in Polish with translations beside them (categories: `{ name, translations:
// { en, uk } }`): shown in the interface language when a translation exists, else as given.
import { toLanguage } from './languages';

export interface Translatable {
  name: string;
  translations?: Record<string, string> | null;
}

export function translatedName(item: Translatable, language: string): string {
  const code = toLanguage(language);
  const translated = code && code !== 'pl' ? item.translations?.[code] : undefined;
  return translated?.trim() ? translated : item.name;
}

/** Looks names up by id, from lists that carry translations (an edition's categories). */
export function nameIndex(items: readonly (Translatable & { id: string })[]): Map<string, Translatable> {
  return new Map(items.map((item) => [item.id, item]));
}
