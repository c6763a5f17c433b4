// One text the API gives in the reader's language (a citation, a category's description, a follow-up's
// note) with its version beside it (`citationVersion`…): shown with the practices' note and switch
// ("translated from Polish · show original"), through the same ContentVersion pieces.
import type { ReactNode } from 'react';
import { shownVersion, useOriginalSwitch, VersionNote, type ContentVersion } from './content-version';

/** What the API says about the version of one text (TextVersion in the OpenAPI document). */
export interface TextVersion {
  language: string;
  originalLanguage: string;
  translated: boolean;
  outdated: boolean;
  requestedLanguage: string | null;
  original: string | null;
}

/** The text and its version as the practices' ContentVersion (the text as its description). */
export function textContentVersion(text: string, version: TextVersion | undefined): ContentVersion {
  if (!version) return { title: '', description: text };
  return {
    title: '',
    description: text,
    language: version.language,
    originalLanguage: version.originalLanguage,
    translated: version.translated,
    outdated: version.outdated,
    requestedLanguage: version.requestedLanguage,
    original: version.translated && version.original !== null ? { language: version.originalLanguage, title: '', description: version.original } : null,
  };
}

/** The text in the reader's language (or its original, switched) wrapped by `render`, the note below it. */
export function VersionedText({ id, text, version, render }: { id: string; text: string; version: TextVersion | undefined; render: (text: string, language: string | undefined) => ReactNode }) {
  const item = textContentVersion(text, version);
  const [showOriginal, toggle] = useOriginalSwitch(id);
  const shown = shownVersion(item, showOriginal);
  return (
    <>
      {render(shown.description, shown.language)}
      <VersionNote item={item} showOriginal={showOriginal} onToggle={toggle} />
    </>
  );
}
