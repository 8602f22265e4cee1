import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '../errors/error-code';
import { buildProblem, PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { REQUEST_ID_HEADER } from './edge-headers';

/**
 * Requests Node's HTTP parser refuses before any handler sees them (a NUL or another control
 * character in a header, a malformed request line, headers over 16 KiB) get a problem+json 400
 * like every other bad input, instead of Node's bare `400 Bad Request` without a body. The
 * connection is then closed: the parser cannot find where the next request would start.
 */
export function answerMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const detail =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'The request headers are larger than 16 KiB.'
        : 'The HTTP request is malformed: its request line or a header is not valid HTTP (control characters are not allowed in headers).';
    const body = JSON.stringify(buildProblem(ErrorCode.VALIDATION_FAILED, detail));
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `${REQUEST_ID_HEADER}: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
