import express from 'express';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bornWith, StartupServer } from './startup-server';

/**
 * Requests and responses born with the Express application's prototypes: Express's own
 * `Object.setPrototypeOf` then finds them set (see bornWith), and they remain Node's requests and
 * responses.
 */
describe(bornWith.name, () => {
  let server: Server;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(
    bind: boolean,
  ): Promise<{ born: Record<'request' | 'response', unknown>; url: string; app: express.Express }> {
    const app = express();
    const request = bornWith(IncomingMessage);
    const response = bornWith(ServerResponse);
    const born: Record<'request' | 'response', unknown> = { request: undefined, response: undefined };
    // What each request and response were born with, seen before Express sets its prototypes.
    server = createServer(
      {
        IncomingMessage: request as unknown as typeof IncomingMessage,
        ServerResponse: response as unknown as typeof ServerResponse,
      },
      (req, res) => {
        born.request = Object.getPrototypeOf(req);
        born.response = Object.getPrototypeOf(res);
        app(req, res);
      },
    );
    if (bind) {
      request.prototype = app.request;
      response.prototype = app.response;
    }
    app.get('/', (req, res) => {
      res.json({ request: req instanceof IncomingMessage, response: res instanceof ServerResponse, path: req.path });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { born, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, app };
  }

  it("gives requests and responses the application's prototypes once they are bound", async () => {
    const { born, url, app } = await serve(true);
    const answer = await (await fetch(url)).json();
    expect(born.request).toBe(app.request);
    expect(born.response).toBe(app.response);
    expect(answer).toEqual({ request: true, response: true, path: '/' });
  });

  it("makes Node's own requests and responses until then", async () => {
    const { born, url } = await serve(false);
    expect(await (await fetch(url)).json()).toEqual({ request: true, response: true, path: '/' });
    expect(born.request).toBe(IncomingMessage.prototype);
    expect(born.response).toBe(ServerResponse.prototype);
  });

  it('makes instances of a class too, should Node make its constructors classes', () => {
    class Base {
      constructor(readonly given: string) {}
    }
    const born = bornWith(Base);
    const made = new (born as unknown as new (given: string) => Base)('x');
    expect([made instanceof Base, made.given, Object.getPrototypeOf(made)]).toEqual([true, 'x', Base.prototype]);
    const later = Object.create(Base.prototype) as object;
    born.prototype = later;
    expect(Object.getPrototypeOf(new (born as unknown as new (given: string) => Base)('y'))).toBe(later);
  });

  it('binds them when the application takes the requests over', async () => {
    const startup = await StartupServer.listen({
      port: 0,
      host: '127.0.0.1',
      shutdownGraceMs: 1000,
      workers: 1,
      headersTimeoutMs: 5000,
      requestTimeoutMs: 10000,
      keepAliveTimeoutMs: 5000,
    });
    const adapter = startup.adapter();
    adapter.initHttpServer({});
    const listening = adapter.getHttpServer() as Server;
    const app = adapter.getInstance() as express.Express;
    app.get('/', (_req, res) => res.json({ ok: true }));
    const bornWithPrototype: unknown[] = [];
    listening.prependListener('request', (req: IncomingMessage) => bornWithPrototype.push(Object.getPrototypeOf(req)));
    const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/`;
    try {
      expect((await fetch(url)).status).toBe(503); // still starting
      startup.handOver({ getHttpServer: () => listening, getHttpAdapter: () => adapter } as unknown as NestExpressApplication);
      expect(await (await fetch(url)).json()).toEqual({ ok: true });
      expect(bornWithPrototype).toEqual([IncomingMessage.prototype, app.request]);
    } finally {
      await startup.close();
    }
  });
});
