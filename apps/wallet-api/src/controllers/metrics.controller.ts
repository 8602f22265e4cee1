import { RequiresScope } from '@app/api-keys';
import { MetricsService } from '@app/common';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @RequiresScope('metrics:read')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics',
    description: 'HTTP latency by route, ledger and idempotency counters, database pool gauges and the Node.js defaults.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format (version 0.0.4).', schema: { type: 'string' } })
  render(): Promise<string> {
    return this.metrics.render();
  }
}
