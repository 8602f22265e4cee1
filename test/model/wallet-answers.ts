import {
  describeRequest,
  Expected,
  ExpectedEntry,
  ExpectedJournal,
  HoldState,
  ModelHold,
  REFUNDABLE,
  WalletModel,
  WriteRequest,
} from './wallet-model';

export { describeRequest };

/** A service answer to a write, as the test received it. */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
  readonly replayed: boolean;
  /**
   * For a hold answered with its body: GET /v1/transactions/{id} of each of its transactions, in
   * order. A hold's body has no balances; these pin down the order concurrent writes took.
   */
  readonly journals?: ReadonlyArray<Record<string, unknown>>;
}

const PROBLEM_STATUS: Readonly<Record<string, number>> = {
  INSUFFICIENT_FUNDS: 422,
  SAME_ACCOUNT_TRANSFER: 422,
  LIMIT_EXCEEDED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  REFUND_EXCEEDS_ORIGINAL: 422,
  NOT_REFUNDABLE: 422,
  HOLD_NOT_ACTIVE: 409,
  USER_NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
};
export const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

type Json = Record<string, unknown>;

/** Why the answer is not the one the model expects, or undefined when it is. */
export function mismatch(req: WriteRequest, expected: Expected, answer: Answer): string | undefined {
  const body = parse(answer.text);
  if (expected.outcome === 'REPLAY') {
    if (answer.status !== expected.status) return `expected the replay of a ${expected.status}, got ${summary(answer)}`;
    if (!answer.replayed) return 'a replay without Idempotent-Replayed: true';
    if (answer.text !== expected.body) return `the replayed body differs from the first: ${answer.text} vs ${expected.body}`;
    return undefined;
  }
  if (answer.replayed) return `expected ${expected.outcome}, got a replay: ${summary(answer)}`;
  if (expected.outcome === 'POSTED' || expected.outcome === 'HOLD') {
    const status = expected.outcome === 'POSTED' ? 201 : expected.status;
    if (answer.status !== status) return `expected ${status} ${expected.outcome}, got ${summary(answer)}`;
    if (!answer.contentType.startsWith('application/json')) return `a ${status} with content type ${answer.contentType}`;
    return expected.outcome === 'POSTED'
      ? journalMismatch(expected.journal, body)
      : holdMismatch(expected.hold, expected.previous, expected.journals, body, answer.journals);
  }
  const status = PROBLEM_STATUS[expected.outcome];
  if (answer.status !== status || body.code !== expected.outcome)
    return `expected ${status} ${expected.outcome}, got ${summary(answer)}`;
  if (!answer.contentType.startsWith('application/problem+json')) return `a problem with content type ${answer.contentType}`;
  const extensions: Json | undefined =
    expected.outcome === 'INSUFFICIENT_FUNDS'
      ? { assetCode: expected.assetCode, balance: expected.balance.toString(), required: expected.required.toString() }
      : expected.outcome === 'REFUND_EXCEEDS_ORIGINAL'
        ? { refundable: expected.refundable.toString() }
        : expected.outcome === 'HOLD_NOT_ACTIVE'
          ? { holdStatus: expected.holdStatus }
          : undefined;
  if (extensions) {
    const got = Object.fromEntries(Object.keys(extensions).map((k) => [k, body[k]]));
    if (JSON.stringify(got) !== JSON.stringify(extensions))
      return `${expected.outcome} says ${JSON.stringify(got)}, the model ${JSON.stringify(extensions)}`;
  }
  return undefined;
}

/** The transaction body of a journal, as the model can predict it (all but the id and the clock). */
export function journalFields(j: ExpectedJournal, refunded = 0n, refunds: readonly string[] = []): Json {
  const acting = j.entries.find((e) => e.account.kind === 'USER' && e.account.userId === j.userId);
  return {
    type: j.type,
    status: 'POSTED',
    userId: j.userId,
    toUserId: j.toUserId ?? undefined,
    refundOf: j.refundOf ?? undefined,
    refundedAmount: REFUNDABLE.has(j.type) ? refunded.toString() : undefined,
    refunds: REFUNDABLE.has(j.type) ? refunds : undefined,
    assetCode: j.assetCode,
    amount: j.amount.toString(),
    balanceAfter: acting?.balanceAfter.toString(),
    description: j.description,
    metadata: sorted(j.metadata),
    idempotencyKey: j.idempotencyKey,
    createdBy: 'master',
  };
}

