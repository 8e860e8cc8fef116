import pg from "pg";
import { BIG_STUDIO } from "../bench/generate.ts";
import {
  actionHeaders,
  encodeActionBody,
  parseActionState,
  parseRscRows,
  pathForRoute,
  type ServerAction,
} from "../bench/lib/server-actions.ts";
import { signInBig, summarize, type DrillContext, type DrillResult } from "./lib/context.ts";

// Every server action of the build, the POST routes, pages with hostile URLs, and forged cookies,
// sent values a person or a bot might send. An answer passes when it is a 4xx or, for a server
// action, its form state with a message; a 5xx, or the wrappers' catch-all "Something went
// wrong", fails. Afterwards the database must be exactly as before.

const XSS = `<script>alert("shootq-xss")</script>`;
const SQL = `1' OR '1'='1'; DROP TABLE "Lead"; --`;
const UNEXPECTED = /Something went wrong/;

/** Field names used by the app's forms (from their name="…" attributes). */
const TEXT_FIELDS = [
  "name",
  "email",
  "phone",
  "message",
  "title",
  "body",
  "note",
  "description",
  "location",
  "studioName",
  "contactName",
  "contactEmail",
  "contactPhone",
  "toEmail",
  "clientName",
  "label",
  "link",
  "slug",
  "q",
  "returnTo",
];
const ID_FIELDS = [
  "id",
  "leadId",
  "jobId",
  "eventId",
  "taskId",
  "templateId",
  "brandId",
  "contactId",
  "referralId",
  "inviteId",
  "userId",
  "emailId",
  "broadcastId",
  "token",
];
const ENUM_FIELDS = [
  "status",
  "type",
  "eventType",
  "decision",
  "intent",
  "kind",
  "timeZone",
  "sort",
  "view",
  "isShoot",
  "isNew",
];
const DATE_FIELDS = ["date", "eventDate", "expiresOn", "startTime", "endTime", "startsAt", "endsAt"];
const NUMBER_FIELDS = ["deposit", "quantity", "unitPrice", "stepOffset"];
const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "confirmPassword"];
const ARRAY_FIELDS = [
  "description[]",
  "quantity[]",
  "unitPrice[]",
  "questionId[]",
  "questionKind[]",
  "questionLabel[]",
  "questionOptions[]",
  "stepName[]",
  "stepOffset[]",
  "stepAnchor[]",
];

type Fields = Record<string, string | string[]>;

function fill(value: (kind: string, field: string) => string | string[]): Fields {
  const out: Fields = {};
  for (const [kind, list] of [
    ["text", TEXT_FIELDS],
    ["id", ID_FIELDS],
    ["enum", ENUM_FIELDS],
    ["date", DATE_FIELDS],
    ["number", NUMBER_FIELDS],
    ["secret", SECRET_FIELDS],
    ["array", ARRAY_FIELDS],
  ] as const) {
    for (const f of list) out[f] = value(kind, f);
  }
  return out;
}

export const PAYLOADS: Record<string, Fields> = {
  empty: {},
  hostile: fill((kind) =>
    kind === "text"
      ? XSS
      : kind === "id"
        ? SQL
        : kind === "enum"
          ? `ADMIN'--`
          : kind === "date"
            ? "2026-13-45'; --"
            : kind === "number"
              ? "1e309"
              : kind === "secret"
                ? `' OR 1=1 --`
                : [XSS, SQL],
  ),
  // Every field far over its limit, the whole body under Next's 1 MB limit for server actions.
  oversized: fill((kind) =>
    kind === "array" ? Array.from({ length: 20 }, () => "x".repeat(500)) : "x".repeat(kind === "text" ? 10_000 : 3_000),
  ),
  "wrong types": fill((kind, f) => (kind === "array" ? "not-an-array" : [`${f}-1`, `${f}-2`])),
  "control characters": fill((kind) => (kind === "array" ? ["a\u0000b"] : `a\u0000b\u202e\ud800`)),
};

export type Case = {
  area: "action" | "route" | "page" | "cookie";
  target: string;
  payload: string;
  status: number;
  verdict: "rejected" | "accepted" | "error" | "unclear";
  message: string;
};

const snippet = (s: string) => s.replace(/\s+/g, " ").slice(0, 160);

