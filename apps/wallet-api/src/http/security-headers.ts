import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Response headers set on purpose (helmet), for a JSON API that browsers may still be pointed at:
 * - every answer but the docs page: `Content-Security-Policy: default-src 'none'; frame-ancestors
 *   'none'` (a JSON or problem body can never run as a page nor be framed), `X-Content-Type-Options:
 *   nosniff`, `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY`, HSTS, the cross-origin
 *   policies and helmet's other defaults;
 * - `/docs` (Swagger UI: its own scripts, styles and data: images) keeps helmet's default policy;
 * - `/v1` answers also get `Cache-Control: no-store`: balances, history, transactions and keys are
 *   private and change with every write, so no browser, proxy or CDN may keep a copy.
 */
export function securityHeadersMiddleware(): RequestHandler {
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
  });
  const docs = helmet();
  return (request: Request, response: Response, next: NextFunction): void => {
    const path = request.path;
    if (path.startsWith('/v1/') || path === '/v1') response.setHeader('Cache-Control', 'no-store');
    (path === '/docs' || path.startsWith('/docs/') ? docs : api)(request, response, next);
  };
}
