// Runs before sign-in sends any credential. It asks the server's health check (no credentials) so
// that a redirect is refused before the password goes anywhere, and it asks the user's consent
// before a password travels unencrypted: plain http to another machine. The consent is remembered
// per server in a small JSON file; loopback and https need none.
import * as v from 'valibot';
import { AppFailure } from '../app-error.ts';
import type { JsonFile } from '../ports.ts';
import { createTransport } from './http-transport.ts';
import { redirectAdvice } from './redirect-advice.ts';
import { signInServerUrl } from './server-url.ts';

/** Enough for anyone's servers, and a bound on what the file can grow to. */
const MAX_REMEMBERED_SERVERS = 50;
const consentDocument = v.object({ servers: v.pipe(v.array(v.string()), v.maxLength(MAX_REMEMBERED_SERVERS)) });

// Only names every system resolves on this machine: `*.localhost` is sent to DNS by some resolvers
// (RFC 6761 allows it), so such a server may be across a network and gets the plain-http warning.
const isLoopbackHost = (hostname: string) => hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);

/** True for a plain-http server that is not on this machine: the password would cross a network unencrypted. */
export function needsPlainHttpConsent(serverUrl: string): boolean {
  const url = new URL(serverUrl);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

function redirected(serverUrl: string, location: string | null): AppFailure {
  const advice = redirectAdvice(serverUrl, location);
  return new AppFailure(
    'redirected',
    `${serverUrl} redirects to another address, so the app did not send your password. ${advice.sentence}`,
    {
      ...advice.params,
      serverUrl,
    },
  );
}

const plainHttpWarning = (serverUrl: string) =>
  `${serverUrl} uses plain http: your password and your session would travel unencrypted, so anyone on the network between you ` +
  'and the server could read them. Use https if the server offers it.';

export interface ServerCheckOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Where the servers the user accepted plain http for are remembered (not a secret). */
  consentFile: JsonFile;
  log: (line: string) => void;
}

export interface ServerCheck {
  /**
   * Throws `invalid_argument` for an address whose host is not a plain name or IP address (before any
   * request), `redirected` for a redirecting server, and `insecure_connection` for a plain-http server on
   * another machine the user has not accepted yet; `confirmInsecure` is that acceptance, remembered.
   */
  beforeSignIn(serverUrl: string, confirmInsecure: boolean): Promise<void>;
}

export function createServerCheck({ fetch, timeoutMs, consentFile, log }: ServerCheckOptions): ServerCheck {
  let remembered: Promise<string[]> | null = null;
  const consented = () =>
    (remembered ??= consentFile.read().then(
      (raw) => {
        const parsed = v.safeParse(consentDocument, raw);
        return parsed.success ? parsed.output.servers : [];
      },
      () => [],
    ));

  return {
    async beforeSignIn(input, confirmInsecure) {
      const serverUrl = signInServerUrl(input);
      const send = createTransport({ serverUrl, fetch, timeoutMs });
      const answer = await send({ method: 'GET', path: '/api/v1/health' });
      if (answer.status >= 300 && answer.status < 400) throw redirected(serverUrl, answer.headers.get('location'));
      // Any other answer is for the sign-in itself to judge (a server that is not NocoDB, a 500, …).
      if (!needsPlainHttpConsent(serverUrl)) return;
      const servers = await consented();
      if (servers.includes(serverUrl)) return;
      if (!confirmInsecure) throw new AppFailure('insecure_connection', plainHttpWarning(serverUrl), { reason: 'plain_http', serverUrl });
      const next = [...servers, serverUrl].slice(-MAX_REMEMBERED_SERVERS);
      remembered = Promise.resolve(next);
      // The consent holds for this run even if it cannot be written.
      await consentFile.write({ servers: next }).catch(() => log('server check: remembering the plain-http consent failed'));
    },
  };
}
