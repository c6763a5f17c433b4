// Bull Board at /admin/queues, for coordinators only, with the API's own authentication:
//  - an API client sends `Authorization: Bearer <access token>` as on every route;
//  - a browser cannot set that header on a navigation, so a coordinator's app first calls
//    POST /api/admin/queues/session (Bearer). It answers with a board cookie (HttpOnly,
//    SameSite=Strict, Path=/admin/queues, 15 minutes) and a URL carrying a one-minute ticket; opening
//    that URL trades the ticket for the same cookie and redirects to the bare URL, so the ticket
//    does not stay in the address bar or the history.
// Both are JWTs signed with JWT_SECRET for their own audience and type (neither is accepted as an API
// access token), bound to the sign-in session: every request reloads the principal, so logging
// out, disabling the user or taking away the coordinator role closes the board at once.
// SameSite=Strict keeps other sites from riding the cookie into the board's mutating routes.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Controller, HttpCode, Injectable, Post, Res } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, Authorize, CurrentPrincipal, hasSaneLifetime, isCoordinator, JWT_ALGORITHM, Principal, PrincipalCache, QUEUES } from '@app/core';

export const BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'oc_board';
/** The app's page that opens the board (asks for a session, signing in first when needed). */
export const BOARD_OPENER_PATH = '/coordinator/queues';
const BOARD_TTL_SECONDS = 15 * 60;
const TICKET_TTL_SECONDS = 60;

type BoardTokenType = 'board' | 'boardTicket';

interface BoardClaims {
  sub: string;
  sid: string;
  typ: BoardTokenType | 'access';
  iat?: number;
  exp?: number;
}

export class BoardSessionDto {
  @ApiProperty({ example: '/admin/queues?ticket=…', description: 'Open within a minute; it sets the board cookie' }) url!: string;
  @ApiProperty({ description: 'Seconds the ticket in the url stays valid' }) expiresIn!: number;
}

@Injectable()
export class QueuesBoardAccess {
  private readonly jwt = new JwtService({});

  constructor(private readonly config: AppConfig, private readonly principals: PrincipalCache) {}

  private get audience(): string {
    return `${this.config.JWT_AUDIENCE}:queues-board`;
  }

  sign(principal: Principal, typ: BoardTokenType): Promise<string> {
    return this.jwt.signAsync(
      { sub: principal.userId, sid: principal.sessionId, typ },
      {
        algorithm: JWT_ALGORITHM,
        issuer: this.config.JWT_ISSUER,
        audience: this.audience,
        expiresIn: typ === 'board' ? BOARD_TTL_SECONDS : TICKET_TTL_SECONDS,
        secret: this.config.JWT_SECRET,
      },
    );
  }

  cookie(value: string, maxAge = BOARD_TTL_SECONDS): string {
    const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
    return `${BOARD_COOKIE}=${value}; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
  }

  /** The principal behind a token of the given type, if it is valid and its session still lives. */
  async principalOf(token: string, typ: BoardClaims['typ']): Promise<Principal | null> {
    let claims: BoardClaims;
    try {
      claims = await this.jwt.verifyAsync<BoardClaims>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: typ === 'access' ? this.config.JWT_AUDIENCE : this.audience,
        secret: this.config.JWT_SECRET,
      });
    } catch {
      return null;
    }
    if (claims.typ !== typ || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    const lifetime = typ === 'access' ? this.config.JWT_ACCESS_TTL_SECONDS : typ === 'board' ? BOARD_TTL_SECONDS : TICKET_TTL_SECONDS;
    if (!hasSaneLifetime(claims, lifetime)) return null;
    return (await this.principals.get(claims.sub, claims.sid)) || null;
  }

  /** Bearer access token first, then the board cookie. */
  async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) return this.principalOf(bearer, 'access');
    const cookie = readCookie(request.headers.cookie, BOARD_COOKIE);
    return cookie ? this.principalOf(cookie, 'board') : null;
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

@ApiTags('notifications')
@Controller('admin/queues')
export class QueuesBoardController {
  constructor(private readonly access: QueuesBoardAccess) {}

  @Authorize('notifications.manage')
  @Post('session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the queue dashboard (/admin/queues) in a browser: sets its cookie and returns a one-minute ticket URL' })
  @ApiOkResponse({ type: BoardSessionDto })
  async session(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<BoardSessionDto> {
    reply.header('set-cookie', this.access.cookie(await this.access.sign(principal, 'board')));
    reply.header('cache-control', 'no-store');
    return { url: `${BOARD_PATH}?ticket=${await this.access.sign(principal, 'boardTicket')}`, expiresIn: TICKET_TTL_SECONDS };
  }
}

/** A person opening the board in a browser (a page navigation), not a script reading its API. */
export function isPageNavigation(request: FastifyRequest): boolean {
  return request.method === 'GET' && /\btext\/html\b/.test(request.headers.accept ?? '') && !request.url.startsWith(`${BOARD_PATH}/api/`);
}

const problem = (request: FastifyRequest, reply: FastifyReply, statusCode: 401 | 403, message: string) =>
  // A browser gets the app's page that opens the board (sign-in first, or why it is refused), not raw JSON.
  isPageNavigation(request)
    ? reply.header('cache-control', 'no-store').redirect(BOARD_OPENER_PATH, 303)
    : reply
    .code(statusCode)
    .header('cache-control', 'no-store')
    .send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message });

/** Mounts Bull Board under BOARD_PATH behind the coordinator check. Call before app.init(). */
export async function registerQueuesBoard(app: NestFastifyApplication): Promise<void> {
  const access = app.get(QueuesBoardAccess);
  const serverAdapter = new BoardFastifyAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Open Cities queues' } },
  });
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request, reply) => {
      const url = new URL(request.url, 'http://board.local');
      const ticket = url.searchParams.get('ticket');
      if (ticket) {
        const principal = await access.principalOf(ticket, 'boardTicket');
        if (!principal) return problem(request, reply, 401, 'The ticket is invalid or has expired; ask for a new one');
        if (!isCoordinator(principal)) return problem(request, reply, 403, 'The queue dashboard is for coordinators');
        url.searchParams.delete('ticket');
        return reply
          .header('set-cookie', access.cookie(await access.sign(principal, 'board')))
          .header('cache-control', 'no-store')
          .redirect(`${url.pathname}${url.search}`, 303);
      }
      const principal = await access.authenticate(request);
      if (!principal) return problem(request, reply, 401, 'Sign in as a coordinator: POST /api/admin/queues/session and open the returned url');
      if (!isCoordinator(principal)) return problem(request, reply, 403, 'The queue dashboard is for coordinators');
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: BOARD_PATH });
  });
}
