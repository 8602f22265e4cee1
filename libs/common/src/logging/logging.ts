import { DynamicModule, LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger as Pino } from 'pino';
import type { LogLevel } from '../config/app-config';

/** Probes and scrapes are too frequent to log one line each. */
const QUIET_PATHS = /^\/(health\/(live|ready)|metrics)(\?|$)/;

type Request = IncomingMessage & { id?: string; route?: { path?: unknown }; baseUrl?: string; originalUrl?: string };

/** The route template (`/v1/users/:userId/balances`), never the raw path, so ids stay out of the label. */
function routeOf(req: Request): string {
  return req.route?.path ? `${req.baseUrl ?? ''}${String(req.route.path)}` : 'unmatched';
}

function pathOf(req: Request): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

/**
 * JSON-lines logging with pino: one line per request (method, route, path, status, duration, request
 * id); no headers, no bodies, no query strings, so neither secrets nor player data reach the logs.
 * Application logs made while handling a request carry its request id.
 */
export function loggingModule(level: LogLevel): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      genReqId: (req: Request) => req.id ?? randomUUID(),
      quietReqLogger: true,
      autoLogging: { ignore: (req: Request) => QUIET_PATHS.test(req.url ?? '') },
      customAttributeKeys: { responseTime: 'durationMs', reqId: 'requestId' },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : 'info',
      // Called when the request starts and again when it ends; only the end knows the route.
      customProps: (req: Request, res: ServerResponse) => (res.headersSent ? { route: routeOf(req) } : {}),
      customSuccessMessage: (req: Request, res: ServerResponse, ms: number) => `${req.method} ${routeOf(req)} ${res.statusCode} ${ms}ms`,
      customErrorMessage: (req: Request, res: ServerResponse) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
      serializers: {
        req: (req: Request) => ({ id: req.id, method: req.method, path: pathOf(req) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
  });
}

/**
 * The same JSON lines for what is logged before the application exists (the embedded PostgreSQL,
 * migrations): a Nest LoggerService over a plain pino logger.
 */
export class BootstrapLogger implements LoggerService {
  private readonly pino: Pino;

  constructor(level: LogLevel) {
    this.pino = pino({ level });
  }

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string): void {
    this.pino.fatal({ context }, String(message));
  }
}
