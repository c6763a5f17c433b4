// Evidence files through the API on the S3 driver: an upload lands in the bucket (not on disk),
// a download streams back through the API with the same authorization and headers, a delete empties it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DataSource } from 'typeorm';
import { createTestApp, makeCity, makeEdition, makeReport, makeSignedInUser, PDF_BYTES, startS3Server, TestApp, TestS3Server } from '@app/testing';

describe('evidence files on S3-compatible object storage', () => {
  let s3: TestS3Server;
  let bucket: S3Client;
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    s3 = await startS3Server();
    bucket = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    t = await createTestApp({ env: s3.env });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    bucket?.destroy();
    await s3?.stop();
  });

  const download = (path: string, auth: Record<string, string>) =>
    t.http.get(path).set(auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  it('uploads into the bucket, downloads through the API for those allowed, and deletes from the bucket', async () => {
    const edition = await makeEdition(ds, { stage: 'reportsOpen' });
    const lublin = await makeCity(ds, 'Lublin');
    const krakow = await makeCity(ds, 'Kraków');
    const report = await makeReport(ds, edition.id, lublin.id);
    const expert = await makeSignedInUser(ds, t.http, 'expert', { editionId: edition.id, cityId: lublin.id });
    const otherExpert = await makeSignedInUser(ds, t.http, 'expert', { editionId: edition.id, cityId: krakow.id });

    const uploaded = await t.http.post(`/api/reports/${report.id}/files`).set(expert.auth).attach('file', PDF_BYTES, 'Program integracji – Lublin.pdf').expect(201);
    const sha256 = createHash('sha256').update(PDF_BYTES).digest('hex');
    expect(uploaded.body).toMatchObject({ filename: 'Program integracji – Lublin.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, sha256 });
    const fileId: string = uploaded.body.id;

    // In the bucket under its id, with the app's hash beside it; not on the API's disk.
    const object = await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: fileId }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(PDF_BYTES)).toBe(true);
    expect(object.Metadata).toMatchObject({ sha256 });
    expect(object.ContentType).toBe('application/pdf');
    expect(existsSync(join(t.config.DATA_DIR, 'files', fileId))).toBe(false);

    const got = await download(`/api/reports/${report.id}/files/${fileId}`, expert.auth).expect(200);
    expect((got.body as Buffer).equals(PDF_BYTES)).toBe(true);
    expect(got.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF_BYTES.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(got.headers['content-disposition']).toContain('attachment');

    // The same authorization as on disk: an expert of another city does not learn it exists.
    await t.http.get(`/api/reports/${report.id}/files/${fileId}`).set(otherExpert.auth).expect(404);
    await t.http.get(`/api/reports/${report.id}/files/${fileId}`).expect(401);

    await t.http.delete(`/api/reports/${report.id}/files/${fileId}`).set(expert.auth).expect(204);
    await expect(bucket.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: fileId }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    await t.http.get(`/api/reports/${report.id}/files/${fileId}`).set(expert.auth).expect(404);
  });
});
