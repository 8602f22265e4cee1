import type { Express } from 'express';
import { ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** The IETF draft's rate-limit figures (draft-ietf-httpapi-ratelimit-headers). */
export interface RateLimitFigures {
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the current window ends and the budget is whole again. */
  readonly resetSeconds: number;
}

/**
 * The headers the edge middlewares decided every answer to a request carries — its request id, the
 * security headers, its credential's rate-limit figures — kept until the answer's head is written
 * instead of set on the response one by one as each middleware runs. Node's `setHeader` keeps a
 * validated, lower-cased copy of every header in a per-response table that the head is then built
 * from; a head written in one `writeHead(status, [name, value, …])` call with nothing set before skips
 * that table. Measured on a bare Node server (2026-12-01, this machine): eleven headers cost ~10 µs
 * per response through `setHeader`, ~1 µs in the one call.
 */
export interface EdgeHeaders {
  readonly requestId: string;
  /** Request-independent headers as flat name/value pairs (a shared list, never modified). */
  fixed: readonly string[];
  rateLimit: RateLimitFigures | undefined;
}

declare module 'http' {
  interface ServerResponse {
    /** The edge's headers for this answer (see edge-headers.ts). */
    edgeHeaders?: EdgeHeaders;
  }
}

const NONE: readonly string[] = [];

/** The first edge middleware: the answer will carry this request id, and whatever the others add. */
export function startEdgeHeaders(response: ServerResponse, requestId: string): void {
  response.edgeHeaders = { requestId, fixed: NONE, rateLimit: undefined };
}

/** The edge's headers not yet in a head: they are written only with it, so until Node sends it. */
function pending(response: ServerResponse): EdgeHeaders | undefined {
  return response.headersSent ? undefined : response.edgeHeaders;
}

function setPairs(response: ServerResponse, pairs: readonly string[]): void {
  for (let i = 0; i < pairs.length; i += 2) response.setHeader(pairs[i], pairs[i + 1]);
}

/** The answer carries these request-independent headers (flat name/value pairs, shared). */
export function setFixedEdgeHeaders(response: ServerResponse, pairs: readonly string[]): void {
  const edge = pending(response);
  if (edge !== undefined) edge.fixed = pairs;
  else setPairs(response, pairs);
}

/** The answer carries these RateLimit-* figures. */
export function setRateLimitEdgeHeaders(response: ServerResponse, figures: RateLimitFigures): void {
  const edge = pending(response);
  if (edge !== undefined) edge.rateLimit = figures;
  else setPairs(response, pushRateLimit([], figures));
}

/**
 * Every head this Express application writes carries its edge headers, however it is written
 * (Express's `send`, Nest's responses, a static file, Node's implicit head): the response prototype
 * of this application (`app.response`, Express's place for per-application response methods) adds
 * those not set already — a header a handler set itself wins, as when the edge set them first — and
 * then writes the head as Node does.
 */
export function writeEdgeHeadersWithEveryHead(app: Express): void {
  const writeHead = ServerResponse.prototype.writeHead;
  const prototype = app.response as unknown as { writeHead: ServerResponse['writeHead'] };
  prototype.writeHead = function writeHeadWithEdgeHeaders(this: ServerResponse, ...args: unknown[]) {
    const edge = pending(this);
    if (edge !== undefined) {
      const pairs = edgePairs(edge);
      for (let i = 0; i < pairs.length; i += 2) if (!this.hasHeader(pairs[i])) this.setHeader(pairs[i], pairs[i + 1]);
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}

/**
 * Sends a complete answer: the head in one call, the edge's headers and `headers` (flat name/value
 * pairs), then the body. That call is Node's own `writeHead`, past any override of it on the
 * response (the application's above has nothing left to add). When a header was set on the response
 * before (say `Connection: close` while draining), everything goes through `setHeader` instead,
 * with the same result.
 */
export function sendWithEdgeHeaders(response: ServerResponse, status: number, headers: readonly string[], body: string): void {
  const edge = pending(response);
  if (edge !== undefined && response.getHeaderNames().length === 0) {
    const head = edgePairs(edge);
    for (const part of headers) head.push(part);
    ServerResponse.prototype.writeHead.call(response, status, head);
  } else {
    setPairs(response, headers);
    response.writeHead(status);
  }
  response.end(body);
}

function edgePairs(edge: EdgeHeaders): string[] {
  const pairs = [REQUEST_ID_HEADER, edge.requestId];
  for (const part of edge.fixed) pairs.push(part);
  return edge.rateLimit === undefined ? pairs : pushRateLimit(pairs, edge.rateLimit);
}

function pushRateLimit(pairs: string[], { limit, remaining, resetSeconds }: RateLimitFigures): string[] {
  pairs.push('RateLimit-Limit', String(limit), 'RateLimit-Remaining', String(remaining), 'RateLimit-Reset', String(resetSeconds));
  return pairs;
}
