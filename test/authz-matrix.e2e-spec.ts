// Every route of the running app × every principal, against the table in authz-matrix.ts.
import { createTestApp, TestApp } from '@app/testing';
import { MATRIX, MatrixRow, Outcome, PrincipalName, PRINCIPALS } from './authz-matrix';
import { AuthzWorld, buildAuthzWorld } from './authz-fixtures';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('authorization matrix', () => {
  let t: TestApp;
  let world: AuthzWorld;
  let routes: string[];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildAuthzWorld(t);
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      HTTP_METHODS.filter((method) => operations[method]).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => t.close());

  it('has a row for every route of the app, and no row for a route that does not exist', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !MATRIX[route])).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !routes.includes(route))).toEqual([]);
  });

  const classify = (status: number): Outcome | number => (status === 401 || status === 403 || status === 404 || status >= 500 ? status : 'ok');

  // Authorized principals last, so a route's own mutation cannot change what the others see.
  const order = (row: MatrixRow): PrincipalName[] =>
    [...PRINCIPALS].sort((a, b) => Number(row.expect[a] === 'ok') - Number(row.expect[b] === 'ok'));

  it('gives every principal the expected outcome on every route', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const row = MATRIX[route];
      if (!row) continue;
      const [method, template] = route.split(' ');
      const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
        const fixture = row.params?.[name];
        if (!fixture) throw new Error(`${route}: no fixture for parameter ${name}`);
        return world.ids[fixture];
      });
      for (const principal of order(row)) {
        const request = t.http[method.toLowerCase() as (typeof HTTP_METHODS)[number]](path).set(world.headers[principal]);
        const response = await (row.body ? request.send(row.body) : method === 'GET' || method === 'DELETE' ? request : request.send({}));
        const got = classify(response.status);
        if (got !== row.expect[principal]) {
          mismatches.push(`${route} as ${principal}: expected ${row.expect[principal]}, got ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
