import { randomBytes } from "node:crypto";
import http from "node:http";
import { type AddressInfo } from "node:net";
import Stripe from "stripe";
import { track } from "../lib/lifecycle.ts";

// A local stand-in for the part of Stripe ShootQ uses, so the official client and real webhook
// signatures are exercised with nothing leaving the machine: the API answers "create checkout
// session" and "retrieve checkout session"; the hosted payment page the client is sent to has
// a Pay button that completes the session, posts `checkout.session.completed` to the app,
// signed by the library's own test helper, and redirects to the session's success URL.

export type StandInSession = {
  id: string;
  object: "checkout.session";
  url: string;
  amount_total: number;
  currency: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  description: string;
  created: number;
};

export type StandInEvent = { id: string; type: string; payload: string };

export type StripeStandIn = {
  /** Base URL of the API and the payment pages. */
  url: string;
  host: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  sessions: Map<string, StandInSession>;
  /** Every event built, in order, with the exact payload posted. */
  events: StandInEvent[];
  /** Where webhooks go; may be set after start. */
  webhookUrl: string | null;
  /** Completes a session as the Pay button does and posts its webhook; returns the event. */
  pay(sessionId: string): Promise<StandInEvent>;
  /** Builds (without sending) an event about a session, e.g. to deliver out of order. */
  event(type: string, sessionId: string): StandInEvent;
  /** Posts an event to the webhook URL, signed (or with `signature` instead). */
  deliver(event: StandInEvent, opts?: { signature?: string }): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
};

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;

