/**
 * Expected failures cross every boundary (IPC, storage, file formats) as values, never as exceptions.
 * Bugs still throw: a `Result` is for things a user can cause or fix.
 */

/** Every expected failure has one of these codes, so callers can branch without parsing messages. */
export type ErrorCode =
  | 'cancelled'
  | 'invalid-input'
  | 'not-found'
  | 'too-large'
  | 'corrupt'
  | 'foreign-file'
  | 'unsupported-version'
  | 'io'
  | 'denied';

/** A failure a human can read: `message` is shown as is, so it must say what happened and what to do. */
export interface AppError {
  code: ErrorCode;
  message: string;
}

/** Success with a value or an expected failure. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result with a code and a message written for the user. */
export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
