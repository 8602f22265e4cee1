import fc from 'fast-check';
import { walletCommands } from '../model/wallet-arbitraries';
import { RealSystem, RunState, tally } from '../model/wallet-commands';
import { readBaseline, readSystemBalances } from '../model/wallet-driver';
import { WalletModel } from '../model/wallet-model';
import { ledgerViolations } from '../support/ledger-invariants';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Model-based property test: random sequences of create-user, top-up, spend, bonus, transfer,
 * retries under the same key, writes fired concurrently and reads, run against the real service
 * and database and against the in-memory model of test/model. After every command the answers
 * must match the model and the database must hold the model's balances and the ledger's invariants.
 *
 * Small run (part of npm test): MODEL_RUNS and MODEL_MAX_COMMANDS below. Long run:
 *   npm run test:model -- --runs 200
 * Replay a failure with the values it prints:
 *   MODEL_SEED=… MODEL_PATH=… MODEL_REPLAY_PATH=… npx jest test/e2e/model-based.e2e-spec.ts
 */

const RUNS = intFromEnv('MODEL_RUNS', 20);
const MAX_COMMANDS = intFromEnv('MODEL_MAX_COMMANDS', 60);
const SEED = process.env.MODEL_SEED ? Number.parseInt(process.env.MODEL_SEED, 10) : undefined;
const PATH = process.env.MODEL_PATH || undefined;
const REPLAY_PATH = process.env.MODEL_REPLAY_PATH || undefined;
/**
 * Far more than the runs need (about 15 ms a command), so that only shrinking a failure can reach
 * it: fast-check then stops and reports the smallest counterexample so far, before jest's timeout.
 */
const TIME_LIMIT_MS = 60_000 + RUNS * MAX_COMMANDS * 250;

describe('Wallet service against its model', () => {
  let t: TestApp;
  /** Set while a run is in progress; a run that failed leaves it set and the next run starts on a fresh database. */
  let dirty = false;
  let runs = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterAll(() => {
    if (!process.env.MODEL_REPORT) return;
    const lines = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([what, n]) => `  ${what}: ${n}`);
    process.stdout.write(`\nmodel-based run: ${runs} sequences (shrinks included)\n${lines.join('\n')}\n`);
  });

  it(
    `answers like the model over ${RUNS} random command sequences (up to ${MAX_COMMANDS} commands each)`,
    async () => {
      const commands = fc.commands(walletCommands(), {
        maxCommands: MAX_COMMANDS,
        size: 'max',
        ...(REPLAY_PATH ? { replayPath: REPLAY_PATH } : {}),
      });
      const property = fc.asyncProperty(commands, async (cmds) => {
        if (dirty && (await ledgerViolations(t.db)).length > 0) {
          // A failed run left the ledger inconsistent: shrinking must not blame the next sequence
          // for it, so that one starts on a fresh database. (Each run has users of its own and reads
          // the shared system balances when it starts, so a merely wrong answer needs no restart.)
          await t.close();
          t = await startTestApp();
        }
        dirty = true;
        const run = `r${++runs}`;
        const setup = async (): Promise<{ model: RunState; real: RealSystem }> => {
          const baseline = await readBaseline(t.db);
          const wallet = new WalletModel(await readSystemBalances(t.db));
          for (const name of ['a', 'b']) wallet.users.push((await t.client.createUser(`${run}_${name}`)).id);
          return { model: { wallet, sent: [], run, nextId: 0 }, real: { url: t.url, db: t.db, baseline } };
        };
        await fc.asyncModelRun(setup, cmds);
        const verified = await t.client.verify();
        if (!verified.ok) throw new Error(`GET /v1/ledger/verify is not ok: ${JSON.stringify(verified)}`);
        dirty = false;
      });
      const parameters: fc.Parameters<[Iterable<fc.AsyncCommand<RunState, RealSystem>>]> = {
        numRuns: RUNS,
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        ...(SEED !== undefined ? { seed: SEED } : {}),
        ...(PATH ? { path: PATH } : {}),
      };
      await assertWithReplayHint(property, parameters);
    },
    TIME_LIMIT_MS + 60_000,
  );
});

/** fc.assert, with a copy-paste command that replays the failure appended to its report. */
async function assertWithReplayHint<T>(property: fc.IAsyncProperty<T>, parameters: fc.Parameters<T>): Promise<void> {
  try {
    await fc.assert(property, parameters);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const seed = /seed: (-?\d+)/.exec(error.message)?.[1];
    const path = /path: "([^"]*)"/.exec(error.message)?.[1];
    const replayPath = /replayPath="([^"]*)"/.exec(error.message)?.[1];
    const env = [`MODEL_SEED=${seed}`, `MODEL_PATH=${path}`, ...(replayPath ? [`MODEL_REPLAY_PATH='${replayPath}'`] : [])];
    error.message += `\n\nReplay this failure:\n  ${env.join(' ')} npx jest test/e2e/model-based.e2e-spec.ts\n`;
    throw error;
  }
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer (got ${JSON.stringify(raw)})`);
  return value;
}
