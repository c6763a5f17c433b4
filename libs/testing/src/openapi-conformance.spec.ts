import { OpenApiDocument, schemaProblems } from './openapi-conformance';

const document: OpenApiDocument = {
  paths: {},
  components: {
    schemas: {
      Ref: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
      View: {
        type: 'object',
        required: ['stage', 'ref', 'at'],
        properties: {
          stage: { type: 'string', enum: ['draft', 'published'] },
          ref: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Ref' }] },
          at: { type: 'string', format: 'date-time' },
          names: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
};
const view = { $ref: '#/components/schemas/View' };
const id = '0b0f7d2e-8d0a-4c7e-9a53-2f4f0e3c1a11';

describe('schemaProblems', () => {
  it('accepts an answer as declared, with a null nullable reference', () => {
    expect(schemaProblems(document, view, { stage: 'draft', ref: null, at: '2015-05-14T13:30:00.000Z', names: { en: 'x' } })).toEqual([]);
    expect(schemaProblems(document, view, { stage: 'draft', ref: { id }, at: '2015-05-14T13:30:00+00:00' })).toEqual([]);
  });

  it('names missing and undeclared fields, wrong enums, formats and types', () => {
    expect(schemaProblems(document, view, { stage: 'open', ref: { id: 'x', extra: 1 }, names: { en: 2 } })).toEqual([
      'body.at: missing',
      'body.stage: "open" is not one of ["draft","published"]',
      'body.ref.id: "x" is not a uuid',
      'body.ref.extra: not in the schema',
      'body.names.en: expected a string, got 2',
    ]);
    expect(schemaProblems(document, { type: 'array', items: view }, [{ stage: null, ref: null, at: 'yesterday' }])).toEqual([
      'body[0].stage: null, but not nullable',
      'body[0].at: "yesterday" is not a date-time',
    ]);
  });
});
