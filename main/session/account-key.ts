// The keychain "account" of a session. A normalised server URL never holds a space, so the first
// space separates the URL from the email unambiguously (an email may, in theory, hold spaces).

export function accountKey(serverUrl: string, email: string): string {
  return `${serverUrl} ${email}`;
}

/** The server URL and email of an account key, or null when the key is not one of ours. */
export function parseAccountKey(key: string): { serverUrl: string; email: string } | null {
  const space = key.indexOf(' ');
  if (space <= 0 || space === key.length - 1) return null;
  return { serverUrl: key.slice(0, space), email: key.slice(space + 1) };
}
