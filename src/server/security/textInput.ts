import type { FastifyRequest } from 'fastify';
import { StyrkortError } from '../../domain/errors.js';
import { findUnstorableText } from '../../domain/text.js';

/**
 * Every request's path parameters, query and body are checked for text that cannot be stored
 * before a route sees them: a NUL (PostgreSQL's text refuses it, and the route answered 500) or a
 * lone surrogate (half a character). Such a request gets 400 naming where, in Swedish.
 */
const PLACES = [
  ['params', 'adressen'],
  ['query', 'frågeparametern'],
  ['body', 'fältet'],
] as const;

export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  for (const [part, label] of PLACES) {
    const found = findUnstorableText(request[part]);
    if (!found) continue;
    const what = found.problem === 'NUL' ? 'tecknet NUL (kod 0), som inte kan lagras' : 'ett halvt tecken (ett ensamt UTF-16-surrogat)';
    const where = found.where ? `${label} ${found.where}` : label;
    throw new StyrkortError('invalid_input', `Texten i ${where} innehåller ${what}. Ta bort det och försök igen.`, [{ where: found.where || part, message: what }]);
  }
}
