import {
  AssetNotFoundException,
  BEARER_CHALLENGE,
  buildProblem,
  describeError,
  DomainException,
  ErrorCode,
  PROBLEM_CONTENT_TYPE,
  ProblemBody,
  ProblemDto,
  ResourceNotFoundException,
  ServiceUnavailableException,
  UserNotFoundException,
  ValidationFailedException,
  WWW_AUTHENTICATE,
} from '@app/common';
import { IDEMPOTENT_REPLAYED_HEADER, IdempotencyKeyInProgressException, IdempotencyKeyReusedException } from '@app/idempotency';
import type { Rejection } from '@app/ledger';
import { renderOutcome, UsernameTakenException } from '@app/wallets';
import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiResponse, getSchemaPath, type HeaderObject } from '@nestjs/swagger';
import { MissingScopeException, UnauthenticatedException } from '@app/api-keys';

/** The response header of a replayed write (on the 201 and on stored business rejections). */
export const IDEMPOTENT_REPLAYED_RESPONSE_HEADER: Record<string, HeaderObject> = {
  [IDEMPOTENT_REPLAYED_HEADER]: {
    description:
      '`true` when this response is the stored outcome of an earlier request with the same user and key ' +
      '(same status, same body); absent on the first answer.',
    schema: { type: 'string', enum: ['true'] },
  },
};

/** Business rejections are outcomes: stored with the key and replayed like a success. */
const REPLAYED_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.INSUFFICIENT_FUNDS,
  ErrorCode.SAME_ACCOUNT_TRANSFER,
  ErrorCode.LIMIT_EXCEEDED,
  ErrorCode.REFUND_EXCEEDS_ORIGINAL,
  ErrorCode.NOT_REFUNDABLE,
  ErrorCode.DAILY_LIMIT_EXCEEDED,
  ErrorCode.HOLD_NOT_ACTIVE,
]);

/**
 * Documents the error responses of an operation: one response per status, each an
 * application/problem+json body whose `code` is limited to the codes the operation can return,
 * with one example body per code. Statuses that carry a stored business rejection also document
 * the `Idempotent-Replayed` header.
 */
export function ApiProblems(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...problemResponses(codes).map(({ status, response }) => ApiResponse({ status, ...response })),
  );
}

/** An OpenAPI response object (the swagger package does not export its type). */
export interface ProblemResponseObject {
  readonly description: string;
  readonly headers: Record<string, HeaderObject>;
  readonly content: Record<string, { schema: object; examples: Record<string, { summary: string; value: ProblemBody }> }>;
}

/** The problem responses for these codes, one per status (see ApiProblems); also used to document refusals every protected operation shares. */
export function problemResponses(codes: readonly ErrorCode[]): Array<{ status: number; response: ProblemResponseObject }> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const { status } = describeError(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return [...byStatus.entries()].map(([status, statusCodes]) => ({
    status,
    response: {
      description: statusCodes.map((c) => `\`${c}\`: ${describeError(c).title}`).join('; '),
      headers: {
        ...(statusCodes.some((c) => REPLAYED_CODES.has(c)) ? IDEMPOTENT_REPLAYED_RESPONSE_HEADER : {}),
        ...(statusCodes.includes(ErrorCode.UNAUTHENTICATED) ? WWW_AUTHENTICATE_RESPONSE_HEADER : {}),
        ...(statusCodes.includes(ErrorCode.RATE_LIMITED) ? RETRY_AFTER_RESPONSE_HEADER : {}),
      },
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: {
            allOf: [
              { $ref: getSchemaPath(ProblemDto) },
              { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: statusCodes } } },
            ],
          },
          examples: Object.fromEntries(
            statusCodes.map((c) => [c, { summary: describeError(c).title, value: exampleProblem(c) }]),
          ),
        },
      },
    },
  }));
}

const RETRY_AFTER_RESPONSE_HEADER: Record<string, HeaderObject> = {
  'Retry-After': {
    description: 'Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key).',
    schema: { type: 'integer', minimum: 1, example: 1 },
  },
};

