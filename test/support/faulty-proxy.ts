import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * - `forward`: a plain TCP relay to PostgreSQL;
 * - `refuse`: nothing listens on the port, so a connection attempt fails at once (ECONNREFUSED),
 *   as when the database host is up but PostgreSQL is down;
 * - `blackhole`: connections are accepted and never answered, as behind a network partition, so a
 *   client only gives up when its own connect timeout expires.
 */
export type ProxyMode = 'forward' | 'refuse' | 'blackhole';

/**
 * A TCP proxy between the service and PostgreSQL that a test can break and repair: cut every open
 * connection, refuse or blackhole new ones, then restore. Loopback only.
 */
export class FaultyProxy {
  private mode: ProxyMode = 'forward';
  private readonly sockets = new Set<Socket>();
  /** Connections accepted so far (for diagnostics). */
  accepted = 0;

  private constructor(
    private server: Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** Starts a proxy on a free loopback port that forwards to the host and port of `databaseUrl`. */
  static async start(databaseUrl: string): Promise<FaultyProxy> {
    const url = new URL(databaseUrl);
    const target = { host: url.hostname, port: Number(url.port || 5432) };
    const holder: { proxy?: FaultyProxy } = {};
    const server = createServer((client) => holder.proxy?.accept(client));
    const port = await listen(server, 0);
    holder.proxy = new FaultyProxy(server, port, target);
    return holder.proxy;
  }

  /** `databaseUrl` with its host and port replaced by the proxy's. */
  route(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  get currentMode(): ProxyMode {
    return this.mode;
  }

  /** Destroys every open connection (both sides), as a crashed server or a reset link would. */
  cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /**
   * Silences every open connection without closing it: bytes are read and dropped in both
   * directions, as across a network partition (no FIN, no RST reaches either side).
   */
  freezeAll(): void {
    for (const socket of this.sockets) {
      socket.unpipe();
      socket.removeAllListeners('data');
      socket.on('data', () => undefined);
    }
  }

  /** Switches the mode for new connections; open ones are left alone (see {@link cutAll}). */
  async setMode(mode: ProxyMode): Promise<void> {
    if (mode === this.mode) return;
    const wasRefusing = this.mode === 'refuse';
    this.mode = mode;
    // close() stops listening at once; its callback would wait for the open connections.
    if (mode === 'refuse') this.server.close();
    if (wasRefusing) {
      this.server = createServer((client) => this.accept(client));
      await listen(this.server, this.port);
    }
  }

  /** Cuts everything and refuses or blackholes what comes next. */
  async breakDown(mode: Exclude<ProxyMode, 'forward'>): Promise<void> {
    await this.setMode(mode);
    this.cutAll();
  }

  /** Back to forwarding; blackholed connections are closed. */
  async restore(): Promise<void> {
    if (this.mode === 'forward') return;
    await this.setMode('forward');
    this.cutAll();
  }

  async close(): Promise<void> {
    const closed = this.mode === 'refuse' ? Promise.resolve() : close(this.server);
    this.cutAll();
    await closed;
  }

  private accept(client: Socket): void {
    this.accepted++;
    this.track(client);
    client.on('error', () => client.destroy());
    if (this.mode === 'blackhole') {
      client.on('data', () => undefined); // read and drop: the peer sees a silent server
      return;
    }
    const upstream = createConnection(this.target);
    this.track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (typeof address === 'object' && address) resolve(address.port);
      else reject(new Error('the proxy has no address'));
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
