import express, { Request, Response } from 'express';
import request from 'supertest';
import {
  sendWithEdgeHeaders,
  setFixedEdgeHeaders,
  setRateLimitEdgeHeaders,
  startEdgeHeaders,
  writeEdgeHeadersWithEveryHead,
} from './edge-headers';

const FIXED = ['X-Content-Type-Options', 'nosniff', 'Cache-Control', 'no-store'];

/** An app whose edge sets the headers as the service's middlewares do, then `answer` responds. */
function appAnswering(answer: (req: Request, res: Response) => void) {
  const app = express();
  app.disable('x-powered-by');
  writeEdgeHeadersWithEveryHead(app);
  app.use((req, res, next) => {
    startEdgeHeaders(res, 'req-1');
    setFixedEdgeHeaders(res, FIXED);
    setRateLimitEdgeHeaders(res, { limit: 10, remaining: 9, resetSeconds: 1 });
    next();
  });
  app.post('/x', answer);
  return app;
}

const EDGE = {
  'x-request-id': 'req-1',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'ratelimit-limit': '10',
  'ratelimit-remaining': '9',
  'ratelimit-reset': '1',
};

describe('edge headers', () => {
  it('writes the head in one call with the edge headers when nothing was set before', async () => {
    let before: string[] = [];
    const res = await request(
      appAnswering((_req, response) => {
        before = response.getHeaderNames();
        sendWithEdgeHeaders(response, 201, ['Content-Type', 'application/json', 'Content-Length', '2'], '{}');
      }),
    ).post('/x');
    expect(before).toEqual([]); // the edge set nothing on the response itself
    expect(res.status).toBe(201);
    expect(res.text).toBe('{}');
    expect(res.headers).toMatchObject({ ...EDGE, 'content-type': 'application/json', 'content-length': '2' });
    // In the order given, the edge's first: one writeHead call, not Node's header table.
    const raw = (res as unknown as { res: { rawHeaders: string[] } }).res.rawHeaders;
    expect(raw.slice(0, 4)).toEqual(['X-Request-Id', 'req-1', 'X-Content-Type-Options', 'nosniff']);
  });

  it('sends the same headers when one was set before (the setHeader way)', async () => {
    const res = await request(
      appAnswering((_req, response) => {
        response.setHeader('Connection', 'close');
        sendWithEdgeHeaders(response, 201, ['Content-Type', 'application/json', 'Content-Length', '2'], '{}');
      }),
    ).post('/x');
    expect(res.status).toBe(201);
    expect(res.headers).toMatchObject({ ...EDGE, connection: 'close', 'content-type': 'application/json' });
  });

  it("adds them to any other answer (Express's send), a handler's own header winning", async () => {
    const res = await request(
      appAnswering((_req, response) => {
        response.setHeader('Cache-Control', 'max-age=5');
        response.status(200).json({ ok: true });
      }),
    ).post('/x');
    expect(res.body).toEqual({ ok: true });
    expect(res.headers).toMatchObject({ ...EDGE, 'cache-control': 'max-age=5' });
  });

  it('sets them on the response at once where no edge was started', async () => {
    const app = express();
    writeEdgeHeadersWithEveryHead(app);
    app.get('/y', (_req, response) => {
      setFixedEdgeHeaders(response, FIXED); // no edge started: straight onto the response
      response.status(204).end();
    });
    const res = await request(app).get('/y');
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    expect(res.headers['x-request-id']).toBeUndefined();
  });
});
