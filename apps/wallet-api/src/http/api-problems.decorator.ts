import { describeError, ErrorCode, PROBLEM_CONTENT_TYPE, ProblemDto } from '@app/common';
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Documents the error responses of an operation: one response per status, each an
 * application/problem+json body whose `code` is limited to the codes the operation can return.
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
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: {
              allOf: [
                { $ref: getSchemaPath(ProblemDto) },
                { type: 'object', properties: { code: { type: 'string', enum: statusCodes } } },
              ],
            },
          },
        },
      }),
    ),
  );
}

/** Errors any endpoint may return. */
export const COMMON_PROBLEMS = [ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.INTERNAL_ERROR] as const;
/** Errors of any request with a JSON body. */
export const BODY_PROBLEMS = [ErrorCode.VALIDATION_FAILED, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PAYLOAD_TOO_LARGE] as const;
