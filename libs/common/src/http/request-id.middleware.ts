import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const ACCEPTED_ID = /^[!-~]{1,200}$/;

declare module 'http' {
  interface IncomingMessage {
    /** Correlation id: the client's X-Request-Id when usable, else a UUID. */
    id?: string;
  }
}

/** Echoes the client's X-Request-Id (or assigns one) on every response, errors included. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTED_ID.test(given) ? given : randomUUID();
  request.id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  next();
}
