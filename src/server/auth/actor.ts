import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../services/actor.js';

/** The request's user as the actor of the changes it makes (who, under which request id). */
export function requestActor(request: FastifyRequest): Actor {
  const principal = request.principal;
  return { userId: principal?.userId ?? null, name: principal?.displayName ?? 'okänd', requestId: String(request.id) };
}
