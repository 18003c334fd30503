// The raw NocoDB API, called with plain fetch from Node: the floor the app is compared with, and
// the quick way to fill an account with tokens.
import type { NocodbCredentials } from '../support/nocodb-env.ts';
import { inParallel } from './measure.ts';

const TIMEOUT_MS = 30_000;
/** Enough to fill 1,000 tokens quickly without turning the fill into a load test of SQLite. */
const FILL_CONCURRENCY = 8;
const COUNT_PAGE = 100;
/** Far above what the bench creates: bounds the counting loop. */
const MAX_PAGES = 100;

async function call(url: string, pathName: string, jwt: string | null, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (jwt) headers['xc-auth'] = jwt;
  const response = await fetch(`${url}${pathName}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  // The body may hold a JWT or token values: only the status goes into the error.
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${pathName.split('?')[0]} answered HTTP ${response.status}.`);
  return text ? (JSON.parse(text) as unknown) : null;
}

export interface RawAccount {
  /** One page of the list, as a client would ask for it. Resolves to the rows received. */
  listPage(limit: number): Promise<number>;
  createToken(name: string): Promise<void>;
  /** How many tokens the account holds now, counted on the server page by page (until a short page). */
  countTokens(pageSize?: number): Promise<number>;
  /** Creates tokens until the account holds `count`. */
  fillTo(count: number): Promise<void>;
}

export async function rawAccount(user: NocodbCredentials): Promise<RawAccount> {
  const signIn = (await call(user.url, '/api/v1/auth/user/signin', null, {
    method: 'POST',
    body: { email: user.email, password: user.password },
  })) as { token?: unknown };
  if (typeof signIn.token !== 'string') throw new Error('NocoDB sign-in answered without a token.');
  const jwt = signIn.token;

  const listPage = async (limit: number, offset = 0) => {
    const answer = (await call(user.url, `/api/v1/tokens?limit=${limit}&offset=${offset}`, jwt)) as { list?: unknown };
    if (!Array.isArray(answer.list)) throw new Error('The token list answer holds no list.');
    return answer.list.length;
  };
  const createToken = async (name: string) => {
    await call(user.url, '/api/v1/tokens', jwt, { method: 'POST', body: { description: name } });
  };
  // A short page ends the list; NocoDB 0.301.3's isLastPage counts the whole instance.
  const countTokens = async (pageSize = COUNT_PAGE) => {
    let count = 0;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const received = await listPage(pageSize, count);
      count += received;
      if (received < pageSize) return count;
    }
    throw new Error(`The account holds more than ${MAX_PAGES * pageSize} tokens; the bench expects a fresh user.`);
  };

  return {
    listPage: (limit) => listPage(limit),
    createToken,
    countTokens,
    async fillTo(count) {
      const held = await countTokens();
      const tasks = Array.from({ length: Math.max(0, count - held) }, (_, i) => () => createToken(`bench-${held + i + 1}`));
      await inParallel(tasks, FILL_CONCURRENCY);
    },
  };
}
