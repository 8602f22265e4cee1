import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Several middlewares as one Express layer: each runs when the previous one calls `next()`, the
 * last one's `next()` goes on to the router, and an error (passed to `next` or thrown while a
 * middleware runs) goes to Express's error handling, as between separate layers. Every request
 * passes the service's edge middlewares; as separate layers each costs the router a match, its
 * result objects and closures.
 */
export function inSequence(...handlers: readonly RequestHandler[]): RequestHandler {
  return (request: Request, response: Response, next: NextFunction): void => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) {
        next(error);
        return;
      }
      const handler = handlers[index++];
      if (handler === undefined) {
        next();
        return;
      }
      try {
        void handler(request, response, step);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
