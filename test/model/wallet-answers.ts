import { Expected, ExpectedEntry, WalletModel, WriteRequest } from './wallet-model';

/** A service answer to a write, as the test received it. */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
  readonly replayed: boolean;
}

const PROBLEM_STATUS: Readonly<Record<string, number>> = {
  INSUFFICIENT_FUNDS: 422,
  SAME_ACCOUNT_TRANSFER: 422,
  LIMIT_EXCEEDED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  USER_NOT_FOUND: 404,
};
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

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
  if (expected.outcome === 'POSTED') {
    if (answer.status !== 201) return `expected 201 with balanceAfter ${expected.balanceAfter}, got ${summary(answer)}`;
    if (!answer.contentType.startsWith('application/json')) return `a 201 with content type ${answer.contentType}`;
    return postedMismatch(req, expected, body);
  }
  const status = PROBLEM_STATUS[expected.outcome];
  if (answer.status !== status || body.code !== expected.outcome) return `expected ${status} ${expected.outcome}, got ${summary(answer)}`;
  if (!answer.contentType.startsWith('application/problem+json')) return `a problem with content type ${answer.contentType}`;
  if (expected.outcome === 'INSUFFICIENT_FUNDS') {
    const want = { assetCode: req.assetCode, balance: expected.balance.toString(), required: expected.required.toString() };
    const got = { assetCode: body.assetCode, balance: body.balance, required: body.required };
    if (JSON.stringify(got) !== JSON.stringify(want)) return `INSUFFICIENT_FUNDS says ${JSON.stringify(got)}, the model ${JSON.stringify(want)}`;
  }
  return undefined;
}

function postedMismatch(req: WriteRequest, expected: Extract<Expected, { outcome: 'POSTED' }>, body: Json): string | undefined {
  const want: Json = {
    type: req.kind,
    status: 'POSTED',
    userId: req.userId,
    toUserId: req.kind === 'TRANSFER' ? req.toUserId : undefined,
    assetCode: req.assetCode,
    amount: req.amount.toString(),
    balanceAfter: expected.balanceAfter.toString(),
    description: req.description,
    metadata: sorted(req.metadata),
    idempotencyKey: req.key,
  };
  for (const [field, value] of Object.entries(want)) {
    const got = field === 'metadata' ? sorted((body.metadata ?? {}) as Record<string, string>) : body[field];
    if (JSON.stringify(got) !== JSON.stringify(value)) return `201 ${field} is ${JSON.stringify(got)}, the model says ${JSON.stringify(value)}`;
  }
  if (typeof body.id !== 'string' || body.id === '') return `201 without a string id: ${JSON.stringify(body.id)}`;
  if (typeof body.createdAt !== 'string' || !TIMESTAMP.test(body.createdAt)) return `201 createdAt ${JSON.stringify(body.createdAt)}`;
  const entries = Array.isArray(body.entries) ? (body.entries as Json[]) : [];
  const rendered = (e: ExpectedEntry) => JSON.stringify({ account: e.account, amount: e.amount.toString(), balanceAfter: e.balanceAfter.toString() });
  const got = entries.map((e) => JSON.stringify({ account: e.account, amount: e.amount, balanceAfter: e.balanceAfter })).sort();
  const wanted = expected.entries.map(rendered).sort();
  if (JSON.stringify(got) !== JSON.stringify(wanted)) return `201 entries ${got.join(' ')}, the model says ${wanted.join(' ')}`;
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
  const sharesKey = (i: number) => requests.some((r, j) => j !== i && r.userId === requests[i].userId && r.key === requests[i].key);
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

export function describeRequest(r: WriteRequest): string {
  const users = r.kind === 'TRANSFER' ? `${short(r.userId)}→${short(r.toUserId ?? '')}` : short(r.userId);
  return `${r.kind}(${users}, ${r.assetCode}, ${r.amount}, key ${r.key})`;
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

function parse(text: string): Json {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Json) : {};
  } catch {
    return {};
  }
}

function sorted(metadata: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.keys(metadata).sort().map((k) => [k, metadata[k]]);
}

function short(id: string): string {
  return id.slice(0, 8);
}
