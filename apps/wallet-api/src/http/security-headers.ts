import { setFixedEdgeHeaders } from '@app/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Response headers set on purpose (helmet), for a JSON API that browsers may still be pointed at:
 * - every answer but the docs page: `Content-Security-Policy: default-src 'none'; frame-ancestors
 *   'none'` (a JSON or problem body can never run as a page nor be framed), `X-Content-Type-Options:
 *   nosniff` (never sniffed into HTML), `X-Frame-Options: DENY` (the same for old browsers),
 *   `Referrer-Policy: no-referrer`, `Strict-Transport-Security` and `Cross-Origin-Resource-Policy:
 *   same-origin` (no other site may embed an answer). helmet's headers that only mean something
 *   for an HTML document (opener policy, origin-agent cluster, DNS prefetch, IE's download and XSS
 *   filters, Flash's cross-domain policy) are left out: each header costs every answer ~1 µs of
 *   Node's validation, and a JSON answer has no use for them;
 * - `/docs` (Swagger UI: its own scripts, styles and data: images) gets all of helmet's defaults;
 * - `/v1` answers also get `Cache-Control: no-store`: balances, history, transactions and keys are
 *   private and change with every write, so no browser, proxy or CDN may keep a copy.
 *
 * The API's headers do not depend on the request, so helmet computes them once, at start-up, and
 * each answer gets the same list (helmet's seven nested middlewares per request cost ~9 µs of CPU
 * per write on the bench's 2-core machine), written with the answer's head (see edge-headers.ts).
 */
export function securityHeadersMiddleware(): RequestHandler {
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  const apiHeaders = headersSetBy(api).flat();
  const apiHeadersNoStore = [...apiHeaders, 'Cache-Control', 'no-store'];
  const docs = helmet();
  return (request: Request, response: Response, next: NextFunction): void => {
    const path = request.path;
    if (path === '/docs' || path.startsWith('/docs/')) {
      docs(request, response, next);
      return;
    }
    setFixedEdgeHeaders(response, path.startsWith('/v1/') || path === '/v1' ? apiHeadersNoStore : apiHeaders);
    next();
  };
}

/** The headers a request-independent middleware sets (it is run once against a recording response). */
function headersSetBy(
  middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void,
): ReadonlyArray<readonly [string, string]> {
  const headers: Array<readonly [string, string]> = [];
  let called = false;
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.push([name, String(value)]);
      return recorder;
    },
    removeHeader: () => undefined,
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
    called = true;
  });
  if (!called) throw new Error('the security headers middleware did not complete synchronously');
  return headers;
}
