// Merge fields: `{{name}}` placeholders in texts a coordinator writes (overridden templates, group
// mails), filled per recipient at send time. Small and pure: the list, a check, a fill.
export const MERGE_FIELDS = ['name', 'city', 'edition', 'deadline', 'link'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** `{{ field }}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isMergeField = (name: string): name is MergeField => (MERGE_FIELDS as readonly string[]).includes(name);

/** The names inside `{{ }}` that are not merge fields, each once, in order of appearance. */
export function unknownMergeFields(text: string): string[] {
  const unknown: string[] = [];
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!isMergeField(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** Replaces each known merge field by its value (empty when the value is missing); unknown ones stay as written. */
export function fillMergeFields(text: string, values: Partial<Record<MergeField, string>>): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) => (isMergeField(name) ? (values[name] ?? '') : placeholder));
}
