import type { FastifyRequest } from 'fastify';
import { can } from '../../domain/access.js';

/**
 * Every refusal is logged, once: who (user id), what was refused (a short code), which route
 * and method, at level warn, with the request id pino adds. Guards log with their own detail;
 * the error handler logs any 401 or 403 that nothing logged before (a service's refusal).
 */
const LOGGED = new WeakSet<FastifyRequest>();

export function logRefusal(request: FastifyRequest, refusal: string, message: string, extra: Record<string, unknown> = {}): void {
  LOGGED.add(request);
  request.log.warn(
    { refusal, userId: request.principal?.userId ?? null, route: request.routeOptions.url ?? request.url.split('?')[0], method: request.method, ...extra },
    `nekad: ${message}`,
  );
}

export function refusalLogged(request: FastifyRequest): boolean {
  return LOGGED.has(request);
}

/**
 * A meeting (or a picture) that a caller who may not see drafts asks for by id and is told
 * does not exist: it may be a draft hidden from them, so the answer is logged as a refusal.
 */
export function hiddenFromReader(request: FastifyRequest): boolean {
  const principal = request.principal;
  if (principal === null || can(principal, 'read_drafts')) return false;
  return /^\/api\/(meetings|assets)\/:/.test(request.routeOptions.url ?? '');
}
