import type { Server } from 'node:http';
import type { AppConfig } from '@app/common';

/**
 * Bounds what a client may cost by being slow (Node's own checks, applied before listening):
 * - `headersTimeout`: the request line and headers must arrive within this, counted from the
 *   connection's first byte (or its opening: a connection that never sends anything is cut too);
 * - `requestTimeout`: the whole request, body included (a body sent a byte at a time is cut);
 * - `keepAliveTimeout`: an idle keep-alive connection is closed after this.
 * The first two answer a bare 408 and close the connection (no request was received, so there is
 * nothing to answer with a problem). A slow *answer* (the service's own work) is not limited by these. Node checks the first two every `connectionsCheckingInterval` (30 s by
 * default, which would let a slow connection live up to that much longer): here at most 1 s.
 */
export function applyServerTimeouts(server: Server, http: AppConfig['http']): void {
  server.headersTimeout = http.headersTimeoutMs;
  server.requestTimeout = http.requestTimeoutMs;
  server.keepAliveTimeout = http.keepAliveTimeoutMs;
  // Read by Node when the server starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(
    50,
    Math.min(1000, Math.floor(http.headersTimeoutMs / 4)),
  );
}
