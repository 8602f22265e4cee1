import { buildProblem, ErrorCode, ProblemBody } from '@app/common';
import type { StoredResponse } from '@app/idempotency';
import type { PostingOutcome, Rejection } from '@app/ledger';
import { HoldResponseDto } from './dto/hold-response.dto';
import { TransactionResponseDto } from './dto/transaction-response.dto';

/**
 * Turns a posting outcome into the response that is stored with the idempotency key and sent, then
 * replayed byte for byte: the body holds nothing specific to one request (no request id, no clock).
 * A posted write answers with its (first) transaction.
 */
export function renderOutcome(outcome: PostingOutcome): StoredResponse {
  if (outcome.kind === 'POSTED') {
    return { status: 201, body: JSON.stringify(TransactionResponseDto.toResponse(outcome.transactions[0])) };
  }
  return renderRejection(outcome.rejection);
}

/** A hold's postings answer with the hold: 201 when it is created, 200 when it is captured or voided. */
export function holdRenderer(status: 200 | 201): (outcome: PostingOutcome) => StoredResponse {
  return (outcome) => {
    if (outcome.kind === 'REJECTED') return renderRejection(outcome.rejection);
    if (!outcome.hold) throw new Error('a hold posting settled without its hold');
    return { status, body: JSON.stringify(HoldResponseDto.toResponse(outcome.hold)) };
  };
}

function renderRejection(rejection: Rejection): StoredResponse {
  const problem = problemFor(rejection);
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
    case ErrorCode.REFUND_EXCEEDS_ORIGINAL:
      return buildProblem(rejection.code, `At most ${rejection.refundable} of this transaction is left to refund.`, {
        refundable: rejection.refundable.toString(),
      });
    case ErrorCode.NOT_REFUNDABLE:
      return buildProblem(
        rejection.code,
        `A ${rejection.type} transaction cannot be refunded; only TOPUP, SPEND, BONUS and TRANSFER can.`,
      );
    case ErrorCode.HOLD_NOT_ACTIVE:
      return buildProblem(rejection.code, `The hold is ${rejection.holdStatus}; only a HELD hold can be captured or voided.`, {
        holdStatus: rejection.holdStatus,
      });
    case ErrorCode.DAILY_LIMIT_EXCEEDED:
      return buildProblem(
        rejection.code,
        `The sender may transfer ${rejection.limit} ${rejection.assetCode} per day (UTC); ${rejection.remaining} is left today.`,
        { assetCode: rejection.assetCode, limit: rejection.limit.toString(), remaining: rejection.remaining.toString() },
      );
  }
}
