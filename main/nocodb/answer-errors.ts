// Turns a NocoDB answer that is not a success into an AppFailure. NocoDB speaks two error shapes,
// `{ msg }` and `{ error, message }`, and a 400 from its request validator adds AJV `errors`.
// Only short, plain server words reach the user; a 5xx body (which may carry a stack) never does.
import { AppFailure } from '../app-error.ts';
import type { NocoAnswer } from './http-transport.ts';
import { redirectAdvice } from './redirect-advice.ts';
import { boundedText } from './shown-text.ts';

// The request fields the app sends, in the user's words, for AJV messages such as
// "/description must NOT have more than 255 characters".
const FIELD_LABELS: Record<string, string> = {
  '/description': 'Token name',
  '/email': 'Email',
  '/password': 'Password',
  '/currentPassword': 'Current password',
  '/newPassword': 'New password',
};

/** The server's own explanation, when it sent one in a shape NocoDB uses. */
export function serverMessage(answer: NocoAnswer): string | null {
  if (answer.body.kind !== 'json') return null;
  const body = answer.body.value;
  if (!isRecord(body)) return null;
  const detail = firstValidationError(body.errors);
  if (detail !== null) return clean(detail);
  const text = typeof body.msg === 'string' ? body.msg : typeof body.message === 'string' ? body.message : null;
  return text === null ? null : clean(text);
}

function firstValidationError(errors: unknown): string | null {
  if (!Array.isArray(errors)) return null;
  const first: unknown = errors[0];
  if (!isRecord(first) || typeof first.message !== 'string') return null;
  const label = typeof first.instancePath === 'string' ? FIELD_LABELS[first.instancePath] : undefined;
  return label === undefined ? `Invalid request: ${first.message}` : `${label} ${first.message}`;
}

/** Control characters out, whitespace collapsed, length bounded: a message is one readable line. */
function clean(text: string): string | null {
  const line = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (line === '') return null;
  return boundedText(line);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function notNocodb(serverUrl: string): AppFailure {
  return new AppFailure('not_nocodb', `${serverUrl} answers, but not like a NocoDB server. Check the address.`, {
    reason: 'address',
    serverUrl,
  });
}

/** NocoDB's own error body: `{ msg }`, or `{ error, message }`. */
export function isNocodbRefusal(answer: NocoAnswer): boolean {
  if (answer.body.kind !== 'json' || !isRecord(answer.body.value)) return false;
  const body = answer.body.value;
  return typeof body['msg'] === 'string' || (typeof body['error'] === 'string' && typeof body['message'] === 'string');
}

/** Something between the app and NocoDB refused the call; Retry once it lets the app through. */
export function serverRefused(status: number): AppFailure {
  return new AppFailure(
    'server_refused',
    `The server refused the request (HTTP ${status}): a VPN, a proxy or a firewall may be in the way.`,
    { status },
  );
}

export function unexpectedAnswer(): AppFailure {
  return new AppFailure('server_error', 'The server sent an answer the app does not understand. Try again, or check the server version.', {
    reason: 'unexpected',
  });
}

/** The failure for an answer outside 2xx, when the call has no more specific meaning for it. */
export function failureFor(answer: NocoAnswer, serverUrl: string): AppFailure {
  const { status } = answer;
  if (status >= 300 && status < 400) {
    const advice = redirectAdvice(serverUrl, answer.headers.get('location'));
    return new AppFailure('not_nocodb', `${serverUrl} redirects to another address. ${advice.sentence}`, {
      reason: advice.params.reason === 'use_https' ? 'redirect_https' : 'redirect',
      serverUrl,
      ...(advice.params.reason === 'use_https' ? { target: advice.params.target } : {}),
    });
  }
  if (status >= 500)
    return new AppFailure('server_error', `The server had a problem (HTTP ${status}). Try again.`, { reason: 'status', status });
  // A 4xx that is not JSON comes from something in front of NocoDB, or from another kind of server.
  if (answer.body.kind === 'html' || answer.body.kind === 'unreadable') return notNocodb(serverUrl);
  const message = serverMessage(answer);
  switch (status) {
    case 400:
    case 409:
    case 422:
      // The server's own words are shown as sent; without them the renderer words the code.
      return message
        ? new AppFailure('validation', message, { source: 'server' })
        : new AppFailure('validation', 'The server refused the request.', { source: 'app' });
    case 401:
      // Only NocoDB's own refusal ends a session; a 401 in another shape comes from something in front of it.
      return isNocodbRefusal(answer)
        ? new AppFailure('unauthorized', 'The server did not accept the session. Sign in again.')
        : serverRefused(status);
    case 403:
      // NocoDB answers a refused session with 401; a 403 is a gateway, VPN allow-list or proxy (or a
      // right the user lacks): the session stays, and so does its keychain entry.
      return serverRefused(status);
    case 404:
      return message
        ? new AppFailure('not_found', message, { source: 'server' })
        : new AppFailure('not_found', 'The server could not find it.');
    default:
      return new AppFailure('server_error', `The server refused the request (HTTP ${status}). Try again.`, { reason: 'refused', status });
  }
}
