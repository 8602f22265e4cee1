import createClient, { type Client } from 'openapi-fetch';
import { toAmountString } from './amount.js';
import type { paths } from './generated/schema.js';
import type {
  Asset,
  Balances,
  ErrorCode,
  HistoryItem,
  HistoryPage,
  HistoryQuery,
  LedgerVerification,
  PostingInput,
  Transaction,
  TransferInput,
  User,
} from './types.js';
import { ProblemOf, UnexpectedResponseError, WalletApiError } from './wallet-api.error.js';

export interface WalletApiClientOptions {
  /** Where the service listens, e.g. `http://localhost:3000`. */
  readonly baseUrl: string;
  /**
   * The credential sent with every request as `Authorization: Bearer <apiKey>`: an API key's secret
   * (`dw_…`, holding the scopes of the operations you call) or the master key.
   */
  readonly apiKey: string;
  /** Headers sent with every request (an API gateway's credentials, say). */
  readonly headers?: Record<string, string>;
  /** The fetch to use; the global one by default. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Makes the idempotency key of a write the caller gives none for; `crypto.randomUUID` by default. */
  readonly newIdempotencyKey?: () => string;
  /**
   * How many times a request is sent again, with the same idempotency key, after a network error,
   * a 503 or a 409 `IDEMPOTENCY_KEY_IN_PROGRESS` (default 2; creating a user is never retried).
   */
  readonly retries?: number;
  /** The wait before the n-th retry is n times this (default 200 ms). */
  readonly retryDelayMs?: number;
}

export interface RequestOptions {
  /** Sent as `X-Request-Id`, to find the request in the service's logs. */
  readonly requestId?: string;
  readonly signal?: AbortSignal;
}

export interface WriteOptions extends RequestOptions {
  /**
   * The write's idempotency key, scoped to the acting user. Pass your own (an order id, say) to
   * retry a write across restarts; by default every call gets a fresh one.
   */
  readonly idempotencyKey?: string;
}

/** A successful write. */
export interface WriteResult {
  readonly transaction: Transaction;
  /** True when the service answered with the stored outcome of an earlier call with this key. */
  readonly replayed: boolean;
  readonly idempotencyKey: string;
  readonly requestId: string | null;
}

type ApiResult<T> = { data?: T; error?: unknown; response: Response };
type WriteHeaders = { 'Idempotency-Key': string; 'X-Request-Id'?: string };

const RETRIED_STATUSES = new Set([409, 503]);

/**
 * A client of the Dino Wallet API, typed from its OpenAPI document. On top of the generated
 * client (`raw`, for anything not wrapped here) it gives every write an idempotency key and
 * retries it safely, turns amounts into digit strings, and throws every error response as a
 * {@link WalletApiError} carrying the contract's code.
 */
