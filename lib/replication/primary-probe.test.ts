import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ReplicaMonitor } from "@/lib/replication/monitor";
import { decideReadHost } from "@/lib/replication/routing";

// A node's probe of the primary, through a TCP relay in front of the real primary that can stop
// relaying (the primary, or this node, too slow to answer in time) or refuse (the primary gone).
// A user's pinned page must keep reading from the primary while it is merely slow: reported
// unreachable, the page would come from a replica that has not replayed their write.

const { primaryUrl, replicaUrls } = inject("database");
const GRACE_MS = 3_000;

class Relay {
  mode: "relay" | "silent" = "relay";
  private sockets = new Set<net.Socket>();
  private server = net.createServer((client) => this.accept(client));
  port = 0;

  constructor(private target: { host: string; port: number }) {}

  async listen() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
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

  /** Closes every connection and the port: what a stopped primary looks like. */
  async refuse() {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const pinnedPage = {
  method: "GET",
  pathname: "/leads",
  pins: [{ lsn: "FFFFFF/0", exp: 2 ** 31, scope: "*" as const }],
};

describe("the primary's probe, from a node", () => {
  let relay: Relay;
  let monitor: ReplicaMonitor;

  beforeAll(async () => {
    const url = new URL(primaryUrl);
    relay = new Relay({ host: url.hostname, port: Number(url.port) });
    await relay.listen();
    url.port = String(relay.port);
    monitor = new ReplicaMonitor({
      primaryUrl: url.toString(),
      replicaUrls,
      maxLagBytes: 2 ** 40,
      maxLagSeconds: 3_000,
      primaryGraceMs: GRACE_MS,
    });
  });
  afterAll(() => relay.refuse().catch(() => {}));

  it("keeps a primary that only stopped answering in time reachable for a moment, then reports it unreachable", async () => {
    const answered = await monitor.probe();
    expect(answered.primary).toMatchObject({ reachable: true, error: null });

    relay.mode = "silent";
    const slow = await monitor.probe();
    expect(slow.primary).toMatchObject({
      reachable: true,
      lsn: answered.primary.lsn,
      error: expect.stringMatching(/^slow: .*timeout/),
    });
    // A page this user's write pinned reads from the primary, not from the replica that lacks the write.
    await expect(decideReadHost(monitor, pinnedPage)).resolves.toMatchObject({
      host: { kind: "primary" },
      reason: "pinned, replicas behind this user's write",
    });

    await new Promise((r) => setTimeout(r, GRACE_MS));
    const gone = await monitor.probe();
    expect(gone.primary).toMatchObject({ reachable: false, lsn: null, error: expect.stringMatching(/timeout/) });
    await new Promise((r) => setTimeout(r, 1_100)); // past the node's cached health
    await expect(decideReadHost(monitor, pinnedPage)).resolves.toMatchObject({
      host: { kind: "replica" },
      reason: "pinned, primary unreachable: freshest replica",
    });

    relay.mode = "relay";
    await expect.poll(async () => (await monitor.probe()).primary.reachable).toBe(true);
  });

  it("reports a primary that refuses unreachable at once, however recently it answered", async () => {
    expect((await monitor.probe()).primary.reachable).toBe(true);
    await relay.refuse();
    const refused = await monitor.probe();
    expect(refused.primary).toMatchObject({ reachable: false, lsn: null });
    expect(refused.primary.error).not.toMatch(/timeout/);
  });
});
