// Merge fields in text a coordinator writes: `{{name}}` and the like, filled per recipient.
// Small and pure: the group mail composer and the editable templates validate and fill with it.

export const MERGE_FIELDS = ['name', 'city', 'edition', 'deadline', 'link'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** `{{ field }}`, spaces inside the braces allowed. */
const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isMergeField = (name: string): name is MergeField => (MERGE_FIELDS as readonly string[]).includes(name);

/** The names inside `{{ }}` that are not merge fields, each once, in the order they first appear. */
export function unknownMergeFields(text: string): string[] {
  const unknown: string[] = [];
  for (const [, name] of text.matchAll(FIELD)) {
    if (!isMergeField(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** Replaces each known field that has a value; a field without a value, or unknown, stays as written. */
export function fillMergeFields(text: string, values: Partial<Record<MergeField, string>>): string {
  return text.replace(FIELD, (whole, name: string) => (isMergeField(name) && values[name] !== undefined ? values[name] : whole));
}
