/**
 * Generated from openapi.json by `npm run sdk:generate` (openapi-typescript). Do not edit:
 * change the controllers or DTOs, then run `npm run openapi` (which also regenerates this file).
 */

export interface paths {
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a user by username (empty data when none)
         * @description An exact, case-sensitive match: `data` holds the user, or nothing.
         */
        get: operations["findUsers"];
        put?: never;
        /**
         * Create a user (no idempotency key: usernames are unique)
         * @description Usernames are unique, so a retry of a create that did succeed answers 409 `USERNAME_TAKEN`.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user
         * @description The user with this id.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's balance in every asset, now or at a point in time
         * @description One row for every asset, `"0"` where the user has never held it. Balances are digit strings: `balance` is what the user can spend, `held` what the user's active holds reserve besides. With `asOf`, the balances right after every transaction whose `createdAt` is at or before that instant (one stamped exactly `asOf` included), echoed as `asOf`; read from the entries' running balances with an index, so the cost does not grow with the ledger. A malformed or future `asOf` is a 400.
         */
        get: operations["getBalances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's history, newest first, with keyset cursors that stay stable while writes arrive
         * @description Every write that moved the user's balance (both sides of a transfer), in the order the writes were applied to the user's accounts. Pass `nextCursor` as `cursor` for the next page, with the same filters: no item is skipped or repeated while new writes arrive. A malformed filter or a forged cursor is a 400; a well-formed asset code that names no asset is a 404 `ASSET_NOT_FOUND`.
         */
        get: operations["listUserTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's holds, newest first
         * @description Optionally only those in one `status` (`HELD`: the active ones); at most `limit` (default 100).
         */
        get: operations["listUserHolds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The assets wallets can hold
         * @description Every asset, oldest first. A fresh database is seeded with GOLD, DIAMOND and POINT.
         */
        get: operations["listAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/topup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Top up: the treasury credits a user (a purchase of credits)
         * @description Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting user. The same key with the same request returns the stored outcome again (the same status and body, with `Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 `IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.
         */
        post: operations["topUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/spend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spend: a user pays the treasury (an in-game purchase)
         * @description Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting user. The same key with the same request returns the stored outcome again (the same status and body, with `Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 `IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.
         */
        post: operations["spend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bonus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bonus: the bonus pool credits a user (loyalty, incentives)
         * @description Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting user. The same key with the same request returns the stored outcome again (the same status and body, with `Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 `IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.
         */
        post: operations["grantBonus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer between two users (the key is scoped to the sender)
         * @description Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting user. The same key with the same request returns the stored outcome again (the same status and body, with `Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 `IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.
         */
        post: operations["createTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{transactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A transaction, as the write returned it
         * @description The same body the write answered with: both entries, with each account's balance right after it; a refundable transaction also shows what was refunded of it so far (`refundedAmount`, `refunds`).
         */
        get: operations["getTransaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{transactionId}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a transaction, in full or in part, back along its path
         * @description Posts a `REFUND` of `amount` (default: all that is left to refund) from the account the original credited to the one it debited: a SPEND refund credits the user from the treasury, a TOPUP refund charges the user back, a BONUS refund returns to BONUS, a TRANSFER refund moves from the receiver to the sender. Refunds of one transaction never add up to more than its amount, even when sent at the same moment. The idempotency key is scoped to the original's acting user (the sender of a transfer). Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting user. The same key with the same request returns the stored outcome again (the same status and body, with `Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 `IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.
         */
        post: operations["refundTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold (authorize) part of a user's balance, to capture or void later
         * @description The amount leaves the user's spendable `balance` at once (it shows as `held` on the balances) and moves to the user's held funds (a `HOLD` transaction). A hold still `HELD` at `expiresAt` becomes `EXPIRED` and its amount returns within 60 seconds, exactly once across replicas. Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting user. The same key with the same request returns the stored outcome again (the same status and body, with `Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 `IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.
         */
        post: operations["createHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds/{holdId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A hold
         * @description The hold as it stands: its status, what was captured and to whom, and its journal transactions.
         */
        get: operations["getHold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds/{holdId}/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capture a hold: pay (part of) it to the treasury or to another user; the rest returns
         * @description `amount` (default: all, at most the hold's amount) goes to the treasury (a purchase) or to `toUserId` (escrow between players); the rest returns to the user. The hold becomes `CAPTURED`. Its transactions: a `HOLD_RELEASE` of the whole amount back to the user, then a `HOLD_CAPTURE` of the captured part, so each shows in the history with an exact balance. Only a `HELD` hold can be captured or voided: otherwise 409 `HOLD_NOT_ACTIVE` with `holdStatus` (a replay of the request that finished the hold gets its stored answer instead). Of a capture, a void and the expiry racing each other exactly one wins. The idempotency key is scoped to the hold's user. Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting user. The same key with the same request returns the stored outcome again (the same status and body, with `Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 `IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.
         */
        post: operations["captureHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds/{holdId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void a hold: all of it returns to the user
         * @description The hold becomes `VOIDED` (a `HOLD_RELEASE` of the whole amount). Only a `HELD` hold can be captured or voided: otherwise 409 `HOLD_NOT_ACTIVE` with `holdStatus` (a replay of the request that finished the hold gets its stored answer instead). Of a capture, a void and the expiry racing each other exactly one wins. The idempotency key is scoped to the hold's user. Needs an idempotency key (the `Idempotency-Key` header, or the body field `idempotencyKey`), scoped to the acting user. The same key with the same request returns the stored outcome again (the same status and body, with `Idempotent-Replayed: true`), business rejections included; with a different request it is a 422 `IDEMPOTENCY_KEY_REUSED`. Validation errors, 404s and 5xx are not stored: retry them with the same key.
         */
        post: operations["voidHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the ledger from its journal and report every mismatch (200 with ok=false when any)
         * @description In one consistent snapshot: every asset's balances sum to zero, every stored balance equals the sum of its entries, every transaction's entries sum to zero and no user balance is negative. A broken ledger is still a 200, with `ok: false` and the mismatches listed (at most 100 of each kind per asset).
         *
         *     A routine call checks every balance and what was posted since each asset's last verified checkpoint (`checkpoint` in the answer), so its cost does not grow with the ledger; `full=true` recomputes everything from the first entry and also reports a change made behind a checkpoint (`CHECKPOINT_DIVERGED`). One run at a time per process: a concurrent call gets 429 `RATE_LIMITED` with `Retry-After`. The run uses a database connection of its own, never one that writes need.
         */
        get: operations["verifyLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: 200 while the process runs
         * @description Checks nothing but the process itself (a Kubernetes liveness probe): it never looks at the database.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: 200 when the database answers, 503 (terminus format) when not
         * @description Pings the database (1 s timeout), reports statements failing with protocol errors in the last 30 s (a misconfigured connection pooler) and whether the service is draining for shutdown (a Kubernetes readiness probe). The 503 body is the terminus result, not a problem. `rateLimits` says where the rate limits are counted (`redis`, shared by every replica, or `memory`, per process — with a message when Redis is configured but unreachable); it never makes the service unready.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description HTTP latency by route, ledger and idempotency counters, database pool gauges and the Node.js defaults.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the API keys that are not revoked
         * @description Oldest first; secrets are never shown.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key (its secret is in this answer only)
         * @description The new key holds the scopes asked for, which must all be held by the caller (otherwise 403 `FORBIDDEN` naming the first one missing); an unknown scope is a 400. Store `secret` now: the service keeps only a hash of it.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{apiKeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an API key (never its secret)
         * @description A revoked key is a 404.
         */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description The key is refused at once by this instance and by every replica within 5 seconds. A key cannot revoke a key holding a scope it lacks (403). An unknown or already revoked id is a 404.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI document (JSON)
         * @description The OpenAPI 3.0 document of the API, as committed in the repository (`openapi.json`). Import it into Postman, Insomnia or a client generator.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI document (YAML)
         * @description The same document as `/openapi.json`, in YAML.
         */
        get: operations["getOpenApiDocumentYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The interactive API reference
         * @description Swagger UI over this document. "Try it out" sends real requests to this service, with a fresh idempotency key for every write unless you type one, and examples built from the running instance (the seeded user alice).
         */
        get: operations["getApiReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Redirects to the API reference
         * @description A browser opening the service lands on `/docs`.
         */
        get: operations["getRoot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        ErrorCode: "VALIDATION_FAILED" | "USER_NOT_FOUND" | "ASSET_NOT_FOUND" | "NOT_FOUND" | "USERNAME_TAKEN" | "IDEMPOTENCY_KEY_IN_PROGRESS" | "INSUFFICIENT_FUNDS" | "IDEMPOTENCY_KEY_REUSED" | "SAME_ACCOUNT_TRANSFER" | "LIMIT_EXCEEDED" | "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "UNAUTHENTICATED" | "FORBIDDEN" | "RATE_LIMITED" | "REFUND_EXCEEDS_ORIGINAL" | "NOT_REFUNDABLE" | "DAILY_LIMIT_EXCEEDED" | "HOLD_NOT_ACTIVE" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
        FieldErrorDto: {
            /**
             * @description The request field at fault (a body field, a query parameter or a header name).
             * @example amount
             */
            field: string;
            /** @example must be greater than zero */
            message: string;
        };
        ProblemDto: {
            /**
             * Format: uri
             * @example https://dino-wallet.dev/problems/insufficient-funds
             */
            type: string;
            /** @example Insufficient funds */
            title: string;
            /** @example 422 */
            status: number;
            /** @example The GOLD balance is 50, less than the 100 required. */
            detail: string;
            /** @example INSUFFICIENT_FUNDS */
            code: components["schemas"]["ErrorCode"];
            /** @description Field problems, for VALIDATION_FAILED. */
            errors?: components["schemas"]["FieldErrorDto"][];
            /**
             * @description For INSUFFICIENT_FUNDS and LIMIT_EXCEEDED: the asset of the refused write.
             * @example GOLD
             */
            assetCode?: string;
            /**
             * @description For INSUFFICIENT_FUNDS: what the user holds, as a digit string.
             * @example 50
             */
            balance?: string;
            /**
             * @description For INSUFFICIENT_FUNDS: the amount asked for, as a digit string.
             * @example 100
             */
            required?: string;
        };
        CreateUserDto: {
            /**
             * @description 3–64 characters of letters, digits, `_`, `.` and `-`; unique.
             * @example carol
             */
            username: string;
        };
        UserResponseDto: {
            /**
             * @description Opaque; name the user with it in every other call.
             * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
             */
            id: string;
            /** @example alice */
            username: string;
            /**
             * Format: date-time
             * @example 2026-11-23T21:15:00.123Z
             */
            createdAt: string;
        };
        UserListResponseDto: {
            data: components["schemas"]["UserResponseDto"][];
        };
        AssetBalanceDto: {
            /** @example GOLD */
            assetCode: string;
            /**
             * @description A digit string; never negative for a user.
             * @example 350
             */
            balance: string;
            /**
             * @description What the user's active holds reserve in the asset (not part of `balance`, which is what the user can spend).
             * @example 0
             */
            held: string;
        };
        BalancesResponseDto: {
            /** @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d */
            userId: string;
            /** @description One row per asset, "0" where the user never held it (at `asOf`, when asked). */
            balances: components["schemas"]["AssetBalanceDto"][];
            /**
             * Format: date-time
             * @description Only with `?asOf=`: the instant the balances are at, as the service read it (UTC, to the
             *     millisecond: `2026-11-30T01:00:00+01:00` reads as `2026-11-30T00:00:00.000Z`).
             * @example 2026-11-30T00:00:00.000Z
             */
            asOf?: string;
        };
        /** @enum {string} */
        TransactionType: "TOPUP" | "SPEND" | "BONUS" | "TRANSFER" | "REFUND" | "HOLD" | "HOLD_CAPTURE" | "HOLD_RELEASE";
        UserAccountRefDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "USER";
            /** @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d */
            userId: string;
        };
        SystemAccountRefDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "SYSTEM";
            /**
             * @example TREASURY
             * @enum {string}
             */
            name: "TREASURY" | "BONUS";
        };
        HeldAccountRefDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "HELD";
            /** @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d */
            userId: string;
        };
        HistoryItemDto: {
            /**
             * @description The transaction id (see GET /v1/transactions/{transactionId}).
             * @example 1042
             */
            id: string;
            type: components["schemas"]["TransactionType"];
            /** @example GOLD */
            assetCode: string;
            /**
             * @description Unsigned; `direction` says which way it went.
             * @example 100
             */
            amount: string;
            /**
             * @description `CREDIT` when the transaction added to this user's balance, `DEBIT` when it took from it.
             * @enum {string}
             */
            direction: "CREDIT" | "DEBIT";
            /**
             * @description This user's balance right after the transaction.
             * @example 350
             */
            balanceAfter: string;
            /**
             * @description The other side: the system account, the other user (a transfer, its refund, a hold captured to a
             *     user), or the user's own held funds (`HELD`) for a hold and its release.
             */
            counterparty: components["schemas"]["UserAccountRefDto"] | components["schemas"]["SystemAccountRefDto"] | components["schemas"]["HeldAccountRefDto"];
            /** @example null */
            description: string | null;
            /** @example {} */
            metadata: {
                [key: string]: string;
            };
            /** @example order-7781 */
            idempotencyKey: string;
            /**
             * @description The credential that made it: the id of the API key, `master` (the master key), `system` (a write
             *     the service started itself) or `anonymous` (made before access control existed).
             * @example 3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c
             */
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-23T21:15:00.123Z
             */
            createdAt: string;
        };
        HistoryPageDto: {
            data: components["schemas"]["HistoryItemDto"][];
            /**
             * @description Pass as `cursor` for the next (older) page; null on the last page.
             * @example null
             */
            nextCursor: string | null;
        };
        /** @enum {string} */
        HoldStatus: "HELD" | "CAPTURED" | "VOIDED" | "EXPIRED";
        HoldTransactionDto: {
            /** @example 1042 */
            id: string;
            /** @enum {string} */
            type: "HOLD" | "HOLD_RELEASE" | "HOLD_CAPTURE";
            /** @example 100 */
            amount: string;
        };
        HoldResponseDto: {
            /**
             * @description Opaque; use it with /v1/holds/{holdId}.
             * @example 0b6e7d8c-3a2f-4c1e-9b5d-7f8e9a0b1c2d
             */
            id: string;
            /**
             * @description `HELD` until captured, voided or expired (each final).
             * @enum {string}
             */
            status: "HELD" | "CAPTURED" | "VOIDED" | "EXPIRED";
            /** @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d */
            userId: string;
            /** @example GOLD */
            assetCode: string;
            /**
             * @description What the hold reserved.
             * @example 100
             */
            amount: string;
            /**
             * @description What a capture took ("0" unless CAPTURED); the rest returned to the user.
             * @example 0
             */
            capturedAmount: string;
            /**
             * @description The user a capture paid (absent: the treasury, or not captured).
             * @example 9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e
             */
            capturedToUserId?: string;
            /** @example Tournament entry */
            description: string | null;
            /** @example {} */
            metadata: {
                [key: string]: string;
            };
            /**
             * @description The key of the request that created it.
             * @example entry-2291
             */
            idempotencyKey: string;
            /**
             * @description The credential that created it.
             * @example master
             */
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-23T21:15:00.123Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description A HELD hold expires then (its amount returns within HOLD_EXPIRY_INTERVAL_MS).
             * @example 2026-11-23T22:15:00.123Z
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description When it was captured, voided or expired; null while HELD.
             * @example null
             */
            finishedAt: string | null;
            /**
             * @description Its journal transactions, in order: the HOLD; then on settlement the HOLD_RELEASE of the whole
             *     amount back to the user and, for a capture, the HOLD_CAPTURE of the captured part.
             */
            transactions: components["schemas"]["HoldTransactionDto"][];
        };
        HoldListDto: {
            /** @description Newest first (at most 200). */
            data: components["schemas"]["HoldResponseDto"][];
        };
        AssetResponseDto: {
            /** @example GOLD */
            code: string;
            /** @example Gold */
            name: string;
        };
        AssetListResponseDto: {
            data: components["schemas"]["AssetResponseDto"][];
        };
        PostingRequestDto: {
            /**
             * @description The asset's code, upper case (see GET /v1/assets).
             * @example GOLD
             */
            assetCode: string;
            /**
             * @description Whole units of the asset (no fractions): a positive JSON integer or a string of digits, at most 10^15 (`1000000000000000`). Send a string when your language cannot hold the number exactly.
             * @example 100
             */
            amount: number | string;
            /**
             * @description Free text for the player's history, at most 500 characters.
             * @example Starter pack
             */
            description?: string | null;
            /**
             * @description A flat map of up to 20 string keys (at most 64 characters) to string values (at most 500 characters).
             * @example {
             *       "orderId": "A-1001"
             *     }
             */
            metadata?: {
                [key: string]: string;
            } | null;
            /**
             * @description The idempotency key, when the `Idempotency-Key` header is not used (both must agree when both are sent).
             * @example order-7781
             */
            idempotencyKey?: string;
            /**
             * @description The user the write acts for; the idempotency key is scoped to this user.
             * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
             */
            userId: string;
        };
        EntryResponseDto: {
            account: components["schemas"]["UserAccountRefDto"] | components["schemas"]["SystemAccountRefDto"] | components["schemas"]["HeldAccountRefDto"];
            /**
             * @description Signed digit string: credits positive, debits negative.
             * @example -100
             */
            amount: string;
            /**
             * @description The account's balance right after this entry (system accounts go negative).
             * @example -9100
             */
            balanceAfter: string;
        };
        TransactionResponseDto: {
            /**
             * @description Opaque; use it with GET /v1/transactions/{transactionId}.
             * @example 1042
             */
            id: string;
            type: components["schemas"]["TransactionType"];
            /** @enum {string} */
            status: "POSTED";
            /**
             * @description The acting user (the sender of a transfer).
             * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
             */
            userId: string;
            /**
             * @description The other user: the receiver of a transfer or of a hold captured to a user, the receiver of the
             *     refunded transfer on its refund (who pays it back). Absent otherwise.
             * @example 9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e
             */
            toUserId?: string;
            /**
             * @description On a refund: the refunded transaction's id.
             * @example 1041
             */
            refundOf?: string;
            /**
             * @description On a refundable transaction (TOPUP, SPEND, BONUS, TRANSFER): the sum of its refunds so far.
             * @example 0
             */
            refundedAmount?: string;
            /**
             * @description On a refundable transaction: its refunds' ids, oldest first.
             * @example []
             */
            refunds?: string[];
            /** @example GOLD */
            assetCode: string;
            /**
             * @description The amount moved, unsigned.
             * @example 100
             */
            amount: string;
            /**
             * @description The acting user's balance right after this transaction.
             * @example 350
             */
            balanceAfter: string;
            /** @example null */
            description: string | null;
            /**
             * @description The request's metadata, keys sorted; `{}` when none was sent.
             * @example {}
             */
            metadata: {
                [key: string]: string;
            };
            /** @example order-7781 */
            idempotencyKey: string;
            /**
             * @description The credential that made it: the id of the API key, `master` (the master key), `system` (a write
             *     the service started itself) or `anonymous` (made before access control existed).
             * @example 3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c
             */
            createdBy: string;
            /**
             * Format: date-time
             * @example 2026-11-23T21:15:00.123Z
             */
            createdAt: string;
            /** @description The two entries of the double-entry posting, debit first; their amounts sum to zero. */
            entries: components["schemas"]["EntryResponseDto"][];
        };
        TransferRequestDto: {
            /**
             * @description The asset's code, upper case (see GET /v1/assets).
             * @example GOLD
             */
            assetCode: string;
            /**
             * @description Whole units of the asset (no fractions): a positive JSON integer or a string of digits, at most 10^15 (`1000000000000000`). Send a string when your language cannot hold the number exactly.
             * @example 100
             */
            amount: number | string;
            /**
             * @description Free text for the player's history, at most 500 characters.
             * @example Starter pack
             */
            description?: string | null;
            /**
             * @description A flat map of up to 20 string keys (at most 64 characters) to string values (at most 500 characters).
             * @example {
             *       "orderId": "A-1001"
             *     }
             */
            metadata?: {
                [key: string]: string;
            } | null;
            /**
             * @description The idempotency key, when the `Idempotency-Key` header is not used (both must agree when both are sent).
             * @example order-7781
             */
            idempotencyKey?: string;
            /**
             * @description The sender; the idempotency key is scoped to this user.
             * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
             */
            fromUserId: string;
            /**
             * @description The receiver; a different user than the sender.
             * @example 9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e
             */
            toUserId: string;
        };
        RefundRequestDto: {
            /**
             * @description Whole units of the asset (no fractions): a positive JSON integer or a string of digits, at most 10^15 (`1000000000000000`). Send a string when your language cannot hold the number exactly.
             * @example 100
             */
            amount?: number | string;
            /**
             * @description Why, for the players' history (the refund's `description`), at most 500 characters.
             * @example Bought by mistake
             */
            reason?: string | null;
            /**
             * @description A flat map of up to 20 string keys (at most 64 characters) to string values (at most 500 characters).
             * @example {
             *       "orderId": "A-1001"
             *     }
             */
            metadata?: {
                [key: string]: string;
            } | null;
            /**
             * @description The idempotency key, when the `Idempotency-Key` header is not used (both must agree when both are sent).
             * @example order-7781
             */
            idempotencyKey?: string;
        };
        CreateHoldRequestDto: {
            /**
             * @description The asset's code, upper case (see GET /v1/assets).
             * @example GOLD
             */
            assetCode: string;
            /**
             * @description Whole units of the asset (no fractions): a positive JSON integer or a string of digits, at most 10^15 (`1000000000000000`). Send a string when your language cannot hold the number exactly.
             * @example 100
             */
            amount: number | string;
            /**
             * @description Free text for the player's history, at most 500 characters.
             * @example Starter pack
             */
            description?: string | null;
            /**
             * @description A flat map of up to 20 string keys (at most 64 characters) to string values (at most 500 characters).
             * @example {
             *       "orderId": "A-1001"
             *     }
             */
            metadata?: {
                [key: string]: string;
            } | null;
            /**
             * @description The idempotency key, when the `Idempotency-Key` header is not used (both must agree when both are sent).
             * @example order-7781
             */
            idempotencyKey?: string;
            /**
             * @description The user whose funds are held; the idempotency key is scoped to this user.
             * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
             */
            userId: string;
            /**
             * @description Seconds until the hold expires and its amount returns: 1 to 604800 (a week), default 3600.
             * @default 3600
             * @example 3600
             */
            expiresInSeconds: number;
        };
        CaptureHoldRequestDto: {
            /**
             * @description Whole units of the asset (no fractions): a positive JSON integer or a string of digits, at most 10^15 (`1000000000000000`). Send a string when your language cannot hold the number exactly.
             * @example 100
             */
            amount?: number | string;
            /**
             * @description Pay the captured amount to this user (escrow between players) instead of the treasury.
             * @example 9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e
             */
            toUserId?: string;
            /**
             * @description The idempotency key, when the `Idempotency-Key` header is not used (both must agree when both are sent).
             * @example order-7781
             */
            idempotencyKey?: string;
        };
        VoidHoldRequestDto: {
            /**
             * @description The idempotency key, when the `Idempotency-Key` header is not used (both must agree when both are sent).
             * @example order-7781
             */
            idempotencyKey?: string;
        };
        MismatchDto: {
            /** @enum {string} */
            kind: "ASSET_SUM_NOT_ZERO" | "BALANCE_NOT_SUM_OF_ENTRIES" | "BALANCE_NOT_LAST_BALANCE_AFTER" | "RUNNING_BALANCE_BROKEN" | "JOURNAL_NOT_BALANCED" | "NEGATIVE_USER_BALANCE" | "CHECKPOINT_DIVERGED";
            detail: string;
            accountId?: string;
            journalId?: string;
            entryId?: string;
            expected?: string;
            actual?: string;
        };
        AssetVerificationDto: {
            /** @example GOLD */
            assetCode: string;
            /**
             * @description Sum of every balance of the asset; "0" in a sound ledger.
             * @example 0
             */
            sum: string;
            accounts: number;
            entries: number;
            journals: number;
            /** @description The checkpoint this run started from (what is behind it was verified earlier); null when the asset was recomputed from its first entry. */
            checkpoint?: {
                /**
                 * @description Journals of the asset up to this id were verified by an earlier run.
                 * @example 5
                 */
                journalId: string;
                /**
                 * @description Entries of the asset's accounts up to this id were verified by an earlier run.
                 * @example 10
                 */
                entryId: string;
                /** Format: date-time */
                verifiedAt: string;
            } | null;
            mismatches: components["schemas"]["MismatchDto"][];
        };
        LedgerVerificationDto: {
            ok: boolean;
            /** @description True when every asset was recomputed from its first entry (`full=true`, or no checkpoint yet). */
            full: boolean;
            /** Format: date-time */
            checkedAt: string;
            assets: components["schemas"]["AssetVerificationDto"][];
        };
        HealthIndicatorStatusDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @description Why the check is down, when it says.
             * @example timeout of 1000ms exceeded
             */
            message?: string;
            /**
             * @description How long the database ping took, in milliseconds.
             * @example 3
             */
            responseTime?: number;
            /**
             * @description `rateLimits` only: `redis` when the counters are shared by every replica, `memory` when each process counts alone.
             * @example redis
             * @enum {string}
             */
            store?: "redis" | "memory";
        };
        HealthCheckResultDto: {
            /**
             * @description `ok` when every check is up; `error` (with status 503) when one is down.
             * @example ok
             * @enum {string}
             */
            status: "ok" | "error" | "shutting_down";
            /**
             * @description The checks that are up.
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 3
             *       },
             *       "lifecycle": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
                [key: string]: components["schemas"]["HealthIndicatorStatusDto"];
            };
            /**
             * @description The checks that are down.
             * @example {}
             */
            error?: {
                [key: string]: components["schemas"]["HealthIndicatorStatusDto"];
            };
            /**
             * @description Every check.
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 3
             *       },
             *       "lifecycle": {
             *         "status": "up"
             *       }
             *     }
             */
            details: {
                [key: string]: components["schemas"]["HealthIndicatorStatusDto"];
            };
        };
        /**
         * @description What the key may do: a non-empty subset of the caller's own scopes.
         * @enum {string}
         */
        Scope: "users:read" | "users:write" | "wallets:read" | "wallets:topup" | "wallets:spend" | "wallets:bonus" | "wallets:transfer" | "wallets:refund" | "wallets:hold" | "ledger:verify" | "metrics:read" | "api-keys:manage";
        CreateApiKeyDto: {
            /**
             * @description A label for people: which game server, back office or person holds the key.
             * @example game-server-eu-1
             */
            name: string;
            /**
             * @description What the key may do: a non-empty subset of the caller's own scopes.
             * @example [
             *       "users:read",
             *       "wallets:read",
             *       "wallets:topup"
             *     ]
             */
            scopes: components["schemas"]["Scope"][];
            /**
             * Format: date-time
             * @description When the key stops working (ISO 8601, in the future); absent or null: never.
             * @example 2027-06-30T00:00:00.000Z
             */
            expiresAt?: string | null;
            /**
             * @description Requests per second this key may make (0 = unlimited); absent or null: the service's default.
             * @example 500
             */
            rateLimitPerSecond?: number | null;
        };
        CreatedApiKeyResponseDto: {
            /** @example 3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c */
            id: string;
            /** @example game-server-eu-1 */
            name: string;
            /**
             * @example [
             *       "users:read",
             *       "wallets:read",
             *       "wallets:topup"
             *     ]
             */
            scopes: components["schemas"]["Scope"][];
            /**
             * Format: date-time
             * @example 2026-12-01T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example null
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description When the key was last used, to the minute (updated at most once a minute).
             * @example null
             */
            lastUsedAt: string | null;
            /**
             * @description Its own request rate per second (0 = unlimited), or null for the service's default.
             * @example null
             */
            rateLimitPerSecond: number | null;
            /**
             * @description The credential that created it: `master`, another key's id, or `cli` (`npm run keys`).
             * @example master
             */
            createdBy: string;
            /**
             * @description `dw_…` and the secret's last four characters, to tell keys apart; the secret itself is never shown again.
             * @example dw_…zDjF
             */
            secretHint: string;
            /**
             * @description The secret to send as `Authorization: Bearer <secret>`. Shown in this answer only: the service keeps a hash.
             * @example dw_96LnLGcYMVDniAERCXeJQyCFSrMoEr3thBALcnRLZZa1EzDjF
             */
            secret: string;
        };
        ApiKeyResponseDto: {
            /** @example 3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c */
            id: string;
            /** @example game-server-eu-1 */
            name: string;
            /**
             * @example [
             *       "users:read",
             *       "wallets:read",
             *       "wallets:topup"
             *     ]
             */
            scopes: components["schemas"]["Scope"][];
            /**
             * Format: date-time
             * @example 2026-12-01T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example null
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description When the key was last used, to the minute (updated at most once a minute).
             * @example null
             */
            lastUsedAt: string | null;
            /**
             * @description Its own request rate per second (0 = unlimited), or null for the service's default.
             * @example null
             */
            rateLimitPerSecond: number | null;
            /**
             * @description The credential that created it: `master`, another key's id, or `cli` (`npm run keys`).
             * @example master
             */
            createdBy: string;
            /**
             * @description `dw_…` and the secret's last four characters, to tell keys apart; the secret itself is never shown again.
             * @example dw_…zDjF
             */
            secretHint: string;
        };
        ApiKeyListResponseDto: {
            /** @description Every key that is not revoked (expired ones included), oldest first. */
            data: components["schemas"]["ApiKeyResponseDto"][];
        };
    };
    responses: never;
    parameters: {
        /**
         * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
         * @example req-7f3a9c
         */
        RequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The request's `X-Request-Id`, or the one the service generated for it. */
        RequestId: string;
        /** @description Requests per second this credential may make (on a 401: failed authentications per minute from this address). */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the current window ends and the budget is whole again. */
        "RateLimit-Reset": number;
        /** @description Always `no-store`: no browser, proxy or CDN may keep a copy of this answer. */
        CacheControl: "no-store";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    findUsers: {
        parameters: {
            query: {
                /**
                 * @description The exact username to look up.
                 * @example alice
                 */
                username: string;
            };
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching user, if any. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description The new user, with no balance yet. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USERNAME_TAKEN`: Username already taken */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USERNAME_TAKEN";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The user id returned by `POST /v1/users` (opaque; an unknown id is a 404 `USER_NOT_FOUND`).
                 * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getBalances: {
        parameters: {
            query?: {
                /**
                 * @description The balances right after every transaction whose `createdAt` is at or before this instant (a
                 *     transaction stamped exactly `asOf` is included); `"0"` for assets not held then. An RFC 3339
                 *     date-time: `2026-11-30T00:00:00.000Z` as transactions show it, or without the fraction, with
                 *     up to 9 fraction digits (cut to the millisecond), or with an offset (`+01:00`, sent as
                 *     `%2B01:00`). A date alone, a time without zone, an impossible date or a future instant is a 400.
                 *     Absent: the current balances.
                 * @example 2026-11-30T00:00:00.000Z
                 */
                asOf?: string;
            };
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The user id returned by `POST /v1/users` (opaque; an unknown id is a 404 `USER_NOT_FOUND`).
                 * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balances (with `asOf` when asked for a point in time). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d",
                     *       "balances": [
                     *         {
                     *           "assetCode": "GOLD",
                     *           "balance": "350",
                     *           "held": "100"
                     *         },
                     *         {
                     *           "assetCode": "DIAMOND",
                     *           "balance": "0",
                     *           "held": "0"
                     *         },
                     *         {
                     *           "assetCode": "POINT",
                     *           "balance": "1200",
                     *           "held": "0"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BalancesResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    listUserTransactions: {
        parameters: {
            query?: {
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
                /** @description `nextCursor` of the previous page, sent with the same filters; anything else is a 400. */
                cursor?: string;
                /**
                 * @description Only this asset's transactions.
                 * @example GOLD
                 */
                assetCode?: string;
                /** @description Only transactions of this type. */
                type?: components["schemas"]["TransactionType"];
            };
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The user id returned by `POST /v1/users` (opaque; an unknown id is a 404 `USER_NOT_FOUND`).
                 * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of history, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPageDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    listUserHolds: {
        parameters: {
            query?: {
                /** @description Only holds in this status (`HELD`: the active ones). */
                status?: components["schemas"]["HoldStatus"];
                /**
                 * @description At most this many, newest first.
                 * @example 50
                 */
                limit?: number;
            };
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The user id returned by `POST /v1/users` (opaque; an unknown id is a 404 `USER_NOT_FOUND`).
                 * @example 5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d
                 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The holds, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldListDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    listAssets: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All assets. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "code": "GOLD",
                     *           "name": "Gold"
                     *         },
                     *         {
                     *           "code": "DIAMOND",
                     *           "name": "Diamond"
                     *         },
                     *         {
                     *           "code": "POINT",
                     *           "name": "Point"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AssetListResponseDto"];
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    topUp: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).
                 * @example order-7781
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostingRequestDto"];
            };
        };
        responses: {
            /** @description The posted transaction. A replay returns the stored status and body unchanged. */
            201: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1042",
                     *       "type": "TOPUP",
                     *       "status": "POSTED",
                     *       "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d",
                     *       "assetCode": "GOLD",
                     *       "amount": "100",
                     *       "balanceAfter": "350",
                     *       "description": "Starter pack",
                     *       "metadata": {
                     *         "orderId": "A-1001"
                     *       },
                     *       "idempotencyKey": "order-7781",
                     *       "createdBy": "3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c",
                     *       "createdAt": "2026-11-23T21:15:00.123Z",
                     *       "refundedAmount": "0",
                     *       "refunds": [],
                     *       "entries": [
                     *         {
                     *           "account": {
                     *             "kind": "SYSTEM",
                     *             "name": "TREASURY"
                     *           },
                     *           "amount": "-100",
                     *           "balanceAfter": "-9100"
                     *         },
                     *         {
                     *           "account": {
                     *             "kind": "USER",
                     *             "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d"
                     *           },
                     *           "amount": "100",
                     *           "balanceAfter": "350"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this idempotency key is in progress */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_IN_PROGRESS";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: Idempotency key reused with a different request; `LIMIT_EXCEEDED`: Limit exceeded */
            422: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "LIMIT_EXCEEDED";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    spend: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).
                 * @example order-7781
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostingRequestDto"];
            };
        };
        responses: {
            /** @description The posted transaction. A replay returns the stored status and body unchanged. */
            201: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1042",
                     *       "type": "SPEND",
                     *       "status": "POSTED",
                     *       "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d",
                     *       "assetCode": "GOLD",
                     *       "amount": "100",
                     *       "balanceAfter": "250",
                     *       "description": "Dragon egg",
                     *       "metadata": {},
                     *       "idempotencyKey": "order-7781",
                     *       "createdBy": "3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c",
                     *       "createdAt": "2026-11-23T21:15:00.123Z",
                     *       "refundedAmount": "0",
                     *       "refunds": [],
                     *       "entries": [
                     *         {
                     *           "account": {
                     *             "kind": "USER",
                     *             "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d"
                     *           },
                     *           "amount": "-100",
                     *           "balanceAfter": "250"
                     *         },
                     *         {
                     *           "account": {
                     *             "kind": "SYSTEM",
                     *             "name": "TREASURY"
                     *           },
                     *           "amount": "100",
                     *           "balanceAfter": "-9000"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this idempotency key is in progress */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_IN_PROGRESS";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: Idempotency key reused with a different request; `INSUFFICIENT_FUNDS`: Insufficient funds; `LIMIT_EXCEEDED`: Limit exceeded */
            422: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "INSUFFICIENT_FUNDS" | "LIMIT_EXCEEDED";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    grantBonus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).
                 * @example order-7781
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostingRequestDto"];
            };
        };
        responses: {
            /** @description The posted transaction. A replay returns the stored status and body unchanged. */
            201: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1042",
                     *       "type": "BONUS",
                     *       "status": "POSTED",
                     *       "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d",
                     *       "assetCode": "GOLD",
                     *       "amount": "100",
                     *       "balanceAfter": "350",
                     *       "description": "Daily login",
                     *       "metadata": {},
                     *       "idempotencyKey": "order-7781",
                     *       "createdBy": "3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c",
                     *       "createdAt": "2026-11-23T21:15:00.123Z",
                     *       "refundedAmount": "0",
                     *       "refunds": [],
                     *       "entries": [
                     *         {
                     *           "account": {
                     *             "kind": "SYSTEM",
                     *             "name": "BONUS"
                     *           },
                     *           "amount": "-100",
                     *           "balanceAfter": "-2100"
                     *         },
                     *         {
                     *           "account": {
                     *             "kind": "USER",
                     *             "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d"
                     *           },
                     *           "amount": "100",
                     *           "balanceAfter": "350"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this idempotency key is in progress */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_IN_PROGRESS";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: Idempotency key reused with a different request; `LIMIT_EXCEEDED`: Limit exceeded */
            422: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "LIMIT_EXCEEDED";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    createTransfer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).
                 * @example order-7781
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRequestDto"];
            };
        };
        responses: {
            /** @description The posted transaction. A replay returns the stored status and body unchanged. */
            201: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1042",
                     *       "type": "TRANSFER",
                     *       "status": "POSTED",
                     *       "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d",
                     *       "toUserId": "9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e",
                     *       "assetCode": "GOLD",
                     *       "amount": "100",
                     *       "balanceAfter": "250",
                     *       "description": "Thanks for the raid",
                     *       "metadata": {},
                     *       "idempotencyKey": "order-7781",
                     *       "createdBy": "3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c",
                     *       "createdAt": "2026-11-23T21:15:00.123Z",
                     *       "refundedAmount": "0",
                     *       "refunds": [],
                     *       "entries": [
                     *         {
                     *           "account": {
                     *             "kind": "USER",
                     *             "userId": "5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d"
                     *           },
                     *           "amount": "-100",
                     *           "balanceAfter": "250"
                     *         },
                     *         {
                     *           "account": {
                     *             "kind": "USER",
                     *             "userId": "9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e"
                     *           },
                     *           "amount": "100",
                     *           "balanceAfter": "100"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this idempotency key is in progress */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_IN_PROGRESS";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: Idempotency key reused with a different request; `INSUFFICIENT_FUNDS`: Insufficient funds; `SAME_ACCOUNT_TRANSFER`: Sender and receiver are the same user; `LIMIT_EXCEEDED`: Limit exceeded; `DAILY_LIMIT_EXCEEDED`: Daily transfer limit exceeded */
            422: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "INSUFFICIENT_FUNDS" | "SAME_ACCOUNT_TRANSFER" | "LIMIT_EXCEEDED" | "DAILY_LIMIT_EXCEEDED";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getTransaction: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The `id` of a transaction, as a write or the history returned it (opaque; an unknown id is a 404 `NOT_FOUND`).
                 * @example 1042
                 */
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transaction. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionResponseDto"];
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `NOT_FOUND`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "NOT_FOUND";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    refundTransaction: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).
                 * @example order-7781
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The `id` of a transaction, as a write or the history returned it (opaque; an unknown id is a 404 `NOT_FOUND`).
                 * @example 1042
                 */
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefundRequestDto"];
            };
        };
        responses: {
            /** @description The REFUND transaction, with `refundOf`. A replay returns the stored status and body unchanged. */
            201: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found; `NOT_FOUND`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this idempotency key is in progress */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_IN_PROGRESS";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: Idempotency key reused with a different request; `INSUFFICIENT_FUNDS`: Insufficient funds; `REFUND_EXCEEDS_ORIGINAL`: The refund exceeds what is left to refund; `NOT_REFUNDABLE`: The transaction cannot be refunded; `LIMIT_EXCEEDED`: Limit exceeded */
            422: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "INSUFFICIENT_FUNDS" | "REFUND_EXCEEDS_ORIGINAL" | "NOT_REFUNDABLE" | "LIMIT_EXCEEDED";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    createHold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).
                 * @example order-7781
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateHoldRequestDto"];
            };
        };
        responses: {
            /** @description The hold, `HELD`. */
            201: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this idempotency key is in progress */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_IN_PROGRESS";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: Idempotency key reused with a different request; `INSUFFICIENT_FUNDS`: Insufficient funds; `LIMIT_EXCEEDED`: Limit exceeded */
            422: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "INSUFFICIENT_FUNDS" | "LIMIT_EXCEEDED";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getHold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The `id` of a hold, as `POST /v1/holds` returned it (opaque; an unknown id is a 404 `NOT_FOUND`).
                 * @example 0b6e7d8c-3a2f-4c1e-9b5d-7f8e9a0b1c2d
                 */
                holdId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hold as it stands. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldResponseDto"];
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `NOT_FOUND`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "NOT_FOUND";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    captureHold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).
                 * @example order-7781
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The `id` of a hold, as `POST /v1/holds` returned it (opaque; an unknown id is a 404 `NOT_FOUND`).
                 * @example 0b6e7d8c-3a2f-4c1e-9b5d-7f8e9a0b1c2d
                 */
                holdId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CaptureHoldRequestDto"];
            };
        };
        responses: {
            /** @description The hold, `CAPTURED`. */
            200: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found; `NOT_FOUND`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this idempotency key is in progress; `HOLD_NOT_ACTIVE`: The hold is no longer active */
            409: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_IN_PROGRESS" | "HOLD_NOT_ACTIVE";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: Idempotency key reused with a different request; `SAME_ACCOUNT_TRANSFER`: Sender and receiver are the same user; `LIMIT_EXCEEDED`: Limit exceeded */
            422: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "SAME_ACCOUNT_TRANSFER" | "LIMIT_EXCEEDED";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    voidHold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).
                 * @example order-7781
                 */
                "Idempotency-Key"?: string;
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The `id` of a hold, as `POST /v1/holds` returned it (opaque; an unknown id is a 404 `NOT_FOUND`).
                 * @example 0b6e7d8c-3a2f-4c1e-9b5d-7f8e9a0b1c2d
                 */
                holdId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["VoidHoldRequestDto"];
            };
        };
        responses: {
            /** @description The hold, `VOIDED`. */
            200: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `USER_NOT_FOUND`: User not found; `ASSET_NOT_FOUND`: Asset not found; `NOT_FOUND`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "USER_NOT_FOUND" | "ASSET_NOT_FOUND" | "NOT_FOUND";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_IN_PROGRESS`: A request with this idempotency key is in progress; `HOLD_NOT_ACTIVE`: The hold is no longer active */
            409: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_IN_PROGRESS" | "HOLD_NOT_ACTIVE";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: Idempotency key reused with a different request; `LIMIT_EXCEEDED`: Limit exceeded */
            422: {
                headers: {
                    /** @description `true` when this response is the stored outcome of an earlier request with the same user and key (same status, same body); absent on the first answer. */
                    "Idempotent-Replayed"?: "true";
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "IDEMPOTENCY_KEY_REUSED" | "LIMIT_EXCEEDED";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    verifyLedger: {
        parameters: {
            query?: {
                /**
                 * @description `true`: recompute every asset from its first entry and compare the stored checkpoints (cost
                 *     grows with the ledger). Default: check only what was posted since each asset's last verified
                 *     checkpoint.
                 * @example true
                 */
                full?: boolean;
            };
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verification report; `ok` is true when no asset has a mismatch. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true,
                     *       "full": false,
                     *       "checkedAt": "2026-11-23T21:15:00.123Z",
                     *       "assets": [
                     *         {
                     *           "assetCode": "GOLD",
                     *           "sum": "0",
                     *           "accounts": 4,
                     *           "entries": 12,
                     *           "journals": 6,
                     *           "checkpoint": {
                     *             "journalId": "5",
                     *             "entryId": "10",
                     *             "verifiedAt": "2026-11-23T21:10:00.000Z"
                     *           },
                     *           "mismatches": []
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["LedgerVerificationDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process runs (terminus format, with no checks). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "info": {},
                     *       "error": {},
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["HealthCheckResultDto"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every check is up. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "info": {
                     *         "database": {
                     *           "status": "up",
                     *           "responseTime": 3
                     *         },
                     *         "lifecycle": {
                     *           "status": "up"
                     *         },
                     *         "rateLimits": {
                     *           "status": "up",
                     *           "store": "redis"
                     *         }
                     *       },
                     *       "error": {},
                     *       "details": {
                     *         "database": {
                     *           "status": "up",
                     *           "responseTime": 3
                     *         },
                     *         "lifecycle": {
                     *           "status": "up"
                     *         },
                     *         "rateLimits": {
                     *           "status": "up",
                     *           "store": "redis"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["HealthCheckResultDto"];
                };
            };
            /** @description A check is down: the database does not answer, statements fail with protocol errors, or the service is starting or shutting down. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "error",
                     *       "info": {
                     *         "lifecycle": {
                     *           "status": "up"
                     *         }
                     *       },
                     *       "error": {
                     *         "database": {
                     *           "status": "down",
                     *           "message": "no answer within 1000 ms"
                     *         }
                     *       },
                     *       "details": {
                     *         "database": {
                     *           "status": "down",
                     *           "message": "no answer within 1000 ms"
                     *         },
                     *         "lifecycle": {
                     *           "status": "up"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["HealthCheckResultDto"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format (version 0.0.4). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListResponseDto"];
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description The key, with its secret. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyResponseDto"];
                };
            };
            /** @description `VALIDATION_FAILED`: The request is not valid */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "VALIDATION_FAILED";
                    };
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: Payload too large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: Unsupported media type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The `id` of an API key, as `POST /v1/api-keys` returned it (an unknown or revoked id is a 404 `NOT_FOUND`).
                 * @example 3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c
                 */
                apiKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponseDto"];
                };
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `NOT_FOUND`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "NOT_FOUND";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /**
                 * @description The `id` of an API key, as `POST /v1/api-keys` returned it (an unknown or revoked id is a 404 `NOT_FOUND`).
                 * @example 3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c
                 */
                apiKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `UNAUTHENTICATED`: Authentication required */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="dino-wallet"`, with `error="invalid_token"` when the credential sent is not valid. */
                    "WWW-Authenticate"?: string;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "UNAUTHENTICATED";
                    };
                };
            };
            /** @description `FORBIDDEN`: The credential lacks the scope this operation needs */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "FORBIDDEN";
                    };
                };
            };
            /** @description `NOT_FOUND`: Not found */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "NOT_FOUND";
                    };
                };
            };
            /** @description `RATE_LIMITED`: Too many requests */
            429: {
                headers: {
                    /** @description Whole seconds to wait before retrying (a 429 was never carried out: retry with the same idempotency key). */
                    "Retry-After"?: number;
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "RATE_LIMITED";
                    };
                };
            };
            /** @description `INTERNAL_ERROR`: Internal error */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: Service unavailable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Cache-Control": components["headers"]["CacheControl"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"] & {
                        /** @enum {string} */
                        code: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This OpenAPI document (JSON) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getOpenApiDocumentYaml: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This OpenAPI document (YAML) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/yaml": string;
                };
            };
        };
    };
    getApiReference: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The interactive API reference */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getRoot: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.
                 * @example req-7f3a9c
                 */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To `/docs`. */
            302: {
                headers: {
                    /** @description Always `/docs`. */
                    Location?: "/docs";
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
