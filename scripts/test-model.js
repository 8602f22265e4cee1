#!/usr/bin/env node
// @ts-check
/**
 * The long run of the model-based property test (test/e2e/model-based.e2e-spec.ts):
 *
 *   npm run test:model -- --runs 500 [--commands 60] [--seed S --path P --replay-path R]
 *
 * Flags become the MODEL_* environment variables the spec reads; the spec then prints how often
 * each command and outcome occurred, and this wrapper the duration.
 */
const { spawnSync } = require('node:child_process');

const FLAGS = {
  '--runs': 'MODEL_RUNS',
  '--commands': 'MODEL_MAX_COMMANDS',
  '--seed': 'MODEL_SEED',
  '--path': 'MODEL_PATH',
  '--replay-path': 'MODEL_REPLAY_PATH',
};

/** @type {Record<string, string>} */
const env = { MODEL_RUNS: '200', MODEL_REPORT: '1' };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split(/=(.*)/s);
  const name = FLAGS[/** @type {keyof typeof FLAGS} */ (flag)];
  const value = inline ?? args[++i];
  if (!name || value === undefined || value === '') {
    console.error(
      `usage: npm run test:model -- [--runs N] [--commands N] [--seed S --path P [--replay-path R]] (got ${args.join(' ')})`,
    );
    process.exit(2);
  }
  env[name] = value;
}

const started = Date.now();
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, 'test/e2e/model-based.e2e-spec.ts'], {
  cwd: `${__dirname}/..`,
  stdio: 'inherit',
  env: { ...process.env, ...env },
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const verdict = result.status === 0 ? 'passed' : 'FAILED';
console.log(
  `model-based long run ${verdict}: ${env.MODEL_RUNS} runs of up to ${env.MODEL_MAX_COMMANDS ?? 'the default number of'} commands in ${seconds} s`,
);
process.exit(result.status ?? 1);
