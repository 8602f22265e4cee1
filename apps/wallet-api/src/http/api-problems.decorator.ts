import { buildProblem, describeError, ErrorCode, PROBLEM_CONTENT_TYPE, ProblemDto } from '@app/common';
import { IDEMPOTENT_REPLAYED_HEADER } from '@app/idempotency';
import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiResponse, getSchemaPath, type HeaderObject } from '@nestjs/swagger';

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
]);

/**
 * Documents the error responses of an operation: one response per status, each an
 * application/problem+json body whose `code` is limited to the codes the operation can return,
 * with one example body per code. Statuses that carry a stored business rejection also document
 * the `Idempotent-Replayed` header.
 */
export function ApiProblems(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const { status } = describeError(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...[...byStatus.entries()].map(([status, statusCodes]) =>
      ApiResponse({
        status,
        description: statusCodes.map((c) => `\`${c}\`: ${describeError(c).title}`).join('; '),
        ...(statusCodes.some((c) => REPLAYED_CODES.has(c)) ? { headers: IDEMPOTENT_REPLAYED_RESPONSE_HEADER } : {}),
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
      }),
    ),
  );
}

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

/** A body exactly as the service writes it for this code (built by the same function). */
function exampleProblem(code: ErrorCode) {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return buildProblem(code, 'amount: must be greater than zero.', {
        errors: [{ field: 'amount', message: 'must be greater than zero' }],
      });
    case ErrorCode.USER_NOT_FOUND:
      return buildProblem(code, 'No user has the id 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d.');
    case ErrorCode.ASSET_NOT_FOUND:
      return buildProblem(code, 'No asset has the code RUBY.');
    case ErrorCode.NOT_FOUND:
      return buildProblem(code, 'No transaction has this id.');
    case ErrorCode.USERNAME_TAKEN:
      return buildProblem(code, 'The username carol is already taken.');
    case ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS:
      return buildProblem(
        code,
        'A request with this idempotency key is still being processed. Retry shortly with the same key.',
      );
    case ErrorCode.INSUFFICIENT_FUNDS:
      return buildProblem(code, 'The GOLD balance is 50, less than the 100 required.', {
        assetCode: 'GOLD',
        balance: '50',
        required: '100',
      });
    case ErrorCode.IDEMPOTENCY_KEY_REUSED:
      return buildProblem(
        code,
        'This idempotency key was already used for a different request. Use a new key for a new request.',
      );
    case ErrorCode.SAME_ACCOUNT_TRANSFER:
      return buildProblem(code, 'A transfer needs two different users.');
    case ErrorCode.LIMIT_EXCEEDED:
      return buildProblem(code, 'The resulting GOLD balance would exceed the largest storable balance.', {
        assetCode: 'GOLD',
      });
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return buildProblem(code, 'Send the body as application/json (UTF-8).');
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return buildProblem(code, 'The body is larger than 64 KiB.');
    case ErrorCode.SERVICE_UNAVAILABLE:
      return buildProblem(
        code,
        'The service cannot reach its database right now. Retry later with the same idempotency key.',
      );
    case ErrorCode.INTERNAL_ERROR:
      return buildProblem(code, 'An unexpected error occurred. It has been logged.');
  }
}
