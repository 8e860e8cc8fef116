import pg from "pg";
import { READ_ONLY_MESSAGE } from "../../../lib/errors.ts";
import { HttpSession } from "../../testing/http.ts";
import { BIG_STUDIO } from "../../bench/generate.ts";
import { localSecrets } from "../../lib/paths.ts";
import {
  actionHeaders,
  encodeActionBody,
  findServerAction,
  parseActionState,
  type ServerAction,
} from "../../bench/lib/server-actions.ts";
import type { BenchApp, BenchDatabase } from "../../bench/lib/stack.ts";
import { expectOk, type Answer, type TrafficRequest } from "./traffic.ts";

export type Big = {
  studioId: string;
  ownerId: string;
  leadId: string;
  jobId: string;
  eventId: string;
  calendarToken: string;
};

export type DrillContext = {
  db: BenchDatabase;
  app: BenchApp;
  /** Cookie header of the big studio's owner, signed in through nginx. */
  cookie: string;
  big: Big;
  actions: ServerAction[];
  log: (line: string) => void;
};

export type Check = { what: string; ok: boolean; detail?: string };

export type DrillResult = {
  id: string;
  name: string;
  ran: boolean;
  passed: boolean;
  /** Requests the drill's traffic sent, and how many of them failed. */
  sent: number;
  failed: number;
  /** Acknowledged writes (or emails) missing afterwards. */
  dataLost: number;
  checks: Check[];
  details: Record<string, unknown>;
  failures: string[];
  seconds: number;
};

export async function findBig(url: string): Promise<Big> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Big>(
      `SELECT s.id AS "studioId", u.id AS "ownerId", $3::text AS "calendarToken",
              (SELECT id FROM "Lead" WHERE "studioId" = s.id ORDER BY "createdAt" DESC LIMIT 1) AS "leadId",
              (SELECT id FROM "Job" WHERE "studioId" = s.id ORDER BY date DESC NULLS LAST LIMIT 1) AS "jobId",
              (SELECT id FROM "Event" WHERE "studioId" = s.id ORDER BY "startsAt" DESC LIMIT 1) AS "eventId"
       FROM "Studio" s JOIN "User" u ON u."studioId" = s.id AND u.email = $2 WHERE s.slug = $1`,
      [BIG_STUDIO.slug, BIG_STUDIO.email, BIG_STUDIO.calendarToken],
    );
    if (!rows[0]) throw new Error("no big studio: generate the data first");
    return rows[0];
  } finally {
    await client.end();
  }
}

export async function signInBig(url: string): Promise<string> {
  const session = new HttpSession(url);
  await session.signIn(BIG_STUDIO.email, BIG_STUDIO.password);
  return session.cookieHeader();
}

/** Signed-in GETs of pages that only read: the dashboard, the lead list and a lead. */
export function readers(ctx: DrillContext): TrafficRequest[] {
  const headers = { cookie: ctx.cookie };
  return [
    { label: "GET /dashboard", path: "/dashboard", headers, judge: expectOk },
    { label: "GET /leads", path: "/leads", headers, judge: expectOk },
    { label: "GET /leads/[id]", path: `/leads/${ctx.big.leadId}`, headers, judge: expectOk },
  ];
}

export type WriteOutcome = "saved" | "read-only" | "failed";

/** What each write of a drill answered, by its unique email. */
export class WriteLedger {
  readonly outcomes = new Map<string, WriteOutcome>();
  constructor(readonly tag: string) {}

  emailFor(n: number) {
    return `drill-${this.tag}-${n}@example.com`;
  }

  count(outcome: WriteOutcome) {
    return [...this.outcomes.values()].filter((o) => o === outcome).length;
  }

  /**
   * Compares the answers with the database: a saved write that is missing is data lost; a write
   * answered "read-only" that exists anyway was half-done. Failed writes (their node died under
   * them) may or may not have committed: the client cannot know, and they are reported as such.
   */
  async verify(url: string, studioId: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ email: string }>(
        `SELECT email FROM "Lead" WHERE "studioId" = $1 AND email LIKE $2`,
        [studioId, `drill-${this.tag}-%`],
      );
      const stored = new Set(rows.map((r) => r.email));
      const of = (o: WriteOutcome) => [...this.outcomes].filter(([, v]) => v === o).map(([k]) => k);
      return {
        saved: this.count("saved"),
        readOnly: this.count("read-only"),
        failed: this.count("failed"),
        lost: of("saved").filter((e) => !stored.has(e)).length,
        readOnlyButStored: of("read-only").filter((e) => stored.has(e)).length,
        failedButStored: of("failed").filter((e) => stored.has(e)).length,
      };
    } finally {
      await client.end();
    }
  }
}

/**
 * Creates leads through the New lead form's server action, each with a unique email. `readOnly`:
 * the answer "ShootQ is read-only for a moment" is an expected outcome (the primary is down).
 */
export function writer(
  ctx: DrillContext,
  ledger: WriteLedger,
  opts: { origin: string; readOnly?: () => boolean },
): TrafficRequest {
  const action = findServerAction(ctx.actions, "createLeadAction");
  const probe = encodeActionBody({});
  return {
    label: "POST create lead",
    method: "POST",
    path: "/leads/new",
    headers: { cookie: ctx.cookie, ...actionHeaders(action, probe, opts.origin) },
    body: (n) =>
      encodeActionBody({
        name: `Drill ${ledger.tag} ${n}`,
        email: ledger.emailFor(n),
        eventType: "wedding",
        message: "written during a drill",
      }).body,
    judge(answer: Answer, n: number) {
      const email = ledger.emailFor(n);
      if (answer.status === 200 && answer.headers["x-action-redirect"]) {
        ledger.outcomes.set(email, "saved");
        return null;
      }
      const state = answer.status === 200 ? parseActionState(answer.text) : null;
      if (state?.message === READ_ONLY_MESSAGE) {
        ledger.outcomes.set(email, "read-only");
        return opts.readOnly?.() ? null : `answered read-only while the primary was up`;
      }
      ledger.outcomes.set(email, "failed");
      return `HTTP ${answer.status}${state?.message ? ` "${state.message}"` : ""}`;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `test` every 250 ms until it holds; resolves with the seconds it took, or null on timeout. */
export async function waitUntil(test: () => Promise<boolean>, timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await test().catch(() => false)) return (Date.now() - started) / 1000;
    await sleep(250);
  }
  return null;
}

type Health = { status: string; replicas: { name: string; inRotation: boolean; reason: string | null }[] };

/** Every node's own /api/health (nginx would answer from one of them only). */
export async function nodeHealth(nodeUrls: string[]): Promise<Health[]> {
  return Promise.all(
    nodeUrls.map(async (u) => {
      const res = await fetch(`${u}/api/health`, {
        headers: { authorization: `Bearer ${localSecrets().OPERATOR_TOKEN}` },
        signal: AbortSignal.timeout(3_000),
      });
      return (await res.json()) as Health;
    }),
  );
}

export function summarize(
  id: string,
  name: string,
  started: number,
  checks: Check[],
  rest: Partial<DrillResult>,
): DrillResult {
  return {
    id,
    name,
    ran: true,
    passed: checks.every((c) => c.ok),
    sent: 0,
    failed: 0,
    dataLost: 0,
    details: {},
    failures: [],
    ...rest,
    checks,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
