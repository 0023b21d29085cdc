/**
 * Telling expected I/O failures from bugs. An error the OS reports (it carries an errno `code` such as
 * ENOENT or ENOSPC) is something the user can fix and becomes a `Result`; anything else is a bug and throws.
 */

/** A Node.js system error: has a string `code` like 'ENOENT'. */
export interface SystemError extends Error {
  code: string;
}

/** True for errors raised by the OS through Node's fs and friends. */
export function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

const PLAIN_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist (any more)',
  EACCES: 'Duet is not allowed to access it',
  EPERM: 'Duet is not allowed to access it',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'it is a folder, not a file',
  EBUSY: 'another program is using it',
  EMFILE: 'too many files are open; close some programs and try again',
};

/** A short reason a user can act on, falling back to Node's message for rare codes. */
export function describeSystemError(error: SystemError): string {
  return PLAIN_REASONS[error.code] ?? error.message;
}
