import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isStyrkortError, type ErrorCode } from '../domain/errors.js';
import { hiddenFromReader, logRefusal, refusalLogged } from './auth/refusals.js';

/** The one place an error becomes an HTTP answer: status from the error's code, body in Swedish. */
const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  config: 500,
  internal: 500,
};

/**
 * A database connection lost under a request: PostgreSQL's connection exceptions (SQLSTATE class
 * 08) and operator interventions (57P01 terminated, 57P02 crash, 57P03 starting up), pg's own
 * words for a socket that ended, and a refused or reset TCP connection. Such a request fails
 * with 503 — its transaction was rolled back by the server — and the next one gets a new connection.
 */
export function isLostConnection(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code))) return true;
  return typeof message === 'string' && /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable)$/.test(message);
}

export interface ErrorBody {
  error: { code: string; message: string; details: Array<{ where: string | null; message: string }>; requestId: string };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const requestId = String(request.id);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      where: `${error.validationContext ?? 'förfrågan'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message ?? 'ogiltigt värde',
    }));
    const body: ErrorBody = {
      error: { code: 'invalid_input', message: `Ogiltig förfrågan: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}`, details, requestId },
    };
    void reply.status(400).send(body);
    return;
  }
  if (isStyrkortError(error)) {
    const status = STATUS[error.code];
    if (status >= 500) request.log.error({ err: error }, error.message);
    // every refusal is logged once; guards log their own with detail (server/auth/refusals.ts)
    if ((status === 401 || status === 403) && !refusalLogged(request)) logRefusal(request, error.code, error.message);
    if (status === 404 && !refusalLogged(request) && hiddenFromReader(request)) logRefusal(request, 'not_visible', `finns inte eller visas inte för läsare: ${error.message}`);
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: [...error.details], requestId } };
    void reply.status(status).send(body);
    return;
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const body: ErrorBody = { error: { code: 'invalid_input', message: error.message, details: [], requestId } };
    void reply.status(error.statusCode).send(body);
    return;
  }
  if (isLostConnection(error)) {
    request.log.error({ err: error }, 'förbindelsen med databasen bröts');
    const body: ErrorBody = { error: { code: 'unavailable', message: 'Förbindelsen med databasen bröts. Inget av förfrågan sparades till hälften; försök igen om en stund.', details: [], requestId } };
    void reply.status(503).header('retry-after', '5').send(body);
    return;
  }
  request.log.error({ err: error }, 'oväntat fel');
  const body: ErrorBody = { error: { code: 'internal', message: 'Ett oväntat fel inträffade. Försök igen eller kontakta förvaltaren med förfrågans id.', details: [], requestId } };
  void reply.status(500).send(body);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const body: ErrorBody = { error: { code: 'not_found', message: `Sidan ${request.url} finns inte`, details: [], requestId: String(request.id) } };
  void reply.status(404).send(body);
}