/** What an action's answer says: rejected with a message, accepted, or an error. */
export function judgeAction(status: number, headers: Headers, text: string): Pick<Case, "verdict" | "message"> {
  if (status >= 500) return { verdict: "error", message: `HTTP ${status} ${snippet(text)}` };
  if (headers.get("x-action-redirect"))
    return { verdict: "accepted", message: `redirected to ${headers.get("x-action-redirect")}` };
  if (status >= 400) return { verdict: "rejected", message: snippet(text) || `HTTP ${status}` };
  // An action that returns nothing (a plain <form action>) answers "$undefined".
  if (parseRscRows(text).get("1") === '"$undefined"') return { verdict: "accepted", message: "returned nothing" };
  const state = parseActionState(text);
  if (!state) return { verdict: "unclear", message: `HTTP ${status}, no form state: ${snippet(text)}` };
  if (state.ok) return { verdict: "accepted", message: state.message ?? "ok" };
  if (!state.message) return { verdict: "unclear", message: "no message" };
  if (UNEXPECTED.test(state.message)) return { verdict: "error", message: state.message };
  const fields = Object.keys(state.fieldErrors ?? {});
  return { verdict: "rejected", message: `${state.message}${fields.length ? ` [${fields.join(", ")}]` : ""}` };
}

function judgeHttp(
  status: number,
  text: string,
  opts: { okStatuses?: number[] } = {},
): Pick<Case, "verdict" | "message"> {
  if (status >= 500) return { verdict: "error", message: `HTTP ${status} ${snippet(text)}` };
  if (text.includes(XSS)) return { verdict: "error", message: "the script tag came back unescaped" };
  if (opts.okStatuses?.includes(status)) return { verdict: "accepted", message: `HTTP ${status}` };
  return { verdict: status >= 300 ? "rejected" : "accepted", message: `HTTP ${status} ${snippet(text)}` };
}

function changedBetween(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...a, ...b }).filter((t) => a[t] !== b[t]);
}

