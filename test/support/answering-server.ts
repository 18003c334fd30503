// A one-handler HTTP server on 127.0.0.1 for answers no NocoDB gives (redirects, huge bodies,
// odd shapes). For NocoDB-like behaviour use fake-nocodb.ts instead.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AnsweringServer {
  url: string;
  close(): Promise<void>;
}

export async function startAnsweringServer(answer: RequestListener): Promise<AnsweringServer> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A URL on which nothing listens: a port that was bound a moment ago and then released. */
export async function refusingUrl(): Promise<string> {
  const { url, close } = await startAnsweringServer(() => {});
  await close();
  return url;
}
