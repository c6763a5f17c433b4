// Baseline of P2: PUT /api/practices/:id/scores/mine as a bare Fastify route running the same single
// statement as JuryService.putScore (copied from libs/domain/src/jury/jury.repository.ts, same
// parameters) through a pg.Pool of the app's size (10). No authentication: the juror's id comes
// in the x-bench-user header. The body is checked by a Fastify JSON schema (same rules as
// PutScoreDto), and the answer has the app's shape (MyScoreView).
import type { FastifyInstance } from 'fastify';
import { Pool } from 'pg';

const PUT_SCORE_SQL = `WITH target AS (
         SELECT p.id AS practice_id, r.edition_id
           FROM practice p JOIN report r ON r.id = p.report_id JOIN edition e ON e.id = r.edition_id
          WHERE p.id = $1 AND p.status = 'eligible'
            AND e.stage = 'juryScoring' AND (e.scoring_due_at IS NULL OR e.scoring_due_at > now())
            AND GREATEST($3::int, $4::int, $5::int, $6::int) <= e.scoring_scale_max
            AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = $2 AND g.role = 'juror' AND g.edition_id = e.id
                          AND (g.city_id IS NULL OR g.city_id <> r.city_id))
            AND NOT EXISTS (SELECT 1 FROM conflict_of_interest ci WHERE ci.juror_id = $2 AND ci.practice_id = p.id)
          FOR SHARE OF e
       )
       INSERT INTO score (edition_id, practice_id, juror_id, comprehensiveness, long_term, government_engagement, effectiveness, comment)
       SELECT edition_id, practice_id, $2, $3, $4, $5, $6, $7 FROM target
       ON CONFLICT ON CONSTRAINT score_juror_practice_unique DO UPDATE
         SET comprehensiveness = EXCLUDED.comprehensiveness, long_term = EXCLUDED.long_term,
             government_engagement = EXCLUDED.government_engagement, effectiveness = EXCLUDED.effectiveness,
             comment = EXCLUDED.comment, updated_at = now()
       RETURNING comprehensiveness, long_term, government_engagement, effectiveness, comment, updated_at`;

interface ScoreRow {
  comprehensiveness: number;
  long_term: number;
  government_engagement: number;
  effectiveness: number;
  comment: string | null;
  updated_at: Date;
}

interface PutScoreBody {
  criteria: { comprehensiveness: number; longTerm: number; governmentEngagement: number; effectiveness: number };
  comment?: string;
}

const criterion = { type: 'integer', minimum: 1, maximum: 10 } as const;
const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

let pool: Pool | null = null;

export function register(app: FastifyInstance, env: NodeJS.ProcessEnv): void {
  const db = (pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 }));
  app.get('/bench/ready', async () => {
    await db.query('SELECT 1');
    return { ok: true };
  });
  app.put<{ Params: { id: string }; Body: PutScoreBody }>(
    '/api/practices/:id/scores/mine',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: UUID } }, required: ['id'] },
        headers: { type: 'object', properties: { 'x-bench-user': { type: 'string', pattern: UUID } }, required: ['x-bench-user'] },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['criteria'],
          properties: {
            criteria: {
              type: 'object',
              additionalProperties: false,
              required: ['comprehensiveness', 'longTerm', 'governmentEngagement', 'effectiveness'],
              properties: { comprehensiveness: criterion, longTerm: criterion, governmentEngagement: criterion, effectiveness: criterion },
            },
            comment: { type: 'string', maxLength: 5000 },
          },
        },
      },
    },
    async (request, reply) => {
      const { comprehensiveness, longTerm, governmentEngagement, effectiveness } = request.body.criteria;
      const comment = request.body.comment?.trim() || null;
      const userId = request.headers['x-bench-user'] as string;
      const { rows } = await db.query<ScoreRow>(PUT_SCORE_SQL, [request.params.id, userId, comprehensiveness, longTerm, governmentEngagement, effectiveness, comment]);
      if (rows.length !== 1) return reply.code(409).send({ statusCode: 409, error: 'Conflict', code: 'not_scored', message: 'The score could not be recorded' });
      const row = rows[0];
      return {
        criteria: { comprehensiveness: row.comprehensiveness, longTerm: row.long_term, governmentEngagement: row.government_engagement, effectiveness: row.effectiveness },
        comment: row.comment,
        updatedAt: row.updated_at,
      };
    },
  );
}

export async function close(): Promise<void> {
  await pool?.end();
}
