import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../domain/access.js';
import { StyrkortError } from '../../domain/errors.js';
import type { Authenticated } from './principal.js';

/**
 * Route guards. Every route declares what it needs; a refusal is logged (who, what, which
 * route) and answered 401 (not logged in) or 403 (not allowed), in Swedish.
 */
export function requireUser(request: FastifyRequest): Authenticated {
  if (!request.principal) {
    request.log.warn({ refusal: 'unauthenticated', route: request.routeOptions.url, method: request.method }, 'nekad: inte inloggad');
    throw new StyrkortError('unauthenticated', 'Du behöver logga in.');
  }
  return request.principal;
}

export function requirePermission(request: FastifyRequest, permission: Permission): Authenticated {
  const principal = requireUser(request);
  if (!can(principal, permission)) {
    request.log.warn({ refusal: 'forbidden', permission, userId: principal.userId, route: request.routeOptions.url, method: request.method }, 'nekad: saknar behörighet');
    throw new StyrkortError('forbidden', 'Du har inte behörighet till det här.');
  }
  return principal;
}

/** A preHandler for a whole route: `{ preHandler: needs('edit_indicators') }`. */
export function needs(permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    requirePermission(request, permission);
  };
}
