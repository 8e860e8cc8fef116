import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedBeforeAnswer, noteAnswered } from "./kept-alive.ts";

// A server that answers a connection's first request and drops the connection, without a byte,
// when a second request arrives on it: what an nginx reload does to a kept-alive connection.
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const socket = req.socket as typeof req.socket & { carried?: boolean };
    if (socket.carried) {
      socket.destroy();
      return;
    }
    socket.carried = true;
    req.resume();
    req.on("end", () => res.end("ok"));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Outcome = { answered: true } | { answered: false; closedBeforeAnswer: boolean; reusedSocket: boolean };

function send(agent: http.Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    const r = http.request({ agent, host: "127.0.0.1", port, path: "/", method: "POST" }, (res) => {
      noteAnswered(res);
      res.resume();
      res.on("end", () => resolve({ answered: true }));
    });
    r.on("error", (e) =>
      resolve({ answered: false, closedBeforeAnswer: closedBeforeAnswer(r, e), reusedSocket: r.reusedSocket }),
    );
    r.end("a=b");
  });
}

describe("closedBeforeAnswer", () => {
  it("recognises a request that waited in the agent's queue for a connection the server then closed, which Node does not flag as reused", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // Both at once: the second waits for the only socket and is handed it as the first answer ends.
    const [first, second] = await Promise.all([send(agent), send(agent)]);
    agent.destroy();
    expect(first).toEqual({ answered: true });
    expect(second).toEqual({ answered: false, closedBeforeAnswer: true, reusedSocket: false });
  });

  it("recognises a request sent on an idle kept-alive connection the server then closed", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect(await send(agent)).toEqual({ answered: true });
    expect(await send(agent)).toEqual({ answered: false, closedBeforeAnswer: true, reusedSocket: true });
    agent.destroy();
  });

  it("does not call a new connection dropped without an answer a closed kept-alive one", async () => {
    const dropping = http.createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", resolve));
    const outcome = await new Promise<{ code?: string; closedBeforeAnswer: boolean }>((resolve) => {
      const r = http.request({ host: "127.0.0.1", port: (dropping.address() as AddressInfo).port, path: "/" });
      r.on("error", (e: NodeJS.ErrnoException) =>
        resolve({ code: e.code, closedBeforeAnswer: closedBeforeAnswer(r, e) }),
      );
      r.end();
    });
    await new Promise<void>((resolve) => dropping.close(() => resolve()));
    expect(outcome).toEqual({ code: "ECONNRESET", closedBeforeAnswer: false });
  });
});
