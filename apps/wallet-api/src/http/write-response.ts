import { MetricsService, sendWithEdgeHeaders } from '@app/common';
import { IDEMPOTENT_REPLAYED_HEADER, storedContentType, WriteResult } from '@app/idempotency';
import type { Response } from 'express';

/**
 * Sends a write's stored outcome exactly as stored: the same status and the same body bytes for the
 * first answer and every replay; replays also carry `Idempotent-Replayed: true`. The head is written
 * in one call with the edge's headers (see edge-headers.ts): the body is a finished JSON text, so
 * content negotiation, charset parsing and freshness checks have nothing to do.
 */
export function sendWriteResult(response: Response, result: WriteResult, metrics: MetricsService): void {
  const contentType = `${storedContentType(result.status)}; charset=utf-8`;
  const length = String(Buffer.byteLength(result.body));
  if (result.replayed) {
    metrics.idempotentReplays.inc();
    sendWithEdgeHeaders(response, result.status, replayHeaders(contentType, length), result.body);
    return;
  }
  sendWithEdgeHeaders(response, result.status, ['Content-Type', contentType, 'Content-Length', length], result.body);
}

function replayHeaders(contentType: string, length: string): string[] {
  return ['Content-Type', contentType, 'Content-Length', length, IDEMPOTENT_REPLAYED_HEADER, 'true'];
}
