// A small TCP proxy the fault script owns, between a portal and PostgreSQL, to simulate a restart
// of the database without touching the machine's shared PostgreSQL server: `cut()` destroys every
// connection (both sides) and stops listening, so new connections are refused (ECONNREFUSED) as
// they would be while the server is down; `resume()` listens again on the same port.
import net from "node:net";

export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  /** Connections accepted in all, and cut by `cut()`. */
  accepted = 0;
  cutCount = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Listens on the loopback address: a free port the first time, the same one afterwards. */
  async listen(): Promise<number> {
    const server = net.createServer((client) => this.pipe(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  private pipe(client: net.Socket) {
    this.accepted++;
    const upstream = net.connect(this.targetPort, this.targetHost);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.setNoDelay(true);
      s.on("close", () => this.sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  }

  /** Every connection cut at once (a reset, as a crashed server's), and no new one accepted. */
  async cut(): Promise<number> {
    const server = this.server;
    this.server = null;
    const closed = server ? new Promise<void>((r) => server.close(() => r())) : Promise.resolve();
    const n = Math.ceil(this.sockets.size / 2); // two sockets per connection
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
    this.cutCount += n;
    await closed;
    return n;
  }

  /** Accepts connections again, on the same port. */
  async resume(): Promise<void> {
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
