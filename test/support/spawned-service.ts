import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TEST_CURSOR_SECRET, TEST_LIMITS, TEST_MASTER_KEY } from './auth';

export const SERVICE_MAIN = join(__dirname, '../../dist/apps/wallet-api/apps/wallet-api/src/main.js');
/** The V8 flags production starts the service with (`npm start`, docker/entrypoint.sh). */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** Polls `url`'s /health/ready every 100 ms until 200 (at most a minute); fails if `child` exits first. */
export async function waitUntilReady(url: string, child: ChildProcess, what = 'the service'): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // starting
    }
    if (i > 600 || child.exitCode !== null) throw new Error(`${what} did not become ready`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface SpawnedService {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote, for diagnostics. */
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
}

/**
 * Starts the compiled service (`npm run build` output, as the container runs it) as a child
 * process and waits until /health/ready answers 200.
 */
export async function spawnService(env: Record<string, string>, readyTimeoutMs = 30000): Promise<SpawnedService> {
  const service = await launchService(env);
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (service.child.exitCode !== null || service.child.signalCode !== null)
      throw new Error(`service exited before ready:\n${service.output()}`);
    try {
      const res = await fetch(`${service.url}/health/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      service.child.kill('SIGKILL');
      throw new Error(`service not ready after ${readyTimeoutMs} ms:\n${service.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return service;
}

/** Starts the compiled service without waiting for it (to catch it half-way through start-up). */
export async function launchService(env: Record<string, string>): Promise<SpawnedService> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let output = '';
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      API_MASTER_KEY: TEST_MASTER_KEY,
      CURSOR_SECRET: TEST_CURSOR_SECRET,
      ...TEST_LIMITS,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { url: `http://127.0.0.1:${port}`, child, output: () => output, exited };
}

/** Resolves once the service has written a line matching `pattern` (LOG_LEVEL=info shows start-up). */
export async function waitForOutput(service: SpawnedService, pattern: RegExp, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(service.output())) {
    if (service.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`no ${pattern} in the output:\n${service.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
