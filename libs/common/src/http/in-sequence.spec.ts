import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { inSequence } from './in-sequence';

const request = {} as Request;
const response = {} as Response;

describe('inSequence', () => {
  it('runs the middlewares in order, each when the previous calls next, then goes on', () => {
    const order: string[] = [];
    const named =
      (name: string): RequestHandler =>
      (_req, _res, next) => {
        order.push(name);
        next();
      };
    const next = jest.fn();
    inSequence(named('a'), named('b'), named('c'))(request, response, next);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(next).toHaveBeenCalledWith();
  });

  it('stops where a middleware answers without calling next', () => {
    const later = jest.fn();
    const next = jest.fn();
    inSequence((_req, _res) => undefined, later)(request, response, next);
    expect(later).not.toHaveBeenCalled();
    expect(next).not.toHaveBeenCalled();
  });

  it('continues after a middleware that calls next later (asynchronously)', async () => {
    let resume: NextFunction | undefined;
    const later = jest.fn((_req: Request, _res: Response, next: NextFunction) => next());
    const next = jest.fn();
    inSequence((_req, _res, n) => void (resume = n), later)(request, response, next);
    expect(later).not.toHaveBeenCalled();
    await Promise.resolve();
    resume!();
    expect(later).toHaveBeenCalled();
    expect(next).toHaveBeenCalledWith();
  });

  it('hands an error passed to next, or thrown, to Express and skips the rest', () => {
    const failure = new Error('boom');
    const later = jest.fn();
    const passed = jest.fn();
    inSequence((_req, _res, n) => n(failure), later)(request, response, passed);
    expect(passed).toHaveBeenCalledWith(failure);
    const thrown = jest.fn();
    inSequence(() => {
      throw failure;
    }, later)(request, response, thrown);
    expect(thrown).toHaveBeenCalledWith(failure);
    expect(later).not.toHaveBeenCalled();
  });
});
