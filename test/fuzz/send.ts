// Sends a fuzz request over a real socket, to 127.0.0.1 only, and judges the answer: no 5xx, no body
// carrying a stack trace, SQL or a server file path, nothing slower than the limit.
import { Agent, request } from 'node:http';
import { FuzzRequest } from './requests';

export const SLOW_MS = 2000;

export interface Answer {
  status: number;
  millis: number;
  body: string;
  contentType: string;
}

// A connection per request: a server that refuses a body (413) closes the connection it came on.
const agent = new Agent({ keepAlive: false });

export function send(port: number, fuzz: FuzzRequest, authorization: string | undefined): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const headers: Record<string, string | number> = {};
    if (authorization) headers.authorization = authorization;
    if (fuzz.contentType) headers['content-type'] = fuzz.contentType;
    if (fuzz.body) headers['content-length'] = fuzz.body.length;
    const started = process.hrtime.bigint();
    // The fuzzer talks to the app under test on this machine and nowhere else.
    const outgoing = request({ host: '127.0.0.1', port, method: fuzz.method, path: fuzz.url, headers, agent, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolvePromise({
          status: response.statusCode ?? 0,
          millis: Number(process.hrtime.bigint() - started) / 1e6,
          body: Buffer.concat(chunks).toString('utf8'),
          contentType: String(response.headers['content-type'] ?? ''),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`timeout: ${fuzz.method} ${fuzz.url.slice(0, 120)}`)));
    outgoing.on('error', reject);
    outgoing.end(fuzz.body);
  });
}

const LEAKS: [string, RegExp][] = [
  ['stack trace', /\bat (?:async )?[\w$.<>]+ \(|\n\s+at \S+:\d+:\d+|Error: .*\n\s+at /],
  ['SQL', /\b(?:SELECT .+ FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|syntax error at or near|violates (?:check|foreign key|unique|not-null) constraint|QueryFailedError|invalid input syntax for/],
  ['file path', /(?:\/(?:work|home|root|usr|opt|srv|app)\/[\w.-]+\/|node_modules|\b[\w-]+\.(?:ts|js):\d+)/],
];

/** What is wrong with an answer, if anything. */
export function judge(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (answer.millis > SLOW_MS) problems.push(`slow: ${Math.round(answer.millis)} ms`);
  // Downloads (PDF, DOCX) are the uploader's bytes, not the server's words.
  if (/json|text|html/.test(answer.contentType) || !answer.contentType) {
    for (const [what, pattern] of LEAKS) if (pattern.test(answer.body)) problems.push(`leaks ${what}`);
  }
  return problems;
}

export function closeAgent(): void {
  agent.destroy();
}
