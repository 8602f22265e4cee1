import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

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
  const docs = helmet();
  return (request: Request, response: Response, next: NextFunction): void => {
    const path = request.path;
    if (path.startsWith('/v1/') || path === '/v1') response.setHeader('Cache-Control', 'no-store');
    (path === '/docs' || path.startsWith('/docs/') ? docs : api)(request, response, next);
  };
}
