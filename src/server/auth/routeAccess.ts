import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { PERMISSIONS, type Permission } from '../../domain/access.js';
import { permissionOfGuard, requirePermission, requireUser } from './guard.js';
import type { RateLimitName } from '../security/rateLimit.js';

/**
 * What each API route needs, declared where the route is registered and enforced by the server:
 *
 * - `preHandler: needs('read')` (server/auth/guard.ts) — a permission;
 * - `config: { access: 'public' }` — anyone, logged in or not (health, login, OpenAPI);
 * - `config: { access: 'user' }` — anyone logged in, whatever their roles.
 *
 * When a route is registered, its declared access is read and a guard is put first among its
 * onRequest hooks, so a refused request is answered before its body is read or validated. A
 * route under /api that declares nothing is for administrators only, and the start-up log says
 * so: forgetting a declaration closes a route rather than opening it. The table of every route
 * and its access is kept (`app.routeAccess`) for the generated access tests.
 */
export type Access = { kind: 'public' } | { kind: 'user' } | { kind: 'permission'; permissions: Permission[]; declared: boolean };

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
  rateLimit: RateLimitName | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route when no `needs(...)` guard says: anyone, or anyone logged in. */
    access?: 'public' | 'user';
    /** Login only: the session's CSRF token is not asked for (the Origin check still applies). */
    csrf?: 'exempt';
    /** A per-user token bucket taken before the handler runs (server/security/rateLimit.ts). */
    rateLimit?: RateLimitName;
  }
  interface FastifyInstance {
    routeAccess: RouteAccess[];
  }
}

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

function hooks(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function declaredAccess(route: Pick<RouteOptions, 'config' | 'preHandler' | 'onRequest' | 'preValidation'>): Access | null {
  const config = (route.config ?? {}) as { access?: unknown };
  const guards = [...hooks(route.onRequest), ...hooks(route.preValidation), ...hooks(route.preHandler)]
    .map(permissionOfGuard)
    .filter((p): p is Permission => p !== null);
  // several guards: the route needs all of them
  if (guards.length > 0) return { kind: 'permission', permissions: PERMISSIONS.filter((p) => guards.includes(p)), declared: true };
  if (config.access === 'public') return { kind: 'public' };
  if (config.access === 'user') return { kind: 'user' };
  return null;
}

/** The guard that runs first for a route with this access (null: nothing to check). */
export function accessGuard(access: Access): Hook | null {
  switch (access.kind) {
    case 'public':
      return null;
    case 'user':
      return async (request) => {
        requireUser(request);
      };
    case 'permission':
      return async (request) => {
        for (const permission of access.permissions) requirePermission(request, permission);
      };
  }
}

export const UNDECLARED: Access = { kind: 'permission', permissions: ['manage_users'], declared: false };

export function isApiRoute(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}
