// A DOCX whose parts unpack to a chosen size (zeros deflate about 1000:1), built on the fly so no
// big file is committed. Small entries go first with known sizes, as a word processor writes them.
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Raport</w:t></w:r></w:p></w:body></w:document>`;

function zeros(bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const size = Math.min(left, chunk.length);
      left -= size;
      this.push(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
}

/** A valid DOCX with one extra part of `paddingBytes` zeros (deflated), and `extraParts` tiny parts. */
export async function zipBombDocx(paddingBytes: number, extraParts = 0): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(DOCUMENT), 'word/document.xml');
  for (let i = 0; i < extraParts; i++) zip.addBuffer(Buffer.from('x'), `word/media/part${i}.bin`, { compress: false });
  zip.addReadStream(zeros(paddingBytes), 'word/media/padding.bin');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