const WWW_AUTHENTICATE_RESPONSE_HEADER: Record<string, HeaderObject> = {
  [WWW_AUTHENTICATE]: {
    description:
      'The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid.',
    schema: { type: 'string', example: BEARER_CHALLENGE },
  },
};

/**
 * Marks an operation that takes no input and so has no client error to document (the lint gate
 * requires a 4xx response on every other operation).
 */
export function ApiNoClientErrors(reason: string): MethodDecorator & ClassDecorator {
  return ApiExtension('x-no-client-errors', reason);
}

/** Errors any endpoint may return. */
export const COMMON_PROBLEMS = [ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.INTERNAL_ERROR] as const;
/** Errors of any request with a JSON body. */
export const BODY_PROBLEMS = [
  ErrorCode.VALIDATION_FAILED,
  ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  ErrorCode.PAYLOAD_TOO_LARGE,
] as const;

/**
 * A body exactly as the service writes it for this code: built by the same exceptions and the same
 * outcome renderer, so the documented examples cannot drift from the real messages.
 */
function exampleProblem(code: ErrorCode): ProblemBody {
  const fromException = (e: DomainException) => buildProblem(e.code, e.detail, e.extensions);
  const fromRejection = (rejection: Rejection) => JSON.parse(renderOutcome({ kind: 'REJECTED', rejection }).body) as ProblemBody;
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return fromException(new ValidationFailedException([{ field: 'amount', message: 'must be greater than zero' }]));
    case ErrorCode.USER_NOT_FOUND:
      return fromException(new UserNotFoundException('5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d'));
    case ErrorCode.ASSET_NOT_FOUND:
      return fromException(new AssetNotFoundException('RUBY'));
    case ErrorCode.NOT_FOUND:
      return fromException(new ResourceNotFoundException('No transaction has this id.'));
    case ErrorCode.USERNAME_TAKEN:
      return fromException(new UsernameTakenException('carol'));
    case ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS:
      return fromException(new IdempotencyKeyInProgressException());
    case ErrorCode.IDEMPOTENCY_KEY_REUSED:
      return fromException(new IdempotencyKeyReusedException());
    case ErrorCode.INSUFFICIENT_FUNDS:
      return fromRejection({ code, assetCode: 'GOLD', balance: 50n, required: 100n });
    case ErrorCode.SAME_ACCOUNT_TRANSFER:
      return fromRejection({ code });
    case ErrorCode.LIMIT_EXCEEDED:
      return fromRejection({ code, assetCode: 'GOLD' });
    case ErrorCode.REFUND_EXCEEDS_ORIGINAL:
      return fromRejection({ code, refundable: 40n });
    case ErrorCode.NOT_REFUNDABLE:
      return fromRejection({ code, type: 'REFUND' });
    case ErrorCode.DAILY_LIMIT_EXCEEDED:
      return fromRejection({ code, assetCode: 'GOLD', limit: 1000n, remaining: 250n });
    case ErrorCode.HOLD_NOT_ACTIVE:
      return fromRejection({ code, holdStatus: 'CAPTURED' });
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return buildProblem(code, 'Send the body as application/json (UTF-8).');
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return buildProblem(code, 'The body is larger than 64 KiB.');
    case ErrorCode.UNAUTHENTICATED:
      return fromException(new UnauthenticatedException('missing'));
    case ErrorCode.FORBIDDEN:
      return fromException(new MissingScopeException('wallets:topup'));
    case ErrorCode.RATE_LIMITED:
      return buildProblem(code, 'This credential may make 1000 requests per second. Retry after 1 s.');
    case ErrorCode.SERVICE_UNAVAILABLE:
      return fromException(new ServiceUnavailableException());
    case ErrorCode.INTERNAL_ERROR:
      return buildProblem(code, 'An unexpected error occurred. It has been logged.');
  }
}
