/**
 * The one error type of Styrkort. Every layer throws (or returns) this; the HTTP layer maps
 * `code` to a status in one place and the CLI prints `message`. Messages are Swedish and say
 * what is wrong and where.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate_limited'
  | 'config'
  | 'unavailable'
  | 'internal';

export interface ErrorDetail {
  /** Where: a file, sheet, row, column, field path — whatever the user can look up. */
  where: string | null;
  message: string;
}

export class StyrkortError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = 'StyrkortError';
    this.code = code;
    this.details = details;
  }
}

export function isStyrkortError(error: unknown): error is StyrkortError {
  return error instanceof StyrkortError;
}
