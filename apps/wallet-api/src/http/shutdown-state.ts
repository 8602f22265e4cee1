import { Injectable } from '@nestjs/common';

/** Set when the process starts draining: readiness turns 503 and connections close after their response. */
@Injectable()
export class ShutdownState {
  draining = false;
  /** Requests received whose response has not closed yet (finished, or its connection gone). */
  inFlight = 0;
}
