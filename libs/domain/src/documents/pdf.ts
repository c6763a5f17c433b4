// What every generated PDF shares: embedded DejaVu fonts (Polish and Cyrillic letters, from the
// dejavu-fonts-ttf package, never the system's), collecting the document into a buffer, a vector QR code.
import { dirname, join } from 'node:path';
import type PDFDocumentClass from 'pdfkit';
import type QRCodeModule from 'qrcode';

// pdfkit (with fontkit, brotli and their tables) and qrcode load with the first PDF, not at start:
// the API makes a PDF only for a protocol, and loading them at start kept ~7 MiB in its idle heap.
let pdfkit: typeof PDFDocumentClass | undefined;
let qrcode: typeof QRCodeModule | undefined;
const PDFDocument = () => (pdfkit ??= require('pdfkit') as typeof PDFDocumentClass);
const QRCode = () => (qrcode ??= require('qrcode') as typeof QRCodeModule);

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  serif: join(FONT_DIR, 'DejaVuSerif.ttf'),
  serifBold: join(FONT_DIR, 'DejaVuSerif-Bold.ttf'),
} as const;

export type Pdf = PDFKit.PDFDocument;

/** A new A4 document with the fonts registered (font names: the keys of FONTS) and the body font set. */
export function newPdf(options: { title: string; landscape?: boolean; margin?: number }): Pdf {
  const doc = new (PDFDocument())({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margin: options.margin ?? 50,
    info: { Title: options.title, Producer: 'Open Cities', Creator: 'Open Cities' },
    bufferPages: true,
  });
  for (const [name, path] of Object.entries(FONTS)) doc.registerFont(name, path);
  doc.font('regular');
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Draws `text` as a QR code of side `size` points at (x, y), as vector squares (sharp at any zoom). */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode().create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
}
