import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A handler for one path of the fixture server. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 serving fixed routes, counting requests per path. */
export interface FixtureServer {
  origin: string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** Starts a fixture server on a free port. */
export async function startFixtureServer(routes: Record<string, Route>): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The misbehaving sources every fetcher meets sooner or later. */
export function badSourceRoutes(): Record<string, Route> {
  const xml =
    (body: string | Buffer, type = 'application/rss+xml') =>
    (_: IncomingMessage, res: ServerResponse) =>
      res.writeHead(200, { 'content-type': type }).end(body);
  return {
    '/html-instead.xml': xml(
      '<!doctype html><html><head><title>Oops</title></head><body><p>Not a feed</p></body></html>',
      'text/html',
    ),
    '/truncated.xml': xml(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>One</title><link>http://x/1</link></item><item><ti',
    ),
    '/error-500.xml': (_, res) =>
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error'),
    '/huge.xml': (_, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(Buffer.alloc(3 * 1024 * 1024, 0x20));
    },
    '/loop.xml': (_, res) => res.writeHead(302, { location: '/loop.xml' }).end(),
    '/windows-1252.xml': xml(
      Buffer.concat([
        Buffer.from(
          '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Caf',
        ),
        Buffer.from([0xe9]),
        Buffer.from(
          ' Gazette</title><link>http://cafe.example/</link><description>d</description><item><title>Na',
        ),
        Buffer.from([0xef]),
        Buffer.from('ve r'),
        Buffer.from([0xe9]),
        Buffer.from('sum'),
        Buffer.from([0xe9]),
        Buffer.from(' '),
        Buffer.from([0x96]),
        Buffer.from(' a caf'),
        Buffer.from([0xe9]),
        Buffer.from(
          ' story</title><guid isPermaLink="false">cafe-1</guid><category>Lifestyle</category><description>A short story about a caf',
        ),
        Buffer.from([0xe9]),
        Buffer.from('.</description></item></channel></rss>'),
      ]),
    ),
  };
}
