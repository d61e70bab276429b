import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../domain/access.js';
import { StyrkortError } from '../../domain/errors.js';
import type { Authenticated } from './principal.js';
import { logRefusal } from './refusals.js';

/**
 * Route guards. Every route declares what it needs; a refusal is logged (who, what, which
 * route) and answered 401 (not logged in) or 403 (not allowed), in Swedish.
 */
export function requireUser(request: FastifyRequest): Authenticated {
  if (!request.principal) {
    logRefusal(request, 'unauthenticated', 'inte inloggad');
    throw new StyrkortError('unauthenticated', 'Du behöver logga in.');
  }
  return request.principal;
}

export function requirePermission(request: FastifyRequest, permission: Permission): Authenticated {
  const principal = requireUser(request);
  if (!can(principal, permission)) {
    logRefusal(request, 'forbidden', 'saknar behörighet', { permission });
    throw new StyrkortError('forbidden', 'Du har inte behörighet till det här.');
  }
  return principal;
}

/** Guards made by `needs`, with their permission: the server reads a route's declared access from them. */
const GUARDS = new WeakMap<object, Permission>();

/**
 * A preHandler for a whole route: `{ preHandler: needs('edit_indicators') }`. The server also
 * reads the permission from it when the route is registered and checks it as soon as a request
 * arrives (before its body is read), so a refused caller never reaches validation.
 */
export function needs(permission: Permission) {
  const guard = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    requirePermission(request, permission);
  };
  GUARDS.set(guard, permission);
  return guard;
}

/** The permission of a guard made by `needs`, or null for any other function. */
export function permissionOfGuard(handler: unknown): Permission | null {
  return typeof handler === 'function' ? (GUARDS.get(handler) ?? null) : null;
}
