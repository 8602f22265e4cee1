import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, and the built application that `npm run openapi` runs (npm test builds it first). */
export const ROOT = join(__dirname, '..', '..');
export const BUILT_APP = join(ROOT, 'dist/apps/wallet-api');
export const BIN = join(ROOT, 'node_modules/.bin');

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in the repository root and resolves with its exit code and output, whatever the code. */
export function run(command: string, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}