export function journalMismatch(
  j: ExpectedJournal,
  body: Json,
  refunded = 0n,
  refunds: readonly string[] = [],
): string | undefined {
  for (const [field, value] of Object.entries(journalFields(j, refunded, refunds))) {
    const got = field === 'metadata' ? sorted((body.metadata ?? {}) as Record<string, string>) : body[field];
    if (JSON.stringify(got) !== JSON.stringify(value))
      return `${j.type} ${field} is ${JSON.stringify(got)}, the model says ${JSON.stringify(value)}`;
  }
  if (typeof body.id !== 'string' || body.id === '') return `${j.type} without a string id: ${JSON.stringify(body.id)}`;
  if (typeof body.createdAt !== 'string' || !TIMESTAMP.test(body.createdAt))
    return `${j.type} createdAt ${JSON.stringify(body.createdAt)}`;
  const entries = Array.isArray(body.entries) ? (body.entries as Json[]) : [];
  const rendered = (e: ExpectedEntry) =>
    JSON.stringify({ account: e.account, amount: e.amount.toString(), balanceAfter: e.balanceAfter.toString() });
  const got = entries.map((e) => JSON.stringify({ account: e.account, amount: e.amount, balanceAfter: e.balanceAfter })).sort();
  const wanted = j.entries.map(rendered).sort();
  if (JSON.stringify(got) !== JSON.stringify(wanted))
    return `${j.type} entries ${got.join(' ')}, the model says ${wanted.join(' ')}`;
  return undefined;
}

/**
 * A hold body: every field the model knows, the timestamps consistent (expiresAt = createdAt +
 * expiresInSeconds; a settlement keeps both and sets finishedAt), and its transactions in order.
 */
function holdMismatch(
  hold: HoldState,
  previous: ModelHold | null,
  journals: readonly ExpectedJournal[],
  body: Json,
  read: ReadonlyArray<Record<string, unknown>> = [],
): string | undefined {
  const want: Json = {
    status: hold.status,
    userId: hold.userId,
    assetCode: hold.assetCode,
    amount: hold.amount.toString(),
    capturedAmount: hold.capturedAmount.toString(),
    capturedToUserId: hold.capturedToUserId ?? undefined,
    description: hold.description,
    metadata: sorted(hold.metadata),
    idempotencyKey: hold.idempotencyKey,
    createdBy: 'master',
  };
  if (previous) want.id = previous.id;
  for (const [field, value] of Object.entries(want)) {
    const got = field === 'metadata' ? sorted((body.metadata ?? {}) as Record<string, string>) : body[field];
    if (JSON.stringify(got) !== JSON.stringify(value))
      return `hold ${field} is ${JSON.stringify(got)}, the model says ${JSON.stringify(value)}`;
  }
  if (typeof body.id !== 'string' || !/^[0-9a-f-]{36}$/.test(body.id)) return `hold id ${JSON.stringify(body.id)}`;
  const { createdAt, expiresAt, finishedAt } = body as { createdAt: unknown; expiresAt: unknown; finishedAt: unknown };
  if (
    typeof createdAt !== 'string' ||
    !TIMESTAMP.test(createdAt) ||
    typeof expiresAt !== 'string' ||
    !TIMESTAMP.test(expiresAt)
  ) {
    return `hold timestamps ${JSON.stringify({ createdAt, expiresAt })}`;
  }
  if (Date.parse(expiresAt) - Date.parse(createdAt) !== hold.expiresInSeconds * 1000) {
    return `hold expiresAt ${expiresAt} is not createdAt ${createdAt} + ${hold.expiresInSeconds} s`;
  }
  const finished = hold.status !== 'HELD';
  if (finished ? typeof finishedAt !== 'string' || !TIMESTAMP.test(finishedAt) || finishedAt < createdAt : finishedAt !== null) {
    return `hold ${hold.status} with finishedAt ${JSON.stringify(finishedAt)}`;
  }
  const transactions = Array.isArray(body.transactions) ? (body.transactions as Json[]) : [];
  const before = previous ? previous.transactions.map((t) => ({ id: t.id, type: t.type, amount: t.amount.toString() })) : [];
  const got = transactions.map((t, i) => (i < before.length ? t : { type: t.type, amount: t.amount }));
  const wanted = [...before, ...journals.map((j) => ({ type: j.type, amount: j.amount.toString() }))];
  if (JSON.stringify(got) !== JSON.stringify(wanted))
    return `hold transactions ${JSON.stringify(transactions)}, the model says ${JSON.stringify(wanted)}`;
  if (transactions.some((t) => typeof t.id !== 'string' || !/^[1-9]\d*$/.test(t.id)))
    return `hold transaction ids ${JSON.stringify(transactions)}`;
  if (previous) {
    const prev = parse(previous.text);
    if (prev.createdAt !== createdAt || prev.expiresAt !== expiresAt)
      return `a settlement changed the hold's timestamps: ${JSON.stringify({ createdAt, expiresAt })}`;
  }
  // Each new movement as GET /v1/transactions/{id} shows it: entries and balances as the model posts them.
  for (const [i, journal] of journals.entries()) {
    const tx = read[before.length + i];
    if (!tx) return `hold transaction ${JSON.stringify(transactions[before.length + i])} could not be read`;
    const why =
      journalMismatch(journal, tx) ??
      (tx.id === transactions[before.length + i].id ? undefined : `another id ${JSON.stringify(tx.id)}`);
    if (why) return `hold transaction ${JSON.stringify(transactions[before.length + i].id)}: ${why}`;
    if (tx.createdAt !== (previous ? finishedAt : createdAt))
      return `hold transaction ${JSON.stringify(tx.id)} createdAt ${JSON.stringify(tx.createdAt)}`;
  }
  return undefined;
}

