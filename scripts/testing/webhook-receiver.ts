import http from "node:http";
import { type AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = {
  /** The webhook-id header: the same on every attempt of one event. */
  id: string;
  type: string;
  data: Record<string, unknown>;
  /** Whether the signature checked out with `receiver.secret` (by the Standard Webhooks library). */
  isVerified: boolean;
  verifyError: string | null;
};

export type WebhookReceiver = {
  url: string;
  /** The endpoint's signing secret, set once ShootQ has made it. */
  secret: string | null;
  received: ReceivedWebhook[];
  /** What the next requests are answered (then 200): e.g. [500] fails the first one. */
  failNext(statuses: number[]): void;
  close(): Promise<void>;
};

/**
 * A webhook receiver on a free loopback port, verifying each request as a studio's own server
 * would: with the `standardwebhooks` library and the endpoint's secret.
 */
export async function startWebhookReceiver({ delayMs = 0 }: { delayMs?: number } = {}): Promise<WebhookReceiver> {
  const queued: number[] = [];
  const receiver: WebhookReceiver = {
    url: "",
    secret: null,
    received: [],
    failNext: (statuses) => queued.push(...statuses),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let isVerified = false;
      let verifyError: string | null = "no secret yet";
      if (receiver.secret) {
        try {
          new Webhook(receiver.secret).verify(body, headers);
          isVerified = true;
          verifyError = null;
        } catch (error) {
          verifyError = error instanceof Error ? error.message : String(error);
        }
      }
      const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      receiver.received.push({
        id: headers["webhook-id"],
        type: parsed.type,
        data: parsed.data,
        isVerified,
        verifyError,
      });
      const status = queued.shift() ?? 200;
      setTimeout(() => {
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(status < 300 ? "thanks" : `receiver failed with ${status}`);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/shootq`;
  return receiver;
}
