import { hasPlainHost } from '../../preload/server-host.ts';
import { AppFailure } from '../app-error.ts';

/**
 * Turns what the user typed into the base URL every request starts from: `scheme://host[:port]`,
 * http or https only, lower-case host, no path, query, hash, credentials or trailing slash.
 * NocoDB serves its API from the root, so a pasted dashboard link (`…/dashboard/#/base/x`) still works.
 */
export function normalizeServerUrl(input: string): string {
  const text = input.trim();
  // Without this check `new URL('localhost:8080')` would read "localhost:" as the scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new AppFailure('invalid_argument', 'Enter the server address with http:// or https://, for example http://localhost:8080.', {
      reason: 'url_scheme_missing',
      example: 'http://localhost:8080',
    });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppFailure('invalid_argument', 'The server address is not a valid URL.', { reason: 'url_invalid' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppFailure('invalid_argument', 'The server address must start with http:// or https://.', { reason: 'url_scheme' });
  }
  if (url.hostname === '') {
    throw new AppFailure('invalid_argument', 'The server address has no host name.', { reason: 'url_host' });
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppFailure('invalid_argument', 'The server address must not contain a user name or password.', { reason: 'url_credentials' });
  }
  // URL already lower-cases the host and drops default ports (80 for http, 443 for https).
  return `${url.protocol}//${url.host}`;
}

/**
 * `normalizeServerUrl` for an address the user is about to sign in to: its host must also be a plain
 * DNS name or IP address (see preload/server-host.ts), checked before any request goes out.
 * Accounts listed before this rule keep working; they only get no usage example.
 */
export function signInServerUrl(input: string): string {
  const serverUrl = normalizeServerUrl(input);
  if (!hasPlainHost(serverUrl)) {
    throw new AppFailure(
      'invalid_argument',
      'The server name may only contain letters, digits, hyphens and dots (or be an IP address). Check the server address.',
      { reason: 'url_host_chars' },
    );
  }
  return serverUrl;
}
