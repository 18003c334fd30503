// Which server addresses the app accepts at sign-in and puts into a copied example: a host that is a
// DNS name (letters, digits, hyphens, dots), an IPv4 address or a bracketed IPv6 address. WHATWG
// URL also accepts `$ ( ) \` ! ' ;` in a host name; a shell would run them when the example is pasted.
// Shared by main (sign-in, Copy example) and the renderer (the example it shows).

const DNS_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?$/i;
const IPV6 = /^\[[0-9a-f:.]+\]$/i;

/** True when `serverUrl` parses and its host is a plain DNS name, IPv4 or bracketed IPv6 address. */
export function hasPlainHost(serverUrl: string): boolean {
  if (!URL.canParse(serverUrl)) return false;
  const { hostname } = new URL(serverUrl);
  return DNS_NAME.test(hostname) || IPV6.test(hostname);
}