/**
 * Requests fired at once may be carried out in any serial order. Finds an order in which the model
 * gives exactly the answers the service gave (each balanceAfter, each rejection, each replay), and
 * returns the model after that order. A 409 IDEMPOTENCY_KEY_IN_PROGRESS is accepted for a request
 * that shares its key with another of the same batch; it changes nothing.
 */
export function findSerialOrder(
  model: WalletModel,
  requests: readonly WriteRequest[],
  answers: readonly Answer[],
): { model: WalletModel; order: number[] } | { error: string } {
  const sharesKey = (i: number) =>
    requests.some((r, j) => j !== i && r.userId === requests[i].userId && r.key === requests[i].key);
  const inProgress = answers.map((a) => a.status === 409 && parse(a.text).code === 'IDEMPOTENCY_KEY_IN_PROGRESS');
  const stray = inProgress.findIndex((p, i) => p && !sharesKey(i));
  if (stray >= 0) return { error: `request ${stray} got IDEMPOTENCY_KEY_IN_PROGRESS with a key no other request used` };
  const ordered = requests.map((_, i) => i).filter((i) => !inProgress[i]);
  const reasons: string[] = [];
  for (const order of permutations(ordered)) {
    const candidate = model.clone();
    let failed: string | undefined;
    for (const i of order) {
      const expected = candidate.decide(requests[i]);
      failed = mismatch(requests[i], expected, answers[i]);
      if (failed) {
        failed = `order ${order.join(',')}: request ${i}: ${failed}`;
        break;
      }
      candidate.commit(requests[i], expected, answers[i]);
    }
    if (!failed) return { model: candidate, order };
    reasons.push(failed);
  }
  const shown = answers.map((a, i) => `  #${i} ${describeRequest(requests[i])} → ${summary(a)}`).join('\n');
  return { error: `no serial order explains the answers:\n${shown}\n${reasons.slice(0, 6).join('\n')}` };
}

export function summary(a: Answer): string {
  return `${a.status}${a.replayed ? ' (replayed)' : ''} ${a.text.slice(0, 400)}`;
}

function* permutations(items: readonly number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) yield [items[i], ...rest];
  }
}

export function parse(text: string): Json {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Json) : {};
  } catch {
    return {};
  }
}

function sorted(metadata: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.keys(metadata)
    .sort()
    .map((k) => [k, metadata[k]]);
}
