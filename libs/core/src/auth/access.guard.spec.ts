// Deny by default: a route that declares neither a permission nor @Public() is refused.
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../errors/domain-errors';
import { AccessGuard } from './access.guard';
import { ObjectAccess } from './object-access';
import { AuditRecorder } from './audit-recorder';
import { Public } from './authorize.decorator';

class Routes {
  undeclared() {
    return 'secret';
  }

  @Public()
  open() {
    return 'hello';
  }
}

function contextFor(handler: () => unknown): ExecutionContext {
  const request = { method: 'GET', url: '/api/x', headers: {} };
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  const guard = new AccessGuard(new Reflector(), {} as ObjectAccess, {} as AuditRecorder);

  it('denies a route without a declared permission', async () => {
    await expect(guard.canActivate(contextFor(Routes.prototype.undeclared))).rejects.toThrow(ForbiddenError);
  });

  it('lets an explicitly public route through without a token', async () => {
    await expect(guard.canActivate(contextFor(Routes.prototype.open))).resolves.toBe(true);
  });
});
