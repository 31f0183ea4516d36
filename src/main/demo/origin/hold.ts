// Holding a request for fault=slow/timeout (and segfault=slow), as the demo ADS does: the timer is dropped
// the moment the client goes away, and every hold is released when the server closes, so shutdown never
// waits on a 60 s timer.
import type { FastifyReply } from 'fastify';

export type HoldResult = 'elapsed' | 'aborted' | 'closing';

export class Holds {
  private readonly held = new Set<(r: HoldResult) => void>();

  /** Wait `ms`, unless the client disconnects ('aborted') or the server closes ('closing') first. */
  hold(reply: FastifyReply, ms: number): Promise<HoldResult> {
    return new Promise((resolve) => {
      const res = reply.raw;
      if (res.destroyed) return resolve('aborted');
      const finish = (r: HoldResult) => {
        clearTimeout(timer);
        res.off('close', onClose);
        this.held.delete(finish);
        resolve(r);
      };
      const onClose = () => finish('aborted');
      const timer = setTimeout(() => finish('elapsed'), ms);
      res.once('close', onClose);
      this.held.add(finish);
    });
  }

  releaseAll(): void {
    for (const release of [...this.held]) release('closing');
  }
}
