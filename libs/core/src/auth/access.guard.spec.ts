// Deny by default: a route that declares neither a permission nor @Public() is refused; a declared
// route needs a token, a role that may use it, and an object the caller may see and act on.
import { ExecutionContext, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors/domain-errors';
import { AccessGuard } from './access.guard';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuditEntry, AuditRecorder } from './audit-recorder';
import { Authorize, Public } from './authorize.decorator';
import { takeDeferredObjectCheck } from './deferred-object-access';
import { ObjectAccess } from './object-access';
import { Principal } from './principal';

const EDITION = '0b5d4c1e-3f7a-4a8e-9c2d-1e2f3a4b5c6d';

class Routes {
  undeclared() {
    return 'secret';
  }

  @Public()
  open() {
    return 'hello';
  }

  @Authorize('users.manage')
  users() {
    return 'users';
  }

  @Authorize('cities.read')
  cities() {
    return 'cities';
  }

  @Authorize('edition.manage')
  edition() {
    return 'edition';
  }

  @Authorize('edition.ballot.read', { param: 'editionId' })
  ballot() {
    return 'ballot';
  }

  @Authorize('edition.manage', { checkedByStatement: true })
  statementChecked() {
    return 'written';
  }
}

/** Declared once for the whole controller; a method's own declaration overrides it. */
@Authorize('users.manage')
class ManagedRoutes {
  inherited() {
    return 'users';
  }

  @Public()
  overridden() {
    return 'hello';
  }
}

const coordinator: Principal = {
  userId: 'u-1', email: 'k@x.pl', name: 'K', locale: 'pl', sessionId: 's-1',
  grants: [{ id: 'g-1', role: 'coordinator', editionId: null, cityId: null }],
};
const nobody: Principal = { ...coordinator, userId: 'u-2', grants: [] };

