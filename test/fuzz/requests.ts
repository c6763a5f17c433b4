// Requests for one operation: its path and query from the schema (or hostile), and a body that fits,
// carries hostile leaves, or is hostile as a whole (deep JSON, malformed JSON, wrong media type,
// truncated or malformed multipart).
import fc from 'fast-check';
import { PDF_BYTES } from '@app/testing';
import { FuzzContext, fitting, hostileJson, leaf, paramText, percentEncode, replaceLeaf } from './arbitraries';
import { Operation } from './openapi-operations';

export const ROLES = ['anonymous', 'coordinator', 'expert', 'juror', 'official'] as const;
export type RoleName = (typeof ROLES)[number];

export interface FuzzRequest {
  operation: string;
  role: RoleName;
  /** Replaces the role's Authorization header (forged or malformed tokens). */
  authorization?: string;
  method: string;
  url: string;
  contentType?: string;
  body?: Buffer;
  kind: string;
}

const deepJson = (levels: number) => `${'{"a":['.repeat(levels)}1${']}'.repeat(levels)}`;

const OVERSIZED_BODY = { kind: 'oversized', contentType: 'application/json', body: `{"name":"${'x'.repeat(1024 * 1024 + 10)}"}` };

/** Whole bodies that are wrong in themselves, JSON nested up to `maxDepth` levels (7 bytes a level). */
const wrongBodies = (maxDepth: number): fc.Arbitrary<{ kind: string; contentType: string; body: string | Buffer }> => fc.oneof(
  fc.integer({ min: 33, max: maxDepth }).map((levels) => ({ kind: 'deepJson', contentType: 'application/json', body: deepJson(levels) })),
  fc.constantFrom('{', '{"a":}', '{"a":1}}', '[1,2', '"\\ud800"', 'null', '[]', '1e999', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\ufeff{}', '')
    .map((body) => ({ kind: 'malformedJson', contentType: 'application/json', body })),
  fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data')
    .map((contentType) => ({ kind: 'wrongMediaType', contentType, body: contentType.includes('urlencoded') ? 'a=%00&b[c]=1' : '{"name":"x"}' })),
);

// Large bodies (oversized, 100,000 levels) only where a route reads a body: a route that reads none may
// answer before the upload ends and close the connection, which the client reports as "aborted"
// (seen on GET /api/metrics, a 200 sent while 0.5 MB were still on their way). Small wrong bodies go everywhere.
const WHOLE_BODIES = fc.oneof(wrongBodies(100_000), fc.constant(OVERSIZED_BODY));
const BODIES_FOR_BODILESS_ROUTES = wrongBodies(1_000);

const CRLF = '\r\n';
const partHeader = (boundary: string, field: string, filename: string, type = 'application/pdf') =>
  `--${boundary}${CRLF}Content-Disposition: form-data; name="${field}"; filename="${filename}"${CRLF}Content-Type: ${type}${CRLF}${CRLF}`;

const MULTIPART: fc.Arbitrary<{ kind: string; contentType: string; body: Buffer }> = fc
  .record({
    shape: fc.constantFrom('whole', 'truncated', 'noClosing', 'garbage', 'otherField', 'pathName', 'empty', 'twoFiles', 'noBoundary', 'headerOnly'),
    filename: fc.oneof(fc.constantFrom('raport.pdf', '../../x.pdf', 'a\u0000.pdf', '\ud800.pdf', 'x'.repeat(300), ''), fc.string({ maxLength: 20 })),
    cut: fc.integer({ min: 0, max: PDF_BYTES.length }),
  })
  .map(({ shape, filename, cut }) => {
    const b = 'fuzzboundary';
    const whole = (field: string, content: Buffer) => Buffer.concat([Buffer.from(partHeader(b, field, filename)), content, Buffer.from(`${CRLF}--${b}--${CRLF}`)]);
    const contentType = shape === 'noBoundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${b}`;
    const body: Record<string, () => Buffer> = {
      whole: () => whole('file', PDF_BYTES),
      truncated: () => Buffer.concat([Buffer.from(partHeader(b, 'file', filename)), PDF_BYTES.subarray(0, cut)]),
      noClosing: () => Buffer.concat([Buffer.from(partHeader(b, 'file', filename)), PDF_BYTES, Buffer.from(`${CRLF}--${b}`)]),
      garbage: () => Buffer.from('nonsense without any boundary'),
      otherField: () => whole('document', PDF_BYTES),
      pathName: () => whole('file', PDF_BYTES),
      empty: () => Buffer.alloc(0),
      twoFiles: () => Buffer.concat([Buffer.from(partHeader(b, 'file', 'a.pdf')), PDF_BYTES, Buffer.from(CRLF), whole('file', PDF_BYTES)]),
      noBoundary: () => whole('file', PDF_BYTES),
      headerOnly: () => Buffer.from(`--${b}${CRLF}Content-Disposition: form-data`),
    };
    return { kind: `multipart:${shape}`, contentType, body: body[shape]() };
  });

const FORGED_AUTH = fc.constantFrom('Bearer ', 'Bearer x.y.z', 'Basic YTpi', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', `Bearer ${'a'.repeat(5000)}`, 'Bearer \u00ff');

/** `arbitrary` once in `every` draws, undefined otherwise. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** One request to `operation` as `role`. */
export function requestFor(context: FuzzContext, operation: Operation, role: RoleName): fc.Arbitrary<FuzzRequest> {
  // The segment before a parameter names its table: /cities/{id}/officials/{assignmentId}.
  const segmentBefore = (name: string) => operation.path.split('/').at(operation.path.split('/').indexOf(`{${name}}`) - 1);
  const pathValues = fc.tuple(...operation.pathParams.map((p) => paramText(context, p.schema, segmentBefore(p.name))));
  const queryValues = fc.tuple(
    ...operation.queryParams.map((p) => (p.required ? paramText(context, p.schema).map((v) => [v]) : fc.option(paramText(context, p.schema), { freq: 2, nil: undefined }).map((v) => (v === undefined ? [] : [v])))),
  );
  const extraQuery = rarely(fc.constantFrom('x=%00', 'limit=99999999999999999999', 'offset=-1', 'q[]=a', '__proto__=1', 'limit=1&limit=2'), 8);
  const body: fc.Arbitrary<{ kind: string; contentType?: string; body?: string | Buffer }> =
    operation.body?.mediaType === 'multipart'
      ? MULTIPART
      : operation.body
        ? fc.oneof(
            { weight: 3, arbitrary: leaf(context, operation.body.schema).map((value) => ({ kind: 'schema', contentType: 'application/json', body: JSON.stringify(value) ?? 'null' })) },
            { weight: 4, arbitrary: fc.tuple(fitting(context, operation.body.schema), fc.nat(), hostileJson).map(([value, n, hostile]) => ({ kind: 'oneHostileField', contentType: 'application/json', body: JSON.stringify(replaceLeaf(value, n, hostile)) ?? 'null' })) },
            { weight: 2, arbitrary: fc.tuple(fitting(context, operation.body.schema), fc.string({ maxLength: 12 }), hostileJson).map(([value, key, extra]) => ({ kind: 'extraField', contentType: 'application/json', body: JSON.stringify({ ...(value as object), [key || 'role']: extra }) })) },
            { weight: 1, arbitrary: WHOLE_BODIES },
          )
        : fc.oneof({ weight: 9, arbitrary: fc.constant({ kind: 'schema' }) }, { weight: 1, arbitrary: BODIES_FOR_BODILESS_ROUTES });
  const auth = rarely(FORGED_AUTH, 25);
  return fc.tuple(pathValues, queryValues, extraQuery, body, auth).map(([path, query, extra, payload, authorization]) => {
    let url = operation.path;
    operation.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, percentEncode(path[i]))));
    const pairs = operation.queryParams.flatMap((p, i) => query[i].map((v) => `${encodeURIComponent(p.name)}=${percentEncode(v)}`));
    if (extra) pairs.push(extra);
    if (pairs.length) url += `?${pairs.join('&')}`;
    return {
      operation: operation.key,
      role,
      authorization,
      method: operation.method,
      url,
      contentType: payload.contentType,
      body: payload.body === undefined ? undefined : Buffer.isBuffer(payload.body) ? payload.body : Buffer.from(payload.body, 'utf8'),
      kind: authorization ? `${payload.kind}+forgedAuth` : payload.kind,
    };
  });
}
