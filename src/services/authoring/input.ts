import type { z } from 'zod';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { validate } from '../../domain/validation.js';

/** Parses a request body with an authoring schema, or throws the Swedish problems per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = validate(schema, input);
  if (!result.ok) throw invalid(what, result.details);
  return result.value;
}

export function invalid(what: string, details: readonly ErrorDetail[]): StyrkortError {
  const first = details[0];
  const more = details.length > 1 ? ` (och ${details.length - 1} fel till)` : '';
  return new StyrkortError('invalid_input', `${what}: ${first ? `${first.where}: ${first.message}` : 'ogiltigt innehåll'}${more}`, details);
}
