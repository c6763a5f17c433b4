// Route declarations read by the global AccessGuard: every route names a permission, or is
// explicitly @Public(). A route with neither is denied.
import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission, PERMISSIONS } from './permissions';
import { Principal } from './principal';

export const ROUTE_ACCESS = Symbol('route-access');

export type RouteAccess = { public: true } | { public: false; permission: Permission; param?: string; checkedByStatement?: boolean };

/** Marks a route in the OpenAPI document as deliberately open (`security: []`), see libs/api/src/openapi.ts. */
export const PUBLIC_OPERATION_EXTENSION = 'x-public';

export const Public = () =>
  applyDecorators(SetMetadata(ROUTE_ACCESS, { public: true } satisfies RouteAccess), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/**
 * Declares the permission a route needs. For object permissions, `param` names the route parameter
 * holding the object's id (default `id`); the guard checks it before the body is even validated, so
 * a foreign object answers 404 whatever the payload. `checkedByStatement`: the route's one statement
 * carries the same object rule and writes nothing when it does not hold, so the check runs only
 * when the route fails, before its error is answered (see deferred-object-access.ts): same outcomes,
 * one round trip.
 */
export function Authorize(permission: Permission, options: { param?: string; checkedByStatement?: boolean } = {}) {
  const spec = PERMISSIONS[permission] as { object?: string };
  const deferred = Boolean(spec.object && options.checkedByStatement);
  const access: RouteAccess = { public: false, permission, param: spec.object ? (options.param ?? 'id') : undefined, ...(deferred ? { checkedByStatement: true } : {}) };
  const decorators = [
    SetMetadata(ROUTE_ACCESS, access),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token' }),
    ApiForbiddenResponse({ description: 'The caller’s roles may not use this route' }),
  ];
  if (spec.object) decorators.push(ApiNotFoundResponse({ description: `No such ${spec.object} visible to the caller` }));
  return applyDecorators(...decorators);
}

/** The signed-in caller (only on non-public routes). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ user: Principal }>().user;
});
