// What the app says about a redirect it refused. The Location header is the server's (or anyone's
// on the network between) to choose, so the advice never names the address it points to: only the
// https:// form of the very server the user typed, when that is where the redirect goes.

/**
 * `https://host[:port]` when `location` sends the plain-http `serverUrl` to https on the same host,
 * on the same port or https' own (443); otherwise null.
 */
function sameServerHttps(serverUrl: string, location: string | null): string | null {
  if (location === null || !URL.canParse(location, serverUrl)) return null;
  const from = new URL(serverUrl);
  const to = new URL(location, serverUrl);
  if (from.protocol !== 'http:' || to.protocol !== 'https:' || to.hostname !== from.hostname) return null;
  if (to.port !== '' && to.port !== (from.port || '80')) return null;
  return `https://${to.host}`;
}

/** What to tell the user after "… redirects to another address": https for the same server, else only a check. */
export interface RedirectAdvice {
  /** The sentence, for main's own message (logs, a renderer without the catalog key). */
  sentence: string;
  /** The renderer words the advice from these: `reason` picks the catalog message. */
  params: { reason: 'use_https'; target: string } | { reason: 'check' };
}

export function redirectAdvice(serverUrl: string, location: string | null): RedirectAdvice {
  const https = sameServerHttps(serverUrl, location);
  return https === null
    ? { sentence: 'Check the server address.', params: { reason: 'check' } }
    : { sentence: `Use ${https} as the server address instead.`, params: { reason: 'use_https', target: https } };
}
