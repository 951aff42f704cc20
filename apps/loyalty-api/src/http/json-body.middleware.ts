import { UnsupportedMediaTypeException } from '@nestjs/common';
import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** application/json and its structured-syntax variants (application/merge-patch+json, …). */
const JSON_MEDIA_TYPES = ['application/json', '+json'];

/**
 * The API's one body parser. A body is JSON or it is refused with 415: no form or text parser
 * turns other media types into objects. A body of zero bytes is no body at all (body-parser would
 * read it as `{}`): on a route whose fields are all optional `{}` is a valid change, and a client
 * that sent nothing by mistake would write.
 */
export function jsonBodies(limit: number): RequestHandler {
  const emptyBodies = new WeakSet<object>();
  const parse = json({
    limit,
    type: () => true,
    verify: (request, _response, bytes) => {
      if (bytes.length === 0) emptyBodies.add(request);
    },
  });
  return function readJsonBody(request: Request, response: Response, next: NextFunction): void {
    const mediaType = request.is(JSON_MEDIA_TYPES); // null when the request has no body
    // No body (fetch sends `Content-Length: 0` on a bare POST, whatever its type), or one an
    // earlier middleware has read (a webhook delivery's raw bytes).
    if (mediaType === null || request.headers['content-length'] === '0' || request.readableEnded) return next();
    if (mediaType === false) {
      return next(new UnsupportedMediaTypeException('Request bodies are JSON: send Content-Type: application/json'));
    }
    parse(request, response, (error?: unknown) => {
      if (emptyBodies.has(request)) request.body = undefined;
      next(error);
    });
  };
}
