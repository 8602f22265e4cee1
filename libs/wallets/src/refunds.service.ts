import { ResourceNotFoundException, toAmount } from '@app/common';
import { resolveIdempotencyKey, WriteResult } from '@app/idempotency';
import { LedgerQueryService } from '@app/ledger';
import { Injectable } from '@nestjs/common';
import { RefundRequestDto } from './dto/refund-request.dto';
import { LedgerRequests } from './ledger-requests';
import { renderOutcome } from './outcome-renderer';
import { isTransactionId } from './validation/patterns';

/**
 * Refunds: `amount` (default: all that is left) goes back along the original's path. The original
 * is read first (its type, accounts and amount never change); the cap and the payer's balance are
 * checked by the ledger's refund rule behind the locks. The idempotency key belongs to the
 * original's acting user.
 */
@Injectable()
export class RefundsService {
  constructor(
    private readonly requests: LedgerRequests,
    private readonly queries: LedgerQueryService,
  ) {}

  async refund(
    transactionId: string,
    request: RefundRequestDto,
    headerKey: string | string[] | undefined,
    actor: string,
  ): Promise<WriteResult> {
    const key = resolveIdempotencyKey(headerKey, request.idempotencyKey);
    // An absent optional field is the same as null (API.md): both refund all that is left.
    const amount = request.amount === undefined || request.amount === null ? null : toAmount(request.amount);
    const original = isTransactionId(transactionId) ? await this.queries.findTransaction(transactionId) : undefined;
    if (!original) throw new ResourceNotFoundException('No transaction has this id.');
    const description = request.reason ?? null;
    const metadata = request.metadata ?? {};
    const [debit, credit] = original.entries;
    return this.requests.post({
      type: 'REFUND',
      userId: original.userId,
      key,
      actor,
      fields: { transactionId: original.id, amount: amount?.toString() ?? null, reason: description, metadata },
      intent: {
        kind: 'REFUND',
        original: {
          id: original.id,
          type: original.type,
          assetCode: original.assetCode,
          amount: original.amount,
          userId: original.userId,
          from: debit.account,
          to: credit.account,
        },
        amount,
      },
      description,
      metadata,
      render: renderOutcome,
    });
  }
}
