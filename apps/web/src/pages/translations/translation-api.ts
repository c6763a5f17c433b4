// One shape for the six kinds of translatable text, over their own API routes: a practice (title and
// description), a report's summary, a category's name and its description, an award's citation, a
// follow-up's note. A category's name keeps no provenance (who translated it, when).
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { TranslationItemKind } from '../../api/types';

export type TranslationField = 'title' | 'description' | 'summary' | 'text' | 'name';

/** The fields each kind translates, in the order the form shows them. */
export const KIND_FIELDS: Record<TranslationItemKind, readonly TranslationField[]> = {
  practice: ['title', 'description'],
  reportSummary: ['summary'],
  categoryDescription: ['text'],
  awardCitation: ['text'],
  followUpNote: ['text'],
  categoryName: ['name'],
};

export type TranslationTexts = Partial<Record<TranslationField, string>>;

export interface TextVersionOf {
  language: string;
  texts: TranslationTexts;
  /** Null for a category's name (not recorded). */
  providedAt: string | null;
  providedByName: string | null;
  outdated: boolean;
}

export interface TranslationsOf {
  original: TextVersionOf;
  translations: TextVersionOf[];
  editable: boolean;
}

interface RawVersion {
  language: string;
  providedAt?: string | null;
  providedByName?: string | null;
  outdated?: boolean;
  title?: string;
  description?: string;
  summary?: string;
  text?: string | null;
  name?: string;
}

function version(raw: RawVersion): TextVersionOf {
  const texts: TranslationTexts = {};
  for (const field of ['title', 'description', 'summary', 'text', 'name'] as const) {
    const value = raw[field];
    if (typeof value === 'string') texts[field] = value;
  }
  return { language: raw.language, texts, providedAt: raw.providedAt ?? null, providedByName: raw.providedByName ?? null, outdated: raw.outdated ?? false };
}

function normalize(raw: { original: RawVersion; translations: RawVersion[]; editable: boolean }): TranslationsOf {
  return { original: version(raw.original), translations: raw.translations.map(version), editable: raw.editable };
}

/** The original and every translation of the item. */
export async function loadTranslations(kind: TranslationItemKind, id: string, signal?: AbortSignal): Promise<TranslationsOf> {
  const params = { params: { path: { id } }, signal };
  switch (kind) {
    case 'practice':
      return normalize(await unwrap(client.GET('/api/practices/{id}/translations', params)));
    case 'reportSummary':
      return normalize(await unwrap(client.GET('/api/reports/{id}/translations', params)));
    case 'categoryDescription':
      return normalize(await unwrap(client.GET('/api/categories/{id}/translations', params)));
    case 'awardCitation':
      return normalize(await unwrap(client.GET('/api/awards/{id}/translations', params)));
    case 'followUpNote':
      return normalize(await unwrap(client.GET('/api/follow-ups/{id}/translations', params)));
    case 'categoryName':
      return normalize(await unwrap(client.GET('/api/categories/{id}/name-translations', params)));
  }
}

/** Adds or replaces the translation into `lang` (current again: no longer outdated). */
export async function saveTranslation(kind: TranslationItemKind, id: string, lang: string, texts: TranslationTexts): Promise<void> {
  const params = { params: { path: { id, lang } } };
  switch (kind) {
    case 'practice':
      await unwrap(client.PUT('/api/practices/{id}/translations/{lang}', { ...params, body: { title: texts.title ?? '', description: texts.description ?? '' } }));
      return;
    case 'reportSummary':
      await unwrap(client.PUT('/api/reports/{id}/translations/{lang}', { ...params, body: { summary: texts.summary ?? '' } }));
      return;
    case 'categoryDescription':
      await unwrap(client.PUT('/api/categories/{id}/translations/{lang}', { ...params, body: { text: texts.text ?? '' } }));
      return;
    case 'awardCitation':
      await unwrap(client.PUT('/api/awards/{id}/translations/{lang}', { ...params, body: { text: texts.text ?? '' } }));
      return;
    case 'followUpNote':
      await unwrap(client.PUT('/api/follow-ups/{id}/translations/{lang}', { ...params, body: { text: texts.text ?? '' } }));
      return;
    case 'categoryName':
      await unwrap(client.PUT('/api/categories/{id}/name-translations/{lang}', { ...params, body: { name: texts.name ?? '' } }));
      return;
  }
}

/** Removes the translation into `lang` (never the original: the API refuses the original's language). */
export async function deleteTranslation(kind: TranslationItemKind, id: string, lang: string): Promise<void> {
  const params = { params: { path: { id, lang } } };
  switch (kind) {
    case 'practice':
      await unwrap(client.DELETE('/api/practices/{id}/translations/{lang}', params));
      return;
    case 'reportSummary':
      await unwrap(client.DELETE('/api/reports/{id}/translations/{lang}', params));
      return;
    case 'categoryDescription':
      await unwrap(client.DELETE('/api/categories/{id}/translations/{lang}', params));
      return;
    case 'awardCitation':
      await unwrap(client.DELETE('/api/awards/{id}/translations/{lang}', params));
      return;
    case 'followUpNote':
      await unwrap(client.DELETE('/api/follow-ups/{id}/translations/{lang}', params));
      return;
    case 'categoryName':
      await unwrap(client.DELETE('/api/categories/{id}/name-translations/{lang}', params));
      return;
  }
}
