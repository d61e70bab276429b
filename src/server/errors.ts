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
  request.log.error({ err: error }, 'oväntat fel');
  const body: ErrorBody = { error: { code: 'internal', message: 'Ett oväntat fel inträffade. Försök igen eller kontakta förvaltaren med förfrågans id.', details: [], requestId } };
  void reply.status(500).send(body);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const body: ErrorBody = { error: { code: 'not_found', message: `Sidan ${request.url} finns inte`, details: [], requestId: String(request.id) } };
  void reply.status(404).send(body);
}
