import net from "node:net";

/**
 * A TCP relay on loopback in front of a real server (PostgreSQL in the tests) that can stop
 * relaying without closing anything, which is what a network partition or a stalled server looks
 * like from the client, or refuse, which is what a stopped server looks like.
 */
export class TcpRelay {
  /** "silent": connections stay open, nothing passes either way, new ones are accepted and never answered. */
  mode: "relay" | "silent" = "relay";
  private sockets = new Set<net.Socket>();
  private server = net.createServer((client) => this.accept(client));
  port = 0;

  private constructor(private target: { host: string; port: number }) {}

  /** A relay listening on a free port, in front of the server of the URL `url`. */
  static async to(url: string): Promise<TcpRelay> {
    const { hostname, port } = new URL(url);
    const relay = new TcpRelay({ host: hostname, port: Number(port) });
    await new Promise<void>((resolve) => relay.server.listen(0, "127.0.0.1", resolve));
    relay.port = (relay.server.address() as net.AddressInfo).port;
    return relay;
  }

  /** `url` with the relay's port in place of the server's. */
  urlFor(url: string): string {
    const through = new URL(url);
    through.port = String(this.port);
    return through.toString();
  }

  private accept(client: net.Socket) {
    this.track(client);
    if (this.mode === "silent") return; // accepted, never answered
    const upstream = this.track(net.connect(this.target.port, this.target.host));
    client.on("data", (d) => this.mode === "relay" && upstream.write(d));
    upstream.on("data", (d) => this.mode === "relay" && client.write(d));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  }

  private track(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => this.sockets.delete(socket));
    return socket;
  }

  /** Closes every connection and the port: what a stopped server looks like. */
  async refuse() {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
