import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A web server of fixed files on 127.0.0.1, the origin of a test page. */
export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `files` (path to content type and body) on a free port of 127.0.0.1. */
export async function startPageServer(
  files: Readonly<Record<string, { readonly type: string; readonly body: string }>>,
): Promise<PageServer> {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
