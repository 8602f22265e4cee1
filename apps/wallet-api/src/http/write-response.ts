import { MetricsService } from '@app/common';
import { IDEMPOTENT_REPLAYED_HEADER, storedContentType, WriteResult } from '@app/idempotency';
import type { Response } from 'express';

/**
 * Sends a write's stored outcome exactly as stored: the same status and the same body bytes for the
 * first answer and every replay; replays also carry `Idempotent-Replayed: true`.
 */
export function sendWriteResult(response: Response, result: WriteResult, metrics: MetricsService): void {
  if (result.replayed) {
    response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    metrics.idempotentReplays.inc();
  }
  response.status(result.status).type(storedContentType(result.status)).send(result.body);
}
