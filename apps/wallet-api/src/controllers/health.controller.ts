import { Public } from '@app/api-keys';
import { RateLimitStore } from '@app/rate-limits';
import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { DatabaseHealthService } from '@app/common';
import { ApiNoClientErrors } from '../http/api-problems.decorator';
import { HealthCheckResultDto } from '../http/health-check.dto';
import { ShutdownState } from '../http/shutdown-state';

const PING_TIMEOUT_MS = 1000;

/** Kubernetes probes. Liveness checks only the process; readiness also pings the database. */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthService,
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
    private readonly rateLimits: RateLimitStore,
  ) {}

  @Get('live')
  @ApiOperation({
    operationId: 'getLiveness',
    summary: 'Liveness: 200 while the process runs',
    description: 'Checks nothing but the process itself (a Kubernetes liveness probe): it never looks at the database.',
  })
  @ApiOkResponse({
    type: HealthCheckResultDto,
    description: 'The process runs (terminus format, with no checks).',
    example: { status: 'ok', info: {}, error: {}, details: {} },
  })
  @ApiNoClientErrors('Takes no input, so no request to it can be malformed.')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: 200 when the database answers, 503 (terminus format) when not',
    description:
      'Pings the database (1 s timeout), reports statements failing with protocol errors in the last 30 s ' +
      '(a misconfigured connection pooler) and whether the service is draining for shutdown ' +
      '(a Kubernetes readiness probe). The 503 body is the terminus result, not a problem. `rateLimits` says where ' +
      'the rate limits are counted (`redis`, shared by every replica, or `memory`, per process — with a message when ' +
      'Redis is configured but unreachable); it never makes the service unready.',
  })
  @ApiOkResponse({
    type: HealthCheckResultDto,
    description: 'Every check is up.',
    example: {
      status: 'ok',
      info: {
        database: { status: 'up', responseTime: 3 },
        lifecycle: { status: 'up' },
        rateLimits: { status: 'up', store: 'redis' },
      },
      error: {},
      details: {
        database: { status: 'up', responseTime: 3 },
        lifecycle: { status: 'up' },
        rateLimits: { status: 'up', store: 'redis' },
      },
    },
  })
  @ApiServiceUnavailableResponse({
    type: HealthCheckResultDto,
    description:
      'A check is down: the database does not answer, statements fail with protocol errors, or the service is starting or shutting down.',
    example: {
      status: 'error',
      info: { lifecycle: { status: 'up' } },
      error: { database: { status: 'down', message: 'no answer within 1000 ms' } },
      details: { database: { status: 'down', message: 'no answer within 1000 ms' }, lifecycle: { status: 'up' } },
    },
  })
  @ApiNoClientErrors('Takes no input, so no request to it can be malformed.')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.pingDatabase(),
        () => {
          const indicator = this.indicators.check('lifecycle');
          return this.shutdown.draining ? indicator.down({ message: 'shutting down' }) : indicator.up();
        },
        // Informational: without Redis the limits are counted per process, and money keeps moving.
        () => this.indicators.check('rateLimits').up({ ...this.rateLimits.status() }),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  /** See {@link DatabaseHealthService}: SELECT 1 within 1 s, and no protocol faults lately. */
  private async pingDatabase(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('database');
    const health = await this.database.check(PING_TIMEOUT_MS);
    return health.up ? indicator.up({ responseTime: health.responseTime }) : indicator.down({ message: health.message });
  }
}
