// Evidence files before they leave the browser: the checks shown before an upload (type by name
// and by the first bytes, size); the API checks again, by content. Also a small CSV reader.

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileKind = 'pdf' | 'docx' | 'odt';

const EXTENSIONS: Record<string, FileKind> = { pdf: 'pdf', docx: 'docx', odt: 'odt' };
const MIME_TYPES: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
};

export interface FileCheck {
  name: 'type' | 'content' | 'size';
  ok: boolean;
}

export interface FileChecks {
  kind: FileKind | null;
  checks: FileCheck[];
  ok: boolean;
}

/** The kind a file claims by its name (and type, when the browser knows it). */
export function claimedKind(file: { name: string; type: string }): FileKind | null {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const byName = EXTENSIONS[extension] ?? null;
  const byType = file.type ? (MIME_TYPES[file.type] ?? null) : byName;
  return byName && byName === byType ? byName : null;
}

/** The first bytes: a PDF starts with "%PDF-", DOCX and ODT are ZIP packages ("PK\x03\x04"). */
export function contentMatches(kind: FileKind, head: Uint8Array): boolean {
  const starts = (bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  return kind === 'pdf' ? starts([0x25, 0x50, 0x44, 0x46, 0x2d]) : starts([0x50, 0x4b, 0x03, 0x04]);
}

export async function checkFile(file: File): Promise<FileChecks> {
  const kind = claimedKind(file);
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const checks: FileCheck[] = [
    { name: 'type', ok: kind !== null },
    { name: 'content', ok: kind !== null && contentMatches(kind, head) },
    { name: 'size', ok: file.size > 0 && file.size <= MAX_FILE_BYTES },
  ];
  return { kind, checks, ok: checks.every((check) => check.ok) };
}

/** RFC 4180 CSV to rows of fields (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
