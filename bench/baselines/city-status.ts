// Baseline of P4: GET /api/cities/:id/status as a bare Fastify route running the same five queries
// as ReportsService.cityStatus (copied from libs/domain/src/reports/reports.service.ts, with
// PRACTICE_SELECT, one after the other as there) through a pg.Pool of the app's size (10), and
// assembling the same answer. No authentication. P4 checks before measuring that both sides answer
// the same body for every official's city.
import type { FastifyInstance } from 'fastify';
import { Pool } from 'pg';

const PRACTICE_SELECT = `
  SELECT p.id, p.report_id AS "reportId", r.edition_id AS "editionId", r.city_id AS "cityId", c.name AS "cityName",
         p.title, p.description, p.recipient_units AS "recipientUnits", to_char(p.started_on, 'YYYY-MM-DD') AS "startedOn",
         p.links, p.status, p.eligibility_reason AS "eligibilityReason",
         COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name, 'translations', cat.translations) ORDER BY cat.position, cat.name)
                     FROM practice_category pc JOIN category cat ON cat.id = pc.category_id WHERE pc.practice_id = p.id), '[]') AS categories
    FROM practice p JOIN report r ON r.id = p.report_id JOIN city c ON c.id = r.city_id`;

interface PracticeRow {
  id: string;
  editionId: string;
  title: string;
  categories: unknown;
  recipientUnits: string[];
  status: string;
  eligibilityReason: string | null;
  submittedAt: Date | null;
  eligibilityDecidedAt: Date | null;
}

const maskBeforePublication = (status: string, stage: string) =>
  stage === 'published' || !['distinguished', 'notDistinguished'].includes(status) ? status : 'eligible';

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

let pool: Pool | null = null;

export function register(app: FastifyInstance, env: NodeJS.ProcessEnv): void {
  const db = (pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 }));
  app.get('/bench/ready', async () => {
    await db.query('SELECT 1');
    return { ok: true };
  });
  app.get<{ Params: { id: string }; Querystring: { editionId?: string } }>(
    '/api/cities/:id/status',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: UUID } }, required: ['id'] },
        querystring: { type: 'object', additionalProperties: false, properties: { editionId: { type: 'string', pattern: UUID } } },
      },
    },
    async (request, reply) => {
      const cityId = request.params.id;
      const editionId = request.query.editionId;
      const [city] = (await db.query(`SELECT id, name, region FROM city WHERE id = $1`, [cityId])).rows;
      if (!city) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'City not found' });
      const editions = (
        await db.query<{ id: string; year: number; name: string; stage: string }>(
          `SELECT id, year, name, stage FROM edition WHERE stage <> 'draft' AND ($1::uuid IS NULL OR id = $1) ORDER BY year DESC`,
          [editionId ?? null],
        )
      ).rows;
      const reports = (
        await db.query<{ id: string; edition_id: string; status: string; submitted_at: Date | null }>(
          `SELECT id, edition_id, status, submitted_at FROM report WHERE city_id = $1`,
          [cityId],
        )
      ).rows;
      const practices = (
        await db.query<PracticeRow>(
          `SELECT pv.*, r.submitted_at AS "submittedAt", p.eligibility_decided_at AS "eligibilityDecidedAt"
             FROM (${PRACTICE_SELECT} WHERE r.city_id = $1 AND r.status = 'submitted') pv
             JOIN practice p ON p.id = pv.id JOIN report r ON r.id = pv."reportId"
            ORDER BY pv.title`,
          [cityId],
        )
      ).rows;
      const awards = (
        await db.query<{ editionId: string; id: string; recipientUnit: string | null; citation: string | null; categories: unknown; practices: unknown; certificates: unknown }>(
          `SELECT a.edition_id AS "editionId", a.id, a.recipient_unit AS "recipientUnit", a.citation,
                  COALESCE((SELECT json_agg(json_build_object('id', cat.id, 'name', cat.name)) FROM award_category ac JOIN category cat ON cat.id = ac.category_id WHERE ac.award_id = a.id), '[]') AS categories,
                  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title)) FROM award_practice ap JOIN practice p ON p.id = ap.practice_id WHERE ap.award_id = a.id), '[]') AS practices,
                  COALESCE((SELECT json_agg(json_build_object('language', cert.language, 'code', cert.code)
                                   ORDER BY array_position(ARRAY['pl', 'en', 'uk']::varchar[], cert.language))
                              FROM certificate cert WHERE cert.award_id = a.id AND cert.revoked_at IS NULL), '[]') AS certificates
             FROM award a JOIN edition e ON e.id = a.edition_id
            WHERE a.city_id = $1 AND e.stage = 'published' ORDER BY a.position`,
          [cityId],
        )
      ).rows;
      return {
        city,
        editions: editions.map((edition) => {
          const report = reports.find((r) => r.edition_id === edition.id) ?? null;
          return {
            editionId: edition.id,
            year: edition.year,
            name: edition.name,
            stage: edition.stage,
            report: report ? { id: report.id, status: report.status, submittedAt: report.submitted_at } : null,
            awards: edition.stage === 'published' ? awards.filter((a) => a.editionId === edition.id).map(({ editionId: _e, ...award }) => award) : [],
            practices: practices
              .filter((p) => p.editionId === edition.id)
              .map((p) => ({
                id: p.id,
                title: p.title,
                categories: p.categories,
                recipientUnits: p.recipientUnits,
                status: maskBeforePublication(p.status, edition.stage),
                eligibilityReason: p.status === 'ineligible' ? p.eligibilityReason : null,
                history: [
                  ...(p.submittedAt ? [{ status: 'submitted', at: p.submittedAt }] : []),
                  ...(p.eligibilityDecidedAt ? [{ status: p.status === 'ineligible' ? 'ineligible' : 'eligible', at: p.eligibilityDecidedAt }] : []),
                ],
              })),
          };
        }),
      };
    },
  );
}

export async function close(): Promise<void> {
  await pool?.end();
}
