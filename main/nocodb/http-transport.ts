// One HTTP exchange with a NocoDB server: timeout, no silent redirects, a capped body, and network
// failures turned into AppFailure. What the answer MEANS is decided by the client, not here.
import { AppFailure } from '../app-error.ts';

/** A hostile or confused server must not be able to fill memory; real answers are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface NocoRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Starts with `/api/`; query included. */
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
}

/** The answer's body, classified once so each call can decide what it accepts. */
export type AnswerBody = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'html' } | { kind: 'unreadable' };

export interface NocoAnswer {
  status: number;
  headers: Headers;
  body: AnswerBody;
}

export interface TransportOptions {
  serverUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

export type Transport = (request: NocoRequest) => Promise<NocoAnswer>;

export function createTransport({ serverUrl, fetch, timeoutMs }: TransportOptions): Transport {
  return async (request) => {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(serverUrl + request.path, {
        method: request.method,
        headers,
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
        // A redirect could carry the credential headers to another origin; the client refuses 3xx instead.
        redirect: 'manual',
        // Covers the whole exchange, body included: a server that stalls mid-body also times out.
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await readCapped(response);
      return { status: response.status, headers: response.headers, body: classify(text, response.headers) };
    } catch (error) {
      throw networkFailure(error, serverUrl, timeoutMs);
    }
  };
}

async function readCapped(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppFailure('not_nocodb', 'The server sent a far larger answer than a NocoDB server would. Check the address.', {
        reason: 'too_large',
      });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function classify(text: string, headers: Headers): AnswerBody {
  if (text.trim() === '') return { kind: 'empty' };
  const type = headers.get('content-type') ?? '';
  if (type.includes('text/html') || text.trimStart().startsWith('<')) return { kind: 'html' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'unreadable' };
  }
}

function networkFailure(error: unknown, serverUrl: string, timeoutMs: number): AppFailure {
  if (error instanceof AppFailure) return error;
  if (error instanceof Error && error.name === 'TimeoutError') {
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    return new AppFailure(
      'timeout',
      `${serverUrl} did not answer within ${seconds} s. Check the address and your connection, then try again.`,
      { reason: 'address', serverUrl, seconds },
    );
  }
  // Refused, reset, unknown host, TLS failure: undici reports them all as a TypeError with a cause.
  return new AppFailure('server_unreachable', `Cannot reach ${serverUrl}. Check the address and that the server is running.`, {
    reason: 'address',
    serverUrl,
  });
}
