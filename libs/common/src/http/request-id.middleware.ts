import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { startEdgeHeaders } from './edge-headers';
const ACCEPTED_ID = /^[!-~]{1,200}$/;

declare module 'http' {
  interface IncomingMessage {
    /** Correlation id: the client's X-Request-Id when usable, else a UUID. */
    id?: string;
  }
}

/**
 * Echoes the client's X-Request-Id (or assigns one) on every response, errors included; the first of
 * the edge middlewares, it starts the answer's edge headers (see edge-headers.ts).
 */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTED_ID.test(given) ? given : randomUUID();
  request.id = id;
  startEdgeHeaders(response, id);
  next();
}
