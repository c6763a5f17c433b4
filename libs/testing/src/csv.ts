// A strict RFC 4180 reader for tests: quoted fields with doubled quotes, commas and line breaks
// inside, CRLF line ends. Throws on anything a conforming writer would not produce.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; if (!/^(,|\r\n|$)/.test(text.slice(i, i + 2))) throw new Error(`text after a closing quote at ${i}`); continue; }
      field += c; i += 1; continue;
    }
    if (c === '"' && atFieldStart) { quoted = true; atFieldStart = false; i += 1; continue; }
    if (c === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
    if (c === ',') { row.push(field); field = ''; atFieldStart = true; i += 1; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; atFieldStart = true; i += 2; continue; }
    if (c === '\r' || c === '\n') throw new Error(`a bare line break at ${i} (lines end in CRLF)`);
    field += c; atFieldStart = false; i += 1;
  }
  if (quoted) throw new Error('an unclosed quote');
  if (field !== '' || row.length > 0) throw new Error('the last line does not end in CRLF');
  return rows;
}

/** The CSV's lines as objects keyed by its header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...lines] = parseCsv(text);
  return lines.map((line) => {
    if (line.length !== header.length) throw new Error(`a line of ${line.length} fields under a header of ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, line[i]]));
  });
}
