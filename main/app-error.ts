import type { AppError, ErrorCode } from '../preload/contract.ts';

/**
 * The one error type main's services throw. Its message is written for the user and holds no
 * secret and no server stack; the IPC layer turns it into `{ ok: false, error }`.
 */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  /** What the renderer words the error with (see AppError.params); never a secret. */
  readonly params: AppError['params'];

  constructor(code: ErrorCode, message: string, params?: AppError['params']) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.params = params;
  }

  toData(): AppError {
    return this.params
      ? { code: this.code, message: this.message, params: { ...this.params } }
      : { code: this.code, message: this.message };
  }
}

export const INTERNAL_ERROR: AppError = {
  code: 'internal',
  message: 'Something went wrong inside the app. Please try again.',
};

/** Plain data for any thrown value: an AppFailure keeps its code, anything else becomes `internal`. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppFailure ? error.toData() : INTERNAL_ERROR;
}