function contextFor(handler: () => unknown, request: Record<string, unknown> = {}, type = 'http', controller: object = Routes): ExecutionContext {
  const fullRequest = { method: 'GET', url: '/api/x?q=1', headers: {}, ip: '10.0.0.1', ...request };
  return {
    getType: () => type,
    getHandler: () => handler,
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => fullRequest, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  const audited: AuditEntry[] = [];
  const decisions: { permission: string; objectId: string }[] = [];
  let decision: 'allowed' | 'notFound' | 'forbidden' = 'allowed';
  const access = {
    check: async (_principal: Principal, permission: string, objectId: string) => {
      decisions.push({ permission, objectId });
      return decision;
    },
  } as unknown as ObjectAccess;
  const audit = { record: async (entry: AuditEntry) => void audited.push(entry) } as unknown as AuditRecorder;
  // Stands in for the token verifier: the token was valid and named `signedIn`, or it was not.
  let signedIn: Principal | null = coordinator;
  const tokens = { authenticate: jest.fn(async () => signedIn ?? false) };
  const guard = new AccessGuard(new Reflector(), access, audit, tokens as unknown as AccessTokenVerifier);

  beforeEach(() => {
    audited.length = 0;
    decisions.length = 0;
    decision = 'allowed';
    signedIn = coordinator;
    tokens.authenticate.mockClear();
  });

  it('denies a route without a declared permission, and logs it for the developer', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await expect(guard.canActivate(contextFor(Routes.prototype.undeclared))).rejects.toThrow(ForbiddenError);
      await expect(guard.canActivate(contextFor(Routes.prototype.undeclared))).rejects.toMatchObject({ code: 'route_not_declared', message: 'This route declares no permission' });
      expect(logged).toHaveBeenCalledWith('route GET /api/x?q=1 declares no permission: denied');
    } finally {
      logged.mockRestore();
    }
  });

  it('reads a declaration made on the controller, unless the method declares its own', async () => {
    signedIn = nobody;
    await expect(guard.canActivate(contextFor(ManagedRoutes.prototype.inherited, {}, 'http', ManagedRoutes))).rejects.toThrow('Your role may not use this route');
    await expect(guard.canActivate(contextFor(ManagedRoutes.prototype.overridden, {}, 'http', ManagedRoutes))).resolves.toBe(true);
    signedIn = coordinator;
    await expect(guard.canActivate(contextFor(ManagedRoutes.prototype.inherited, {}, 'http', ManagedRoutes))).resolves.toBe(true);
  });

  it('lets an explicitly public route through without a token', async () => {
    await expect(guard.canActivate(contextFor(Routes.prototype.open))).resolves.toBe(true);
    expect(tokens.authenticate).not.toHaveBeenCalled();
  });

  it('leaves non-HTTP contexts alone', async () => {
    await expect(guard.canActivate(contextFor(Routes.prototype.undeclared, {}, 'rpc'))).resolves.toBe(true);
  });

  it('answers 401 without a valid token', async () => {
    signedIn = null;
    await expect(guard.canActivate(contextFor(Routes.prototype.users))).rejects.toThrow(UnauthenticatedError);
    // A failure while authenticating (e.g. the principal's lookup) is the same 401.
    tokens.authenticate.mockImplementationOnce(async () => {
      throw new Error('database down');
    });
    await expect(guard.canActivate(contextFor(Routes.prototype.users))).rejects.toThrow(UnauthenticatedError);
    signedIn = coordinator;
    const context = contextFor(Routes.prototype.users);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(context.switchToHttp().getRequest<{ user?: Principal }>().user).toBe(coordinator);
  });

  it('answers 403 to a role that may not use the route, and records the denial', async () => {
    signedIn = nobody;
    await expect(guard.canActivate(contextFor(Routes.prototype.users))).rejects.toThrow('Your role may not use this route');
    expect(audited).toEqual([{
      actorId: 'u-2', action: 'access.users.manage', objectType: null, objectId: null, ip: '10.0.0.1', outcome: 'denied',
      details: { reason: 'role', route: 'GET /api/x' },
    }]);
  });

  it('lets any signed-in user use an anySignedIn route', async () => {
    signedIn = nobody;
    await expect(guard.canActivate(contextFor(Routes.prototype.cities))).resolves.toBe(true);
    expect(audited).toEqual([]);
  });

  it('asks the access service about the object named by the route parameter', async () => {
    await expect(guard.canActivate(contextFor(Routes.prototype.ballot, { params: { editionId: EDITION } }))).rejects.toThrow(ForbiddenError);
    expect(decisions).toEqual([]);
    signedIn = { ...coordinator, grants: [{ id: 'g-2', role: 'juror', editionId: EDITION, cityId: null }] };
    await expect(guard.canActivate(contextFor(Routes.prototype.ballot, { params: { editionId: EDITION } }))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: { id: EDITION } }))).rejects.toThrow(ForbiddenError);
    signedIn = coordinator;
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: { id: EDITION } }))).resolves.toBe(true);
    expect(decisions).toEqual([{ permission: 'edition.ballot.read', objectId: EDITION }, { permission: 'edition.manage', objectId: EDITION }]);
    expect(audited.map((entry) => entry.details)).toEqual([{ reason: 'role', route: 'GET /api/x' }, { reason: 'role', route: 'GET /api/x' }]);
  });

  it('answers 404 for an object the caller may not see, or an id that is not a UUID, and records it', async () => {
    decision = 'notFound';
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: { id: EDITION } }))).rejects.toThrow(new NotFoundError('Resource'));
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: { id: EDITION } }))).rejects.toMatchObject({ message: 'Resource not found' });
    decision = 'allowed';
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: { id: `${EDITION}0` } }))).rejects.toThrow(NotFoundError);
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: { id: `x${EDITION}` } }))).rejects.toThrow(NotFoundError);
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: {} }))).rejects.toThrow(NotFoundError);
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: undefined }))).rejects.toThrow(NotFoundError);
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: { id: EDITION.toUpperCase() } }))).resolves.toBe(true);
    expect(decisions.map((d) => d.objectId)).toEqual([EDITION, EDITION, EDITION.toUpperCase()]);
    expect(audited.map((entry) => [entry.objectId, entry.details])).toEqual([
      [EDITION, { reason: 'notVisible', route: 'GET /api/x' }],
      [EDITION, { reason: 'notVisible', route: 'GET /api/x' }],
      [`${EDITION}0`, { reason: 'notVisible', route: 'GET /api/x' }],
      [`x${EDITION}`, { reason: 'notVisible', route: 'GET /api/x' }],
      ['', { reason: 'notVisible', route: 'GET /api/x' }],
      ['', { reason: 'notVisible', route: 'GET /api/x' }],
    ]);
  });

  it('answers 403 for an object the caller may see but not act on', async () => {
    decision = 'forbidden';
    await expect(guard.canActivate(contextFor(Routes.prototype.edition, { params: { id: EDITION }, ip: undefined }))).rejects.toThrow('You may not do this on this resource');
    expect(audited).toEqual([{
      actorId: 'u-1', action: 'access.edition.manage', objectType: null, objectId: EDITION, ip: null, outcome: 'denied',
      details: { reason: 'forbidden', route: 'GET /api/x' },
    }]);
  });

  it('records a denial even for a request that carries no URL', async () => {
    signedIn = nobody;
    await expect(guard.canActivate(contextFor(Routes.prototype.users, { url: undefined, method: 'POST' }))).rejects.toThrow(ForbiddenError);
    expect(audited.map((entry) => entry.details)).toEqual([{ reason: 'role', route: 'POST undefined' }]);
  });

  describe('on a route whose statement states the object rule (checkedByStatement)', () => {
    const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<Record<symbol, unknown>>();

    it('asks nothing before the route runs: the check is left on the request, once', async () => {
      const context = contextFor(Routes.prototype.statementChecked, { params: { id: EDITION } });
      await expect(guard.canActivate(context)).resolves.toBe(true);
      expect(decisions).toEqual([]);
      const check = takeDeferredObjectCheck(requestOf(context));
      expect(check).toBeInstanceOf(Function);
      expect(takeDeferredObjectCheck(requestOf(context))).toBeUndefined();
    });

    it('the deferred check answers and records like the guard\'s own', async () => {
      for (const [given, expected] of [['notFound', NotFoundError], ['forbidden', ForbiddenError]] as const) {
        decision = given;
        const context = contextFor(Routes.prototype.statementChecked, { params: { id: EDITION } });
        await guard.canActivate(context);
        await expect(takeDeferredObjectCheck(requestOf(context))!()).rejects.toThrow(expected);
      }
      expect(decisions).toEqual([1, 2].map(() => ({ permission: 'edition.manage', objectId: EDITION })));
      expect(audited.map((entry) => entry.details)).toEqual([{ reason: 'notVisible', route: 'GET /api/x' }, { reason: 'forbidden', route: 'GET /api/x' }]);
    });

    it('still answers 404 at once for an id that is not a UUID', async () => {
      await expect(guard.canActivate(contextFor(Routes.prototype.statementChecked, { params: { id: 'nope' } }))).rejects.toThrow(NotFoundError);
    });
  });
});