/** Stripe's form encoding (`a[b][0][c]=v`) to a nested object. */
function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter(Boolean);
    let node = out as Record<string, unknown>;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return out;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function paymentPage(session: StandInSession): string {
  const digits =
    new Intl.NumberFormat("en-US", { style: "currency", currency: session.currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const amount = new Intl.NumberFormat("en-US", { style: "currency", currency: session.currency.toUpperCase() }).format(
    session.amount_total / 10 ** digits,
  );
  const body =
    session.status === "open"
      ? `<form method="post" action="/pay/${session.id}"><button type="submit">Pay ${escape(amount)}</button></form><p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>`
      : `<p role="status">This payment page is ${session.status === "complete" ? "already paid" : "expired"}.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Test checkout</title></head>
<body><main><h1>Test card payment</h1><p>${escape(session.description)}</p><p data-testid="checkout-amount">${escape(amount)}</p>${body}</main></body></html>`;
}

export async function startStripeStandIn(
  opts: { secretKey?: string; webhookSecret?: string; webhookUrl?: string; port?: number } = {},
): Promise<StripeStandIn> {
  const secretKey = opts.secretKey ?? `sk_test_${randomBytes(16).toString("hex")}`;
  const webhookSecret = opts.webhookSecret ?? `whsec_${randomBytes(16).toString("hex")}`;
  const signer = new Stripe(secretKey);
  const sessions = new Map<string, StandInSession>();
  const byIdempotencyKey = new Map<string, string>();
  const events: StandInEvent[] = [];
  let base = "";

  function event(type: string, sessionId: string): StandInEvent {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    const built = {
      id: id("evt"),
      object: "event",
      api_version: "2025-01-01",
      type,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      data: { object: { ...session } },
    };
    const stored = { id: built.id, type, payload: JSON.stringify(built) };
    events.push(stored);
    return stored;
  }

  async function deliver(e: StandInEvent, { signature }: { signature?: string } = {}) {
    if (!standIn.webhookUrl) throw new Error("the stand-in has no webhook URL");
    const header = signature ?? signer.webhooks.generateTestHeaderString({ payload: e.payload, secret: webhookSecret });
    const res = await fetch(standIn.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": header },
      body: e.payload,
    });
    return { status: res.status, body: await res.text() };
  }

  async function pay(sessionId: string): Promise<StandInEvent> {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    if (session.status === "open")
      Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: id("pi") });
    const e = event("checkout.session.completed", sessionId);
    // Stripe retries a webhook the endpoint did not take; a few quick tries are enough here.
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await deliver(e).catch((error: Error) => ({ status: 0, body: error.message }));
      if (answer.status >= 200 && answer.status < 300) break;
      await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
    }
    return e;
  }

  const json = (res: http.ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", base);
    try {
      if (url.pathname.startsWith("/v1/")) {
        if (req.headers.authorization !== `Bearer ${secretKey}`) {
          return json(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
        }
        if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
          const key = req.headers["idempotency-key"];
          const known = typeof key === "string" ? byIdempotencyKey.get(key) : undefined;
          if (known) return json(res, 200, sessions.get(known));
          const form = parseForm(body) as {
            success_url?: string;
            cancel_url?: string;
            client_reference_id?: string;
            customer_email?: string;
            metadata?: Record<string, string>;
            line_items?: Record<
              string,
              {
                quantity?: string;
                price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } };
              }
            >;
          };
          const item = form.line_items?.["0"];
          const amount = Number(item?.price_data?.unit_amount);
          if (
            !form.success_url ||
            !form.cancel_url ||
            !item?.price_data?.currency ||
            !Number.isInteger(amount) ||
            amount <= 0
          ) {
            return json(res, 400, { error: { type: "invalid_request_error", message: "Missing required param" } });
          }
          const sessionId = id("cs");
          const session: StandInSession = {
            id: sessionId,
            object: "checkout.session",
            url: `${base}/pay/${sessionId}`,
            amount_total: amount * Number(item.quantity ?? 1),
            currency: item.price_data.currency,
            status: "open",
            payment_status: "unpaid",
            payment_intent: null,
            success_url: form.success_url,
            cancel_url: form.cancel_url,
            client_reference_id: form.client_reference_id ?? null,
            customer_email: form.customer_email ?? null,
            metadata: form.metadata ?? {},
            description: item.price_data.product_data?.name ?? "",
            created: Math.floor(Date.now() / 1000),
          };
          sessions.set(sessionId, session);
          if (typeof key === "string") byIdempotencyKey.set(key, sessionId);
          return json(res, 200, session);
        }
        const retrieve = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)$/.exec(url.pathname);
        if (req.method === "GET" && retrieve) {
          const session = sessions.get(retrieve[1]);
          return session
            ? json(res, 200, session)
            : json(res, 404, { error: { type: "invalid_request_error", message: "No such checkout.session" } });
        }
        return json(res, 404, {
          error: {
            type: "invalid_request_error",
            message: `Unrecognized request URL (${req.method}: ${url.pathname})`,
          },
        });
      }
      const page = /^\/pay\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      const session = page ? sessions.get(page[1]) : undefined;
      if (!page || !session) {
        res.writeHead(404, { "content-type": "text/plain" });
        return res.end("Not found");
      }
      if (req.method === "POST") {
        await pay(session.id);
        res.writeHead(303, { location: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id) });
        return res.end();
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(paymentPage(session));
    } catch (error) {
      json(res, 500, { error: { type: "api_error", message: (error as Error).message } });
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  const standIn: StripeStandIn = {
    url: base,
    host: "127.0.0.1",
    port,
    secretKey,
    webhookSecret,
    sessions,
    events,
    webhookUrl: opts.webhookUrl ?? null,
    pay,
    event,
    deliver,
    close: () =>
      new Promise((resolve) => {
        tracked.release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  // Stopped with everything else when a harness or a test setup ends, however it ends.
  const tracked = track(
    "stripe stand-in",
    () => standIn.close(),
    () => server.closeAllConnections(),
  );
  return standIn;
}

/** The app's settings that point its official Stripe client at the stand-in. */
export function standInEnv(
  standIn: Pick<StripeStandIn, "secretKey" | "webhookSecret" | "host" | "port">,
): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: standIn.secretKey,
    STRIPE_WEBHOOK_SECRET: standIn.webhookSecret,
    STRIPE_API_HOST: standIn.host,
    STRIPE_API_PORT: String(standIn.port),
    STRIPE_API_PROTOCOL: "http",
  };
}
