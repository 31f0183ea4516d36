// CORS on playback endpoints as the Primetime manifest server seed specifies: with an Origin header the
// origin is echoed with credentials allowed; without one, any origin. GET only (plus POST for session init).
import type { FastifyReply, FastifyRequest } from 'fastify';

export function playbackCors(req: FastifyRequest, reply: FastifyReply, methods = 'GET'): void {
  const origin = req.headers.origin;
  if (origin) {
    reply
      .header('access-control-allow-origin', origin)
      .header('access-control-allow-credentials', 'true')
      .header('vary', 'Origin');
  } else {
    reply.header('access-control-allow-origin', '*');
  }
  reply.header('access-control-allow-methods', methods);
}
