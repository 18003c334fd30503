// The fake NocoDB's HTTP plumbing: reading a request's JSON, headers and cookie, and sending an answer
// with the cookies today's servers set (over a socket here, in-process in fake-nocodb-fetch.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange } from './fake-nocodb.ts';
import type { Answer } from './fake-nocodb-tokens.ts';

/** What the fake reads of a request, from a socket or from a fetch call alike. */
export type FakeRequest = Pick<IncomingMessage, 'method' | 'url' | 'headers'>;

const MAX_REQUEST_BYTES = 64 * 1024;
/** What `readJson` returns for a request body that is not JSON (or too large). */
export const MALFORMED = Symbol('malformed request body');

/** The headers of an answer: its cookies, and its body's type. */
export function answerHeaders(answer: Answer, ncTokenFirst: boolean): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  if (answer.refreshCookie === 'clear') headers['set-cookie'] = 'refresh_token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
  else if (answer.refreshCookie !== undefined) {
    const expires = new Date(Date.now() + 30 * 24 * 3600 * 1000).toUTCString();
    const refresh = `refresh_token=${answer.refreshCookie}; Path=/; Expires=${expires}; HttpOnly`;
    if (answer.ncTokenCookie === undefined) headers['set-cookie'] = refresh;
    else {
      const ncToken = `nc_token=${answer.ncTokenCookie}; Path=/api; Max-Age=36000; HttpOnly`;
      const refreshLax = `${refresh}; SameSite=Lax`;
      headers['set-cookie'] = ncTokenFirst ? [ncToken, refreshLax] : [refreshLax, ncToken];
    }
  }
  if (answer.body === undefined) headers['content-length'] = '0';
  else headers['content-type'] = 'application/json; charset=utf-8';
  return headers;
}

/** Writes what the fake decided to a socket: the answer, a raw body, a reset, or nothing at all (a hang). */
export function sendExchange(request: IncomingMessage, response: ServerResponse, outcome: Exchange): void {
  if (outcome.kind === 'hang') return;
  if (outcome.kind === 'reset') {
    request.socket.resetAndDestroy();
    return;
  }
  if (outcome.kind === 'raw') {
    response.writeHead(200, { 'content-type': outcome.contentType }).end(outcome.text);
    return;
  }
  const { answer, ncTokenFirst } = outcome;
  const headers = answerHeaders(answer, ncTokenFirst);
  response.writeHead(answer.status, headers).end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
}

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_REQUEST_BYTES) return MALFORMED;
    chunks.push(chunk as Buffer);
  }
  return parseJson(Buffer.concat(chunks).toString('utf8'));
}

/** A request body's JSON: undefined for none, MALFORMED for text that is not JSON (or too large). */
export function parseJson(text: string): unknown {
  if (Buffer.byteLength(text) > MAX_REQUEST_BYTES) return MALFORMED;
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return MALFORMED;
  }
}

export function header(request: Pick<FakeRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function refreshCookie(request: Pick<FakeRequest, 'headers'>): string | undefined {
  const cookies = header(request, 'cookie')?.split(';') ?? [];
  const pair = cookies.map((cookie) => cookie.trim()).find((cookie) => cookie.startsWith('refresh_token='));
  const value = pair?.slice('refresh_token='.length);
  return value === '' ? undefined : value;
}
