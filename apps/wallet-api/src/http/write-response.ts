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
  const headers = [
    'Content-Type',
    `${storedContentType(result.status)}; charset=utf-8`,
    'Content-Length',
    String(Buffer.byteLength(result.body)),
  ];
  if (result.replayed) {
    headers.push(IDEMPOTENT_REPLAYED_HEADER, 'true');
    metrics.idempotentReplays.inc();
  }
  sendWithEdgeHeaders(response, result.status, headers, result.body);
}
