// The global guard: deny by default. Public routes pass; every other route must declare a
// permission, needs a valid access token (401), a role that may use it (403), and for object
// permissions an object the domain's ObjectAccess lets the caller see (404) and act on (403).
import { ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors/domain-errors';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuditRecorder } from './audit-recorder';
import { DEFERRED_OBJECT_CHECK, DeferredCheckRequest } from './deferred-object-access';
import { ROUTE_ACCESS, RouteAccess } from './authorize.decorator';
import { OBJECT_ACCESS, ObjectAccess } from './object-access';
import { Permission, PERMISSIONS } from './permissions';
import { hasRole, Principal } from './principal';
import { Role } from './roles';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GuardedRequest extends DeferredCheckRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: Principal;
  params?: Record<string, string>;
  ip?: string;
  method?: string;
  url?: string;
}

@Injectable()
export class AccessGuard {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(OBJECT_ACCESS) private readonly access: ObjectAccess,
    private readonly audit: AuditRecorder,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const declared = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (!declared) {
      this.logger.error(`route ${request.method} ${request.url} declares no permission: denied`);
      throw new ForbiddenError('This route declares no permission', 'route_not_declared');
    }
    if (declared.public) return true;

    const principal = await this.authenticate(request);
    const spec = PERMISSIONS[declared.permission] as { roles: readonly Role[] | 'anySignedIn' };
    if (spec.roles !== 'anySignedIn' && !hasRole(principal, ...spec.roles)) {
      await this.deny(principal, declared.permission, null, request, 'role');
      throw new ForbiddenError('Your role may not use this route');
    }
    if (declared.param) {
      const objectId = request.params?.[declared.param] ?? '';
      const check = () => this.checkObject(principal, declared.permission, objectId, request);
      // The route's statement states the rule: checked only if the route fails (deferred-object-access.ts).
      if (declared.checkedByStatement && UUID.test(objectId)) request[DEFERRED_OBJECT_CHECK] = check;
      else await check();
    }
    return true;
  }

  private async checkObject(principal: Principal, permission: Permission, objectId: string, request: GuardedRequest): Promise<void> {
    const decision = UUID.test(objectId) ? await this.access.check(principal, permission, objectId) : 'notFound';
    if (decision === 'notFound') {
      await this.deny(principal, permission, objectId, request, 'notVisible');
      throw new NotFoundError('Resource');
    }
    if (decision === 'forbidden') {
      await this.deny(principal, permission, objectId, request, 'forbidden');
      throw new ForbiddenError('You may not do this on this resource');
    }
  }

  /** The request's principal (also on request.user); any failure to authenticate is the same 401. */
  private async authenticate(request: GuardedRequest): Promise<Principal> {
    const principal = await this.tokens.authenticate(request).catch(() => false as const);
    if (!principal) throw new UnauthenticatedError();
    request.user = principal;
    return principal;
  }

  private deny(principal: Principal, permission: string, objectId: string | null, request: GuardedRequest, reason: string) {
    return this.audit.record({
      actorId: principal.userId,
      action: `access.${permission}`,
      objectType: null,
      objectId,
      ip: request.ip ?? null,
      outcome: 'denied',
      details: { reason, route: `${request.method} ${request.url?.split('?')[0]}` },
    });
  }
}
