// The fake NocoDB's HTTP plumbing: reading a request's JSON, headers and cookie, and sending an answer
// with the cookies today's servers set.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from './fake-nocodb-tokens.ts';

const MAX_REQUEST_BYTES = 64 * 1024;
/** What `readJson` returns for a request body that is not JSON (or too large). */
export const MALFORMED = Symbol('malformed request body');

export function send(response: ServerResponse, answer: Answer, ncTokenFirst = false): void {
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
  if (answer.body === undefined) {
    response.writeHead(answer.status, { ...headers, 'content-length': '0' }).end();
    return;
  }
  response.writeHead(answer.status, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer.body));
}

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_REQUEST_BYTES) return MALFORMED;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return MALFORMED;
  }
}

export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function refreshCookie(request: IncomingMessage): string | undefined {
  const cookies = header(request, 'cookie')?.split(';') ?? [];
  const pair = cookies.map((cookie) => cookie.trim()).find((cookie) => cookie.startsWith('refresh_token='));
  const value = pair?.slice('refresh_token='.length);
  return value === '' ? undefined : value;
}
