// A supertest parser that keeps a response body as bytes (downloads: PDF, XLSX, evidence files).
import type { Response } from 'superagent';

export function binaryBody(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