export class WalletApiClient {
  /** The generated openapi-fetch client: every operation of the document, typed, unwrapped. */
  readonly raw: Client<paths>;
  private readonly newIdempotencyKey: () => string;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(options: WalletApiClientOptions) {
    const headers = { ...options.headers, Authorization: `Bearer ${options.apiKey}` };
    this.raw = createClient<paths>({ baseUrl: options.baseUrl, headers, fetch: options.fetch });
    this.newIdempotencyKey = options.newIdempotencyKey ?? (() => globalThis.crypto.randomUUID());
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  /** Creates a user. Not retried: usernames are unique, so a retry of a create that succeeded would be a 409. */
  async createUser(username: string, options: RequestOptions = {}): Promise<User> {
    const result = await this.raw.POST('/v1/users', {
      body: { username },
      params: { header: headers(options) },
      signal: options.signal,
    });
    return unwrap(result, null);
  }

  async getUser(userId: string, options: RequestOptions = {}): Promise<User> {
    return this.read(() =>
      this.raw.GET('/v1/users/{userId}', {
        params: { path: { userId }, header: headers(options) },
        signal: options.signal,
      }),
    );
  }

  /** The user with this username, or null. */
  async findUserByUsername(username: string, options: RequestOptions = {}): Promise<User | null> {
    const page = await this.read(() =>
      this.raw.GET('/v1/users', { params: { query: { username }, header: headers(options) }, signal: options.signal }),
    );
    return page.data[0] ?? null;
  }

  async listAssets(options: RequestOptions = {}): Promise<Asset[]> {
    const page = await this.read(() =>
      this.raw.GET('/v1/assets', { params: { header: headers(options) }, signal: options.signal }),
    );
    return page.data;
  }

  /** The treasury credits the user (a purchase of credits). */
  topUp(input: PostingInput, options: WriteOptions = {}): Promise<WriteResult> {
    return this.write(options, (header) =>
      this.raw.POST('/v1/topup', { body: postingBody(input), params: { header }, signal: options.signal }),
    );
  }

  /** The user pays the treasury; a 422 INSUFFICIENT_FUNDS when the balance is short. */
  spend(input: PostingInput, options: WriteOptions = {}): Promise<WriteResult> {
    return this.write(options, (header) =>
      this.raw.POST('/v1/spend', { body: postingBody(input), params: { header }, signal: options.signal }),
    );
  }

  /** The bonus pool credits the user. */
  grantBonus(input: PostingInput, options: WriteOptions = {}): Promise<WriteResult> {
    return this.write(options, (header) =>
      this.raw.POST('/v1/bonus', { body: postingBody(input), params: { header }, signal: options.signal }),
    );
  }

  /** Moves an amount from one user to another; the idempotency key is the sender's. */
  createTransfer(input: TransferInput, options: WriteOptions = {}): Promise<WriteResult> {
    return this.write(options, (header) =>
      this.raw.POST('/v1/transfers', { body: postingBody(input), params: { header }, signal: options.signal }),
    );
  }

  /**
   * The user's balance in every asset, as digit strings; with `asOf`, right after every
   * transaction stamped at or before that instant (a Date, or an RFC 3339 string).
   */
  getBalances(userId: string, options: RequestOptions & { readonly asOf?: Date | string } = {}): Promise<Balances> {
    const asOf = options.asOf instanceof Date ? options.asOf.toISOString() : options.asOf;
    return this.read(() =>
      this.raw.GET('/v1/users/{userId}/balances', {
        params: { path: { userId }, query: asOf === undefined ? {} : { asOf }, header: headers(options) },
        signal: options.signal,
      }),
    );
  }

  /** One page of the user's history, newest first; pass `nextCursor` as `cursor` for the next. */
  listUserTransactions(userId: string, query: HistoryQuery = {}, options: RequestOptions = {}): Promise<HistoryPage> {
    return this.read(() =>
      this.raw.GET('/v1/users/{userId}/transactions', {
        params: { path: { userId }, query, header: headers(options) },
        signal: options.signal,
      }),
    );
  }

  /** Every item of the user's history, newest first, fetched page by page. */
  async *iterateUserTransactions(
    userId: string,
    query: Omit<HistoryQuery, 'cursor'> = {},
    options: RequestOptions = {},
  ): AsyncGenerator<HistoryItem> {
    let cursor: string | undefined;
    do {
      const page = await this.listUserTransactions(userId, { ...query, cursor }, options);
      yield* page.data;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }

  getTransaction(transactionId: string, options: RequestOptions = {}): Promise<Transaction> {
    return this.read(() =>
      this.raw.GET('/v1/transactions/{transactionId}', {
        params: { path: { transactionId }, header: headers(options) },
        signal: options.signal,
      }),
    );
  }

  /**
   * Checks the ledger against its journal; `ok` is false when anything does not add up. By default
   * what was posted since the last verified checkpoint; `full: true` recomputes everything. A
   * concurrent call in the same service process is refused (429 `RATE_LIMITED`).
   */
  verifyLedger(options: RequestOptions & { readonly full?: boolean } = {}): Promise<LedgerVerification> {
    return this.read(() =>
      this.raw.GET('/v1/ledger/verify', {
        params: { header: headers(options), query: options.full ? { full: true } : {} },
        signal: options.signal,
      }),
    );
  }

  private async read<T>(send: () => Promise<ApiResult<T>>): Promise<T> {
    return unwrap(await this.withRetries(send), null);
  }

  private async write(
    options: WriteOptions,
    send: (header: WriteHeaders) => Promise<ApiResult<Transaction>>,
  ): Promise<WriteResult> {
    const idempotencyKey = options.idempotencyKey ?? this.newIdempotencyKey();
    const result = await this.withRetries(() => send({ 'Idempotency-Key': idempotencyKey, ...headers(options) }));
    return {
      transaction: unwrap(result, idempotencyKey),
      replayed: isReplayed(result.response),
      idempotencyKey,
      requestId: result.response.headers.get('X-Request-Id'),
    };
  }

  /** Sends again (the same request, so the same key) after a network error, a 503 or a key in progress. */
  private async withRetries<T>(send: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt > this.retries;
      try {
        const result = await send();
        if (last || !RETRIED_STATUSES.has(result.response.status)) return result;
      } catch (error) {
        if (last || (error instanceof Error && error.name === 'AbortError')) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempt));
    }
  }
}

function headers(options: RequestOptions): { 'X-Request-Id'?: string } {
  return options.requestId === undefined ? {} : { 'X-Request-Id': options.requestId };
}

function postingBody<T extends PostingInput | TransferInput>(input: T): T & { amount: string } {
  return { ...input, amount: toAmountString(input.amount) };
}

function isReplayed(response: Response): boolean {
  return response.headers.get('Idempotent-Replayed') === 'true';
}

/** The body of a success, or the error the response stands for. */
function unwrap<T>(result: ApiResult<T>, idempotencyKey: string | null): T {
  const { response } = result;
  const requestId = response.headers.get('X-Request-Id');
  if (response.ok && result.data !== undefined) return result.data;
  if (!response.ok && isProblem(result.error)) {
    throw new WalletApiError(result.error, {
      status: response.status,
      requestId,
      replayed: isReplayed(response),
      idempotencyKey,
    });
  }
  throw new UnexpectedResponseError(response.status, response.ok ? result.data : result.error, requestId);
}

function isProblem(body: unknown): body is ProblemOf<ErrorCode> {
  if (typeof body !== 'object' || body === null) return false;
  const { code, status, detail } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof status === 'number' && typeof detail === 'string';
}
