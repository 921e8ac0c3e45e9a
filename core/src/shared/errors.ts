/**
 * One error type for every failure a user can cause or meet. Each surface maps the
 * code to its own way of saying it (HTTP status, Slack ephemeral, inline message).
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'conflict',
  'unauthenticated',
  'rate_limited',
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of an input. `path` is dotted (`amount.currency`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface CrmErrorOptions {
  /** Problems per field, for invalid input. */
  issues?: FieldIssue[];
  /** Extra machine-readable facts (e.g. the current version on a conflict). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class CrmError extends Error {
  override readonly name = 'CrmError';
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: CrmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

/** A short title per code, shown above the specific message. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  invalid_input: 'Some input needs fixing',
  not_found: 'Not found',
  forbidden: 'Not allowed',
  conflict: 'Changed by someone else or already exists',
  unauthenticated: 'Sign-in needed',
  rate_limited: 'Too many requests',
  unavailable: 'Temporarily unavailable',
};

export function isCrmError(value: unknown): value is CrmError {
  return value instanceof CrmError;
}

/** Wraps anything thrown into a CrmError; unknown failures become `unavailable`. */
export function asCrmError(value: unknown): CrmError {
  if (value instanceof CrmError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new CrmError('unavailable', `Something went wrong: ${message}`, { cause: value });
}

export const invalidInput = (message: string, issues: FieldIssue[] = []): CrmError =>
  new CrmError('invalid_input', message, { issues });

export const notFound = (what: string, id: string): CrmError =>
  new CrmError('not_found', `No ${what} with id ${id}.`, { details: { id } });

export const forbidden = (message: string): CrmError => new CrmError('forbidden', message);

export const conflict = (message: string, details: Record<string, unknown> = {}): CrmError =>
  new CrmError('conflict', message, { details });
