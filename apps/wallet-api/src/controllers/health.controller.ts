import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { ShutdownState } from '../http/shutdown-state';

const PING_TIMEOUT_MS = 1000;

/** Kubernetes probes. Liveness checks only the process; readiness also pings the database. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: 200 while the process runs' })
  @ApiOkResponse({ description: 'Terminus health result' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: 200 when the database answers, 503 (terminus format) when not' })
  @ApiOkResponse({ description: 'Terminus health result' })
  @ApiServiceUnavailableResponse({ description: 'Terminus health result with the failing checks' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: PING_TIMEOUT_MS }),
        () => {
          const indicator = this.indicators.check('lifecycle');
          return this.shutdown.draining ? indicator.down({ message: 'shutting down' }) : indicator.up();
        },
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
