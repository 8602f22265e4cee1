// @ts-check
/**
 * `npm start`'s first step, before the build: fails in well under a second when the HTTP port is
 * taken (instead of after the build and the database start), then builds with a progress line
 * (the first build takes about half a minute and prints nothing of its own).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST || '0.0.0.0';
const rawPort = process.env.PORT || '3000';

/** @returns {Promise<string | undefined>} the error code of a listen attempt, if it failed */
function probe(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => resolve(error.code));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

// A malformed PORT is left to the service, whose configuration check names every bad variable.
if (/^\d+$/.test(rawPort) && Number(rawPort) >= 1 && Number(rawPort) <= 65535) {
  const port = Number(rawPort);
  if ((await probe(port)) === 'EADDRINUSE') {
    process.stderr.write(
      `Port ${port} is already in use on ${host} (another Dino Wallet, or another program): ` +
        `stop it, or start on another port, e.g. PORT=${port === 65535 ? 3001 : port + 1} npm start\n`,
    );
    process.exit(1);
  }
}

const first = !existsSync(join(ROOT, 'dist/apps/wallet-api/apps/wallet-api/src/main.js'));
process.stderr.write(first ? 'Building the service (first build: about 30-40 s)…\n' : 'Building the service…\n');
const started = Date.now();
const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
process.stderr.write(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s; starting.\n`);
