import { buildProblem, ErrorCode, ProblemBody } from '@app/common';
import type { StoredResponse } from '@app/idempotency';
import type { PostingOutcome, Rejection } from '@app/ledger';
import { TransactionResponseDto } from './dto/transaction-response.dto';

/**
 * Turns a posting outcome into the response that is stored with the idempotency key and sent, then
 * replayed byte for byte: the body holds nothing specific to one request (no request id, no clock).
 */
export function renderOutcome(outcome: PostingOutcome): StoredResponse {
  if (outcome.kind === 'POSTED') {
    return { status: 201, body: JSON.stringify(TransactionResponseDto.toResponse(outcome.transaction)) };
  }
  const problem = problemFor(outcome.rejection);
  return { status: problem.status, body: JSON.stringify(problem) };
}

function problemFor(rejection: Rejection): ProblemBody {
  switch (rejection.code) {
    case ErrorCode.INSUFFICIENT_FUNDS:
      return buildProblem(
        rejection.code,
        `The ${rejection.assetCode} balance is ${rejection.balance}, less than the ${rejection.required} required.`,
        { assetCode: rejection.assetCode, balance: rejection.balance.toString(), required: rejection.required.toString() },
      );
    case ErrorCode.LIMIT_EXCEEDED:
      return buildProblem(
        rejection.code,
        `The resulting ${rejection.assetCode} balance would exceed the largest storable balance.`,
        { assetCode: rejection.assetCode },
      );
    case ErrorCode.SAME_ACCOUNT_TRANSFER:
      return buildProblem(rejection.code, 'A transfer needs two different users.');
  }
}
