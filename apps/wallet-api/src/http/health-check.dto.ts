import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** One check's result (terminus adds `responseTime` to the database ping, `message` when a check is down). */
export class HealthIndicatorStatusDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status!: 'up' | 'down';

  /** Why the check is down, when it says. */
  @ApiPropertyOptional({ example: 'timeout of 1000ms exceeded' })
  message?: string;

  /** How long the database ping took, in milliseconds. */
  @ApiPropertyOptional({ type: 'integer', example: 3 })
  responseTime?: number;

  /** `rateLimits` only: `redis` when the counters are shared by every replica, `memory` when each process counts alone. */
  @ApiPropertyOptional({ enum: ['redis', 'memory'], example: 'redis' })
  store?: 'redis' | 'memory';
}

/** Check name (`database`, `lifecycle`, `rateLimits`) to its result. */
const CHECKS_SCHEMA = {
  type: 'object' as const,
  additionalProperties: { $ref: getSchemaPath(HealthIndicatorStatusDto) },
};

/** The @nestjs/terminus health check result, as both probes return it. */
@ApiExtraModels(HealthIndicatorStatusDto)
export class HealthCheckResultDto {
  /** `ok` when every check is up; `error` (with status 503) when one is down. */
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], example: 'ok' })
  status!: 'ok' | 'error' | 'shutting_down';

  /** The checks that are up. */
  @ApiPropertyOptional({
    ...CHECKS_SCHEMA,
    example: { database: { status: 'up', responseTime: 3 }, lifecycle: { status: 'up' } },
  })
  info?: Record<string, HealthIndicatorStatusDto>;

  /** The checks that are down. */
  @ApiPropertyOptional({ ...CHECKS_SCHEMA, example: {} })
  error?: Record<string, HealthIndicatorStatusDto>;

  /** Every check. */
  @ApiProperty({
    ...CHECKS_SCHEMA,
    example: { database: { status: 'up', responseTime: 3 }, lifecycle: { status: 'up' } },
  })
  details!: Record<string, HealthIndicatorStatusDto>;
}
