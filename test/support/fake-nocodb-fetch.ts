// The fake NocoDB without a socket: a fetch that hands each request to the fake's own exchange and
// turns what it decided into a Response, or into the error undici gives for a reset connection or
// a server that never answers (until the caller's signal aborts, as main's timeout does).
import type { Exchange } from './fake-nocodb.ts';
import { answerHeaders, parseJson, type FakeRequest } from './fake-nocodb-http.ts';

/** undici's error for a connection that failed (reset, refused): a TypeError with the system error as cause. */
export function connectionFailed(code: 'ECONNRESET' | 'ECONNREFUSED'): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

/** Waits until the signal aborts and rejects with its reason, as fetch does. */
function abortedBy(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    const stop = () => reject(signal.reason);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}

function toResponse(outcome: Exclude<Exchange, { kind: 'hang' | 'reset' }>): Response {
  if (outcome.kind === 'raw') return new Response(outcome.text, { status: 200, headers: { 'content-type': outcome.contentType } });
  const headers = new Headers();
  for (const [name, value] of Object.entries(answerHeaders(outcome.answer, outcome.ncTokenFirst))) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const body = outcome.answer.body === undefined ? null : JSON.stringify(outcome.answer.body);
  return new Response(body, { status: outcome.answer.status, headers });
}

/** A fetch answered by `exchange`; only string bodies are read (main sends JSON text). */
export function answerFetch(exchange: (request: FakeRequest, body: unknown) => Promise<Exchange>): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(String(input));
    const headers = Object.fromEntries([...new Headers(init.headers).entries()].map(([name, value]) => [name.toLowerCase(), value]));
    const request: FakeRequest = { method: init.method ?? 'GET', url: url.pathname + url.search, headers };
    const body = parseJson(typeof init.body === 'string' ? init.body : '');
    const outcome = await Promise.race([exchange(request, body), abortedBy(init.signal)]);
    if (outcome.kind === 'reset') throw connectionFailed('ECONNRESET');
    if (outcome.kind === 'hang') return abortedBy(init.signal);
    return toResponse(outcome);
  };
}
