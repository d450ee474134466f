import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { DomainError } from '@afspraken/domain';
import { ConcurrencyError, StoreUnavailableError } from '@afspraken/event-store';
import { ContentionError, IdempotencyKeyConflictError, InvoerFouten, type FieldProblem } from '@afspraken/application';
import { zodProblems } from '@afspraken/platform/validation';

export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extra: string]: unknown;
}

const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  validation: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  'illegal-state': HttpStatus.CONFLICT,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const body = (statusCode: number, code: string, message: string, extra: Record<string, unknown> = {}): ErrorBody => ({
  statusCode,
  error: REASON[statusCode] ?? 'Error',
  code,
  message,
  ...extra,
});

/** Turns every error into one JSON shape; the domain never knows about HTTP. */
export const toErrorResponse = (exception: unknown): { body: ErrorBody; headers: Record<string, string> } => {
  if (exception instanceof ZodValidationException) {
    const problems = zodProblems(exception.getZodError() as ZodError);
    const first = problems[0];
    return {
      body: body(400, 'ONGELDIGE_INVOER', first ? `${first.field}: ${first.message}` : 'Ongeldige invoer', { errors: problems }),
      headers: {},
    };
  }
  if (exception instanceof InvoerFouten) {
    return { body: body(400, exception.code, exception.message, { errors: exception.problems, aantalFouten: exception.aantal }), headers: {} };
  }
  if (exception instanceof DomainError) {
    const field = 'field' in exception ? (exception as { field?: string }).field : undefined;
    return {
      body: body(DOMAIN_STATUS[exception.kind], exception.code, exception.message, field ? { errors: [{ field, message: exception.message }] } : {}),
      headers: {},
    };
  }
  if (exception instanceof ConcurrencyError) {
    return {
      body: body(409, 'VERSIECONFLICT', `Iemand anders heeft dit intussen gewijzigd; de huidige revisie is ${exception.actual}`, {
        currentRevision: exception.actual,
        expectedRevision: exception.expected,
      }),
      headers: { ETag: `"${exception.actual}"` },
    };
  }
  if (exception instanceof IdempotencyKeyConflictError) {
    return { body: body(422, exception.code, exception.message), headers: {} };
  }
  if (exception instanceof ContentionError) {
    // Nothing was written; the retry budget ran out against other writers. A client may simply try again.
    return { body: body(503, exception.code, 'Wat dit commando wijzigt, wordt nu door veel anderen tegelijk gewijzigd; er is niets vastgelegd, probeer het zo opnieuw'), headers: { 'Retry-After': '1' } };
  }
  if (exception instanceof StoreUnavailableError) {
    return { body: body(503, 'OPSLAG_ONBEREIKBAAR', 'De opslag is tijdelijk niet bereikbaar; probeer het zo opnieuw'), headers: { 'Retry-After': '5' } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? ((response as { message: string[] }).message).join('; ')
          : String((response as { message?: unknown }).message ?? exception.message);
    const code = typeof response === 'object' && typeof (response as { code?: unknown }).code === 'string' ? (response as { code: string }).code : `HTTP_${status}`;
    const extra = typeof response === 'object' ? { ...(response as object) } : {};
    delete (extra as Record<string, unknown>).message;
    delete (extra as Record<string, unknown>).statusCode;
    delete (extra as Record<string, unknown>).error;
    delete (extra as Record<string, unknown>).code;
    return { body: body(status, code, message, extra), headers: {} };
  }
  // Errors thrown by express middleware (body parser) carry their status.
  const status = (exception as { status?: unknown; statusCode?: unknown })?.status ?? (exception as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: string }).type;
    const message =
      type === 'entity.too.large'
        ? 'Het verzoek is te groot'
        : type === 'entity.parse.failed'
          ? 'De body is geen geldige JSON'
          : type === 'encoding.unsupported' || type === 'charset.unsupported'
            ? 'Deze tekenset wordt niet ondersteund'
            : (exception as Error).message;
    return { body: body(status, type ? type.toUpperCase().replace(/\./g, '_') : `HTTP_${status}`, message), headers: {} };
  }
  return { body: body(500, 'INTERNE_FOUT', 'Er ging iets mis aan onze kant'), headers: {} };
};

@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Fouten');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { body: errorBody, headers } = toErrorResponse(exception);
    if (errorBody.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(errorBody.statusCode).json(errorBody);
  }
}