/** Row count and content hash of every app table (rate-limit counters excepted: refused attempts add to them). */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('RateLimit', '_prisma_migrations') ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const { rows } = await client.query<{ n: number; h: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h FROM "${t}" x`,
      );
      out[t] = `${rows[0].n}:${rows[0].h ?? ""}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

function paramsFor(ctx: DrillContext, route: string): Record<string, string> {
  const id = route.startsWith("/(studio)/leads/")
    ? ctx.big.leadId
    : route.startsWith("/(studio)/jobs/")
      ? ctx.big.jobId
      : "x";
  return { id, eventId: ctx.big.eventId, slug: BIG_STUDIO.slug, token: "x" };
}

/** (e) Bad input everywhere; forged and tampered cookies are signed out. */
export async function badInput(ctx: DrillContext): Promise<DrillResult> {
  const started = Date.now();
  const base = ctx.app.url;
  const before = await fingerprint(ctx.db.primaryUrl);
  const cases: Case[] = [];
  const send = async (path: string, init: RequestInit & { headers?: Record<string, string> }) => {
    const res = await fetch(`${base}${path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };

  const callAction = async (action: ServerAction, payload: string, fields: Fields, cookie?: string) => {
    const path = pathForRoute(action.routes[0], paramsFor(ctx, action.routes[0]));
    const body = encodeActionBody(fields);
    const res = await send(path, {
      method: "POST",
      headers: { ...actionHeaders(action, body, base), ...(cookie ? { cookie } : {}) },
      body: body.body,
    });
    const c: Case = {
      area: "action",
      target: `${action.name} (POST ${path})`,
      payload,
      status: res.status,
      ...judgeAction(res.status, res.headers, res.text),
    };
    cases.push(c);
    return c;
  };
  // Each action between two fingerprints, so a change is pinned on the action that made it.
  const perAction: { action: string; acceptsAnything: boolean; accepted: string[]; changedTables: string[] }[] = [];
  const isSignedIn = async () => (await send("/settings", { headers: { cookie: ctx.cookie } })).status === 200;
  // Actions that end sessions ("Sign out everywhere") take the empty form: the drill signs in
  // again after them, so every later action and drill runs signed in.
  const signedInAgainAfter: string[] = [];
  let fp = before;
  for (const action of ctx.actions) {
    const mine: Case[] = [];
    for (const [payload, fields] of Object.entries(PAYLOADS))
      mine.push(await callAction(action, payload, fields, ctx.cookie));
    mine.push(await callAction(action, "hostile, signed out", PAYLOADS.hostile));
    if (mine.some((c) => c.verdict === "accepted") && !(await isSignedIn())) {
      signedInAgainAfter.push(action.name);
      ctx.cookie = await signInBig(base);
    }
    const next = await fingerprint(ctx.db.primaryUrl);
    // An action that takes the empty form needs no input: anything else sent is ignored.
    const acceptsAnything = mine.some((c) => c.payload === "empty" && c.verdict === "accepted");
    perAction.push({
      action: action.name,
      acceptsAnything,
      accepted: mine.filter((c) => c.verdict === "accepted").map((c) => c.payload),
      changedTables: changedBetween(fp, next),
    });
    fp = next;
  }
  const actionsDone = fp;

  // Bodies that are not what React sends.
  const createLead = ctx.actions.find((a) => a.exportedName === "createLeadAction")!;
  const valid = encodeActionBody({ name: "x" });
  const malformed: [string, Record<string, string>, string][] = [
    [
      "argument list is not JSON",
      actionHeaders(createLead, valid, base),
      valid.body.replace('[{"ok":false},"$K1"]', "[{"),
    ],
    [
      "multipart without a boundary",
      { ...actionHeaders(createLead, valid, base), "content-type": "multipart/form-data" },
      "garbage",
    ],
    ["text/plain garbage", { ...actionHeaders(createLead, valid, base), "content-type": "text/plain" }, "garbage{"],
    ["unknown action id", actionHeaders({ id: `7f${"0".repeat(40)}` }, valid, base), valid.body],
    ["action id with SQL", actionHeaders({ id: SQL }, valid, base), valid.body],
    ["Origin of another site", actionHeaders(createLead, valid, "https://evil.example"), valid.body],
    [
      "3 MB body (over the 1 MB limit)",
      actionHeaders(createLead, valid, base),
      encodeActionBody({ name: "a".repeat(3_000_000) }).body,
    ],
  ];
  for (const [payload, headers, body] of malformed) {
    const res = await send("/leads/new", { method: "POST", headers: { ...headers, cookie: ctx.cookie }, body });
    cases.push({
      area: "action",
      target: "POST /leads/new (Next-Action)",
      payload,
      status: res.status,
      ...judgeAction(res.status, res.headers, res.text),
    });
  }

  // Route handlers.
  const json = (v: unknown) => JSON.stringify(v);
  const inquiry = `/api/inquiries/${BIG_STUDIO.slug}`;
  const routes: [string, string, Record<string, string>, string, string?][] = [
    [inquiry, "not JSON", { "content-type": "application/json" }, "{name: "],
    [inquiry, "no content type", {}, "name=x"],
    [inquiry, "empty object", { "content-type": "application/json" }, "{}"],
    [inquiry, "an array", { "content-type": "application/json" }, "[1,2]"],
    [
      inquiry,
      "hostile values",
      { "content-type": "application/json" },
      json({ name: XSS, email: `${SQL}@example.com`, eventType: SQL, eventDate: "2026-02-31", brandId: SQL }),
    ],
    [
      inquiry,
      "wrong types",
      { "content-type": "application/json" },
      json({ name: ["a"], email: 42, eventType: { $ne: 1 }, eventDate: true }),
    ],
    [
      inquiry,
      "oversized (100 KB)",
      { "content-type": "application/json" },
      json({ name: "x".repeat(100_000), email: "a@example.com", eventType: "wedding" }),
    ],
    [
      inquiry,
      "oversized field under the body limit",
      { "content-type": "application/json" },
      json({ name: "Ann", email: "a@example.com", eventType: "wedding", message: "x".repeat(50_000) }),
    ],
    [
      inquiry,
      "control characters",
      { "content-type": "application/json" },
      json({ name: "a\u0000b", email: "a\u0000@example.com", eventType: "wedding\u0000" }),
    ],
    [
      inquiry,
      "hostile (null byte in the name, the rest valid)",
      { "content-type": "application/json" },
      json({ name: "Ann\u0000Lee", email: "ann.lee@example.com", eventType: "wedding" }),
    ],
    [
      `/api/inquiries/${encodeURIComponent(SQL)}`,
      "hostile studio slug",
      { "content-type": "application/json" },
      json({ name: "Ann", email: "ann@example.com", eventType: "wedding" }),
    ],
    ["/api/team/invites", "signed out", { "content-type": "application/json" }, json({ email: "new@example.com" })],
    [
      "/api/team/invites",
      "hostile email",
      { "content-type": "application/json" },
      json({ email: `${XSS}@example.com` }),
      ctx.cookie,
    ],
    ["/api/team/invites", "not JSON", { "content-type": "application/json" }, "{", ctx.cookie],
    [
      "/api/team/invites",
      "oversized",
      { "content-type": "application/json" },
      json({ email: `${"a".repeat(70_000)}@example.com` }),
      ctx.cookie,
    ],
    [
      "/api/auth/callback/credentials",
      "no CSRF token, hostile email",
      { "content-type": "application/x-www-form-urlencoded" },
      new URLSearchParams({ email: `${SQL}@x`, password: XSS }).toString(),
    ],
    ["/api/auth/callback/credentials", "not a form", { "content-type": "application/json" }, "{"],
  ];
  for (const [path, payload, headers, body, cookie] of routes) {
    const res = await send(path, { method: "POST", headers: { ...headers, ...(cookie ? { cookie } : {}) }, body });
    cases.push({
      area: "route",
      target: `POST ${path.slice(0, 60)}`,
      payload,
      status: res.status,
      ...judgeHttp(res.status, res.text),
    });
  }

  // Pages and GET routes with hostile URLs.
  const e = encodeURIComponent;
  const pages = [
    `/leads/${e(SQL)}`,
    `/leads/${e(XSS)}`,
    `/leads?q=${e(XSS)}&status=${e(SQL)}&sort=${e(SQL)}&after=${e(SQL)}`,
    `/leads?q=${"x".repeat(5_000)}`,
    `/jobs/${e(SQL)}`,
    `/jobs?view=${e(SQL)}&status=${e(XSS)}&before=garbage`,
    `/jobs/${ctx.big.jobId}/events/${e(SQL)}/edit`,
    `/dashboard?news=${e(SQL)}&next=%%%&shoots=${e(XSS)}`,
    `/calendar?week=${e(SQL)}`,
    `/bookings?status=${e(XSS)}`,
    `/p/${e(SQL)}`,
    `/q/${e(XSS)}`,
    `/invite/${e(SQL)}`,
    `/inquire/${e(SQL)}`,
    `/inquire/${BIG_STUDIO.slug}?brand=${e(XSS)}`,
    `/api/calendar/${e(SQL)}`,
    `/api/calendar/${"A".repeat(200)}.ics`,
  ];
  for (const path of pages) {
    const res = await send(path, { headers: { cookie: ctx.cookie } });
    cases.push({
      area: "page",
      target: `GET ${path.slice(0, 80)}`,
      payload: "hostile URL",
      status: res.status,
      ...judgeHttp(res.status, res.text, { okStatuses: [200] }),
    });
  }

  // Forged and tampered cookies: signed out, never an error.
  const token = /next-auth\.session-token=([^;]+)/.exec(ctx.cookie)?.[1] ?? "";
  const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === "A" ? "B" : "A") + s.slice(at + 1);
  const forgedJwt = `${Buffer.from(json({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(json({ sub: ctx.big.ownerId, email: BIG_STUDIO.email, role: "ADMIN" })).toString("base64url")}.`;
  const cookies: [string, string][] = [
    ["garbage session token", "next-auth.session-token=garbage"],
    [
      "tampered session token (one character changed)",
      `next-auth.session-token=${flip(token, Math.floor(token.length / 2))}`,
    ],
    ["truncated session token", `next-auth.session-token=${token.slice(0, token.length - 10)}`],
    ["unsigned JWT claiming to be an admin", `next-auth.session-token=${forgedJwt}`],
    ["SQL in the session token", `next-auth.session-token=${e(SQL)}`],
    ["oversized session token (6 KB)", `next-auth.session-token=${"A".repeat(6_000)}`],
  ];
  for (const [payload, cookie] of cookies) {
    for (const path of ["/dashboard", "/admin"]) {
      const res = await send(path, { headers: { cookie } });
      const signedOut =
        (res.status === 307 || res.status === 302 || res.status === 303) &&
        /\/sign-in/.test(res.headers.get("location") ?? "");
      const hidden = path === "/admin" && res.status === 404;
      cases.push({
        area: "cookie",
        target: `GET ${path}`,
        payload,
        status: res.status,
        ...(res.status >= 500
          ? { verdict: "error" as const, message: `HTTP ${res.status}` }
          : signedOut || hidden
            ? {
                verdict: "rejected" as const,
                message: signedOut ? "signed out: sent to /sign-in" : "404, as for anyone not an admin",
              }
            : { verdict: "error" as const, message: `treated as signed in: HTTP ${res.status}` }),
      });
    }
    const body = encodeActionBody({ name: "Forged", email: "forged@example.com", eventType: "wedding" });
    const res = await send("/leads/new", {
      method: "POST",
      headers: { ...actionHeaders(createLead, body, base), cookie },
      body: body.body,
    });
    cases.push({
      area: "cookie",
      target: "createLeadAction",
      payload,
      status: res.status,
      ...judgeAction(res.status, res.headers, res.text),
    });
  }
  const appCookie = `${ctx.cookie.replace(/shootq_app=[^;]*;?\s*/, "")}; shootq_app=${e("Fe26.2**forged**")}`;
  const tamperedApp = await send("/dashboard", { headers: { cookie: appCookie } });
  cases.push({
    area: "cookie",
    target: "GET /dashboard",
    payload: "forged app cookie (shootq_app) beside a valid sign-in",
    status: tamperedApp.status,
    ...(tamperedApp.status === 200
      ? { verdict: "rejected" as const, message: "ignored: the page renders as without it" }
      : { verdict: "error" as const, message: `HTTP ${tamperedApp.status}` }),
  });

  const after = await fingerprint(ctx.db.primaryUrl);
  const changedLater = changedBetween(actionsDone, after);

  // Hostile text an action accepted (a brand or person named "<script>…") is data like any
  // other: it must come back escaped wherever it is shown.
  const reflected: string[] = [];
  for (const path of ["/dashboard", "/leads", "/settings", "/settings/studio", "/settings/team"]) {
    const res = await send(path, { headers: { cookie: ctx.cookie } });
    if (res.status >= 500 || res.text.includes(XSS))
      reflected.push(`${path}: HTTP ${res.status}${res.text.includes(XSS) ? ", script tag unescaped" : ""}`);
  }

  const errors = cases.filter((c) => c.verdict === "error");
  const unclear = cases.filter((c) => c.verdict === "unclear");
  const lenient = new Set(perAction.filter((a) => a.acceptsAnything).map((a) => a.action));
  // Valid-looking text with hostile content may be saved; missing, oversized or broken values may not.
  const wronglyAccepted = cases.filter(
    (c) =>
      c.verdict === "accepted" &&
      c.area !== "page" &&
      !lenient.has(c.target.replace(/ \(POST .*$/, "")) &&
      !(c.payload.startsWith("hostile") || c.payload === "wrong types"),
  );
  const changedOnRejection = perAction.filter((a) => a.changedTables.length > 0 && a.accepted.length === 0);
  const byArea = (area: Case["area"]) => cases.filter((c) => c.area === area);
  const summary = (list: Case[]) =>
    list
      .slice(0, 40)
      .map((c) => `${c.target} [${c.payload}] → ${c.status}: ${c.message}`)
      .join("\n");
  const checks = [
    {
      what: "no answer was a 5xx or the catch-all error",
      ok: errors.length === 0,
      detail: errors.length ? summary(errors) : `${cases.length} requests`,
    },
    {
      what: "every rejection carried a message",
      ok: unclear.length === 0,
      detail: unclear.length ? summary(unclear) : "",
    },
    {
      what: "no empty, oversized or broken input was accepted",
      ok: wronglyAccepted.length === 0,
      detail: wronglyAccepted.length ? summary(wronglyAccepted) : "",
    },
    {
      what: "a rejected request changed nothing (every table's rows hashed around each action, and around the routes, pages and cookies)",
      ok: changedOnRejection.length === 0 && changedLater.length === 0,
      detail:
        [
          ...changedOnRejection.map((a) => `${a.action} changed ${a.changedTables.join(", ")}`),
          ...(changedLater.length ? [`routes/pages/cookies changed ${changedLater.join(", ")}`] : []),
        ].join("\n") ||
        `accepted and saved: ${
          perAction
            .filter((a) => a.changedTables.length)
            .map((a) => `${a.action.split("#")[1]} (${a.accepted.join(", ")}) → ${a.changedTables.join(", ")}`)
            .join("; ") || "nothing"
        }`,
    },
    {
      what: "saved hostile text is shown escaped",
      ok: reflected.length === 0,
      detail:
        reflected.join("; ") || "no raw <script> on /dashboard, /leads, /settings, /settings/studio, /settings/team",
    },
    {
      what: "forged or tampered cookies are treated as signed out",
      ok: byArea("cookie").every((c) => c.verdict === "rejected"),
      detail: `${byArea("cookie").filter((c) => c.verdict === "rejected").length} of ${byArea("cookie").length}`,
    },
  ];
  return summarize("e", "bad input and forged cookies", started, checks, {
    sent: cases.length,
    failed: errors.length + unclear.length,
    dataLost: 0,
    failures: [...errors, ...unclear].map((c) => `${c.area} ${c.target} [${c.payload}] → ${c.status}: ${c.message}`),
    details: {
      actions: ctx.actions.length,
      signedInAgainAfter,
      byVerdict: Object.fromEntries(
        ["rejected", "accepted", "error", "unclear"].map((v) => [v, cases.filter((c) => c.verdict === v).length]),
      ),
      perAction,
      cases,
    },
  });
}
