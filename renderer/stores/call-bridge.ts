import type { AppError, Result } from '../../preload/contract.ts';

const UNEXPECTED: AppError = { code: 'internal', message: 'Something went wrong. Please try again.' };

/**
 * Awaits a bridge call and turns anything unexpected (a rejected promise, a malformed answer)
 * into an `internal` failure, so no store ever has to show a raw error object.
 */
export async function callBridge<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result: unknown = await call();
    if (typeof result === 'object' && result !== null && 'ok' in result) {
      if (result.ok === true) return result as Result<T>;
      if (result.ok === false && 'error' in result && isAppError(result.error)) return { ok: false, error: result.error };
    }
    return { ok: false, error: UNEXPECTED };
  } catch {
    return { ok: false, error: UNEXPECTED };
  }
}

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
