// One error shape for every route: JSON `{ message, code }` plus AWS's `x-amzn-ErrorType` header,
// so AWS SDK clients surface the right exception (NotFoundException, BadRequestException, …).
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = defaultCode(statusCode),
  ) {
    super(message);
  }
}

export function defaultCode(status: number): string {
  if (status === 404) return 'NotFoundException';
  if (status === 413) return 'PayloadTooLargeException';
  if (status === 415) return 'UnsupportedMediaTypeException';
  if (status === 429) return 'TooManyRequestsException';
  if (status >= 500) return 'InternalServerErrorException';
  return 'BadRequestException';
}

export function sendError(reply: FastifyReply, status: number, message: string, code = defaultCode(status)) {
  return reply.code(status).header('x-amzn-ErrorType', code).type('application/json').send({ message, code });
}

/** Installs JSON error and not-found handlers: nothing leaves the server as HTML or a stack trace. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) return sendError(reply, err.statusCode, err.message, err.code);
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    const message =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'Request body is too large'
        : err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && err instanceof SyntaxError)
          ? `Malformed JSON body: ${err.message}`
          : status >= 500
            ? 'Internal server error'
            : err.message;
    return sendError(reply, status, message);
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, `No route for ${req.method} ${req.url.split('?')[0]}`));
}
