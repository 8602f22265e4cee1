import { CanonicalValue, fingerprintRequest, IdempotencyService, StoredResponse, WriteResult } from '@app/idempotency';
import { LedgerService, PostingIntent, PostingOutcome, TransactionType, transactionType } from '@app/ledger';
import { Injectable } from '@nestjs/common';

/** A write as a use case hands it over: what to post, for whom, and the request that asked for it. */
export interface LedgerRequest {
  /** The transaction type the request posts (its endpoint, from the registry, is fingerprinted). */
  readonly type: TransactionType;
  /** The acting user: the journals' user and the idempotency key's scope. */
  readonly userId: string;
  readonly key: string;
  /** The credential that asked: recorded on the journals and part of the fingerprint. */
  readonly actor: string;
  /** The request, normalised (amounts as digit strings, absent optionals as null), for the fingerprint. */
  readonly fields: { readonly [field: string]: CanonicalValue };
  readonly intent: PostingIntent;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly render: (outcome: PostingOutcome) => StoredResponse;
}

/**
 * The one way a request's write reaches the ledger: fingerprinted with its credential (so an
 * idempotency record belongs to the credential that made it: another one with the same user and
 * key gets IDEMPOTENCY_KEY_REUSED and never the body), coordinated with concurrent duplicates in
 * this process, and posted with its claim and renderer.
 */
@Injectable()
export class LedgerRequests {
  constructor(
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
  ) {}

  post(request: LedgerRequest): Promise<WriteResult> {
    const { userId, key, actor } = request;
    const { endpoint } = transactionType(request.type);
    const fingerprint = fingerprintRequest(endpoint, { ...request.fields, credential: actor });
    return this.idempotency.exclusive(userId, key, fingerprint, () =>
      this.ledger.post({
        intent: request.intent,
        actingUserId: userId,
        key,
        description: request.description,
        metadata: request.metadata,
        createdBy: actor,
        idempotency: { userId, key, endpoint, fingerprint },
        render: request.render,
      }),
    );
  }
}
