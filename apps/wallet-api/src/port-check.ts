import { createServer } from 'node:net';

/**
 * Fails fast, before the database is touched, when the HTTP port is taken: one line naming the
 * port and how to choose another (`scripts/prestart.mjs` does the same before `npm start` builds).
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  const problem = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
  if (!problem) return;
  if (problem.code === 'EADDRINUSE') throw new Error(portInUseMessage(host, port));
  if (problem.code === 'EACCES')
    throw new Error(`Port ${port} needs privileges to listen on: choose a port above 1023, e.g. PORT=3000 npm start`);
  // Anything else (an unknown HOST, say) is for the real listen() to report.
}

export function portInUseMessage(host: string, port: number): string {
  return (
    `Port ${port} is already in use on ${host} (another Dino Wallet, or another program): ` +
    `stop it, or start on another port, e.g. PORT=${port === 65535 ? 3001 : port + 1} npm start`
  );
}
