import { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from '../config/app-config';

/** Whether logs written to `fd` are for a person: LOG_FORMAT=pretty, or `auto` and a terminal. */
export function isPrettyLogging(format: LogFormat, fd: 1 | 2 = 1): boolean {
  return format === 'pretty' || (format === 'auto' && (fd === 1 ? process.stdout : process.stderr).isTTY === true);
}

/**
 * The process's one pino logger, on stdout (or stderr, for CLI commands whose stdout is their
 * output): JSON lines for machines, or, on a terminal, pino-pretty's readable lines
 * (`10:17:13.907 INFO [Main] Dino Wallet listening…`), formatted in this process, synchronously.
 */
export function createRootLogger(level: LogLevel, fd: 1 | 2 = 1, format: LogFormat = 'auto'): Pino {
  const options = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  if (!isPrettyLogging(format, fd)) return pino(options, pino.destination({ fd, sync: true }));
  const pretty = pinoPretty({
    destination: fd,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
    singleLine: true,
  });
  return pino(options, pretty);
}

/**
 * Nest's own start-up chatter (modules initialised, every route mapped: ~45 lines): at `debug`, so
 * the start-up a person reads is the service's own lines. Its errors and warnings stay as they are.
 */
const NEST_STARTUP_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * Nest's LoggerService over pino, so framework and application logs are the same JSON lines as
 * the access log. Request logging is not done here but in the HTTP observability middleware,
 * which writes one line per request without per-request child loggers or async-context tracking
 * (both measured at ~8% of the service's CPU under load).
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, context?: string): void {
    if (context !== undefined && NEST_STARTUP_CONTEXTS.has(context)) this.pino.debug({ context }, String(message));
    else this.pino.info({ context }, String(message));
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
