/** Test host names that stand for another machine on the network (not loopback, so plain http needs consent). */
export const LAN_HOST = 'nocodb.example.test';

/**
 * Node's fetch, with every `*.example.test` name resolved to 127.0.0.1, as a DNS server would resolve
 * a LAN name: the app sees a server on another machine, the request reaches a test server here. Any
 * name WHATWG URL accepts resolves, shell metacharacters included, so only the app's own rules stop one.
 */
export const fetchResolvingTestNames: typeof fetch = (input, init) =>
  globalThis.fetch(String(input).replace(/\/\/[^/]+\.example\.test:/, '//127.0.0.1:'), init);

/** The same server as `loopbackUrl`, addressed by a LAN name (`http://127.0.0.1:4000` → `http://nocodb.example.test:4000`). */
export const lanUrlFor = (loopbackUrl: string, host = LAN_HOST) => `http://${host}:${new URL(loopbackUrl).port}`;
