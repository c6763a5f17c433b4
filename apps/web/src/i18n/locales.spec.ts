// The three catalogues must say the same things: same keys (plural forms as each language needs
// them), same {{placeholders}}, nothing empty.
import { describe, expect, it } from '@jest/globals';
import en from './locales/en.json';
import pl from './locales/pl.json';
import uk from './locales/uk.json';

const catalogues = { pl, en, uk } as const;
type Catalogue = Record<string, unknown>;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of flatten(value as Catalogue, path)) out.set(k, v);
    else throw new Error(`${path} is neither text nor a group`);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(catalogues).map(([lang, tree]) => [lang, flatten(tree)])) as Record<keyof typeof catalogues, Map<string, string>>;
const baseKeys = (entries: Map<string, string>) => new Set([...entries.keys()].map((key) => key.replace(PLURAL, '')));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]);

describe('locale catalogues', () => {
  it('have the same keys in pl, en and uk', () => {
    const reference = [...baseKeys(flat.pl)].sort();
    expect([...baseKeys(flat.en)].sort()).toEqual(reference);
    expect([...baseKeys(flat.uk)].sort()).toEqual(reference);
  });

  it('give every plural key exactly the forms each language uses', () => {
    for (const [lang, entries] of Object.entries(flat)) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
      const plurals = new Map<string, string[]>();
      for (const key of entries.keys()) {
        const match = PLURAL.exec(key);
        if (match) plurals.set(key.replace(PLURAL, ''), [...(plurals.get(key.replace(PLURAL, '')) ?? []), match[1]]);
      }
      for (const [key, forms] of plurals) expect({ lang, key, forms: forms.sort() }).toEqual({ lang, key, forms: categories });
    }
  });

  it('give every text with a {{count}} its plural forms (i18next picks the form by the count)', () => {
    for (const [lang, entries] of Object.entries(flat)) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, text] of entries) {
        if (!/\{\{\s*count\b/.test(text)) continue;
        const base = key.replace(PLURAL, '');
        const missing = categories.filter((form) => !entries.has(`${base}_${form}`));
        expect({ lang, key, missing }).toEqual({ lang, key, missing: [] });
      }
    }
  });

  it('use the same placeholders for the same key', () => {
    const byBase = (entries: Map<string, string>) => {
      const out = new Map<string, Set<string>>();
      for (const [key, text] of entries) {
        const base = key.replace(PLURAL, '');
        out.set(base, new Set([...(out.get(base) ?? []), ...placeholders(text)]));
      }
      return out;
    };
    const reference = byBase(flat.pl);
    for (const lang of ['en', 'uk'] as const) {
      for (const [key, names] of byBase(flat[lang])) {
        expect({ lang, key, names: [...names].sort() }).toEqual({ lang, key, names: [...(reference.get(key) ?? [])].sort() });
      }
    }
  });

  it('have no empty texts', () => {
    for (const [lang, entries] of Object.entries(flat)) {
      for (const [key, text] of entries) expect({ lang, key, empty: text.trim() === '' }).toEqual({ lang, key, empty: false });
    }
  });
});
