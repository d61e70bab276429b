import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../domain/access.js';

/**
 * Who is asking. An authenticator turns a request into a principal (or null for an anonymous
 * request); the server runs it once per request, before any route, and routes read
 * `request.principal`. Production uses the session authenticator (a session cookie checked
 * against PostgreSQL); tests may pass another through AppDependencies — an effect passed in,
 * not a flag inside production code.
 */
export interface Authenticated extends Principal {
  /** Session id (hashed) when the principal comes from a session; null otherwise. */
  sessionId: string | null;
  /** The CSRF token state-changing requests of this session must carry. */
  csrfToken: string | null;
  displayName: string;
}

export type Authenticator = (request: FastifyRequest) => Promise<Authenticated | null>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Authenticated | null;
  }
}
