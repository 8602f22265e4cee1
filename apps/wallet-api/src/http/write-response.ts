import { MetricsService } from '@app/common';
import { IDEMPOTENT_REPLAYED_HEADER, storedContentType, WriteResult } from '@app/idempotency';
import type { Response } from 'express';

/**
 * Sends a write's stored outcome exactly as stored: the same status and the same body bytes for the
 * first answer and every replay; replays also carry `Idempotent-Replayed: true`. Written with Node's
 * own calls (what Express's `send` ends with): the body is a finished JSON text, so content
 * negotiation, charset parsing and freshness checks have nothing to do.
 */
export function sendWriteResult(response: Response, result: WriteResult, metrics: MetricsService): void {
  if (result.replayed) {
    response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    metrics.idempotentReplays.inc();
  }
  response.statusCode = result.status;
  response.setHeader('Content-Type', `${storedContentType(result.status)}; charset=utf-8`);
  response.setHeader('Content-Length', Buffer.byteLength(result.body));
  response.end(result.body);
}
