import pg from "pg";
import { REVOCATION_CHANNEL, SESSION_MAX_AGE_SECONDS, type RevocationNotice } from "@/lib/auth/sessions";

/** What a sign-in cookie names: its session, its user and when the session began (database clock, ms). */
export type SessionRef = { sessionId: string; userId: string; createdAt: number };

type Options = {
  databaseUrl: string;
  /** Asks the database whether a session is still signed in, for while this node cannot listen. */
  checkInDatabase: (ref: SessionRef) => Promise<boolean>;
  log?: (entry: Record<string, unknown>) => void;
  /** How often the listening connection proves it is alive; unanswered by then, it is lost. */
  heartbeatMs?: number;
};

const MAX_RETRY_MS = 5_000;
/** Longest the connection's setup (LISTEN and the loads) may take before it is tried again. */
const SETUP_TIMEOUT_MS = 10_000;

/**
 * Every node's copy of the revoked sessions and of each user's "sessions valid after" time, so
 * that checking a session costs no query. Loaded from the primary after LISTEN starts and kept
 * current by the notices revoking transactions send on commit. Revocation only ever grows (a
 * revoked session is never valid again, a user's time only moves forward), so merging a reload
 * into what is known is always right. While the listening connection is down (starting,
 * reconnecting) nothing in memory is trusted: each check asks the database instead.
 */
export class SessionRevocations {
  private readonly revoked = new Map<string, number>();
  private readonly validAfter = new Map<string, number>();
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private retryMs = 250;
  private heartbeatInFlight = false;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly options: Options) {}

  get isListening(): boolean {
    return this.listening;
  }

  start(): this {
    void this.connect();
    const sweep = setInterval(() => this.sweep(), 60_000);
    const heartbeat = setInterval(() => void this.heartbeat(), this.heartbeatMs);
    sweep.unref();
    heartbeat.unref();
    this.timers.push(sweep, heartbeat);
    return this;
  }

  private get heartbeatMs(): number {
    return this.options.heartbeatMs ?? 5_000;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    for (const t of this.timers) clearInterval(t);
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  /** Whether the session a cookie names is still signed in. */
  async isActive(ref: SessionRef): Promise<boolean> {
    if (this.listening) return this.isActiveInMemory(ref);
    return this.options.checkInDatabase(ref);
  }

  private isActiveInMemory({ sessionId, userId, createdAt }: SessionRef): boolean {
    if (this.revoked.has(sessionId)) return false;
    const after = this.validAfter.get(userId);
    return after === undefined || createdAt > after;
  }

  private apply(notice: RevocationNotice) {
    if ("sessionId" in notice) this.revoked.set(notice.sessionId, notice.expiresAt);
    else this.validAfter.set(notice.userId, Math.max(notice.validAfter, this.validAfter.get(notice.userId) ?? 0));
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: "shootq-revocations",
      keepAlive: true,
      connectionTimeoutMillis: 3_000,
      query_timeout: SETUP_TIMEOUT_MS,
    });
    this.client = client;
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (message.channel !== REVOCATION_CHANNEL || !message.payload) return;
      try {
        this.apply(JSON.parse(message.payload) as RevocationNotice);
      } catch (error) {
        this.options.log?.({ msg: "unreadable revocation notice", error: String(error) });
      }
    });
    try {
      await client.connect();
      // Listening first, then loading: a revocation committed in between is in one or the other.
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
      const sessions = await client.query<{ id: string; expiresAt: Date }>(
        `SELECT id, "expiresAt" FROM "Session" WHERE "revokedAt" IS NOT NULL AND "expiresAt" > now()`,
      );
      const users = await client.query<{ id: string; validAfter: Date }>(
        `SELECT id, "sessionsValidAfter" AS "validAfter" FROM "User" WHERE "sessionsValidAfter" > now() - make_interval(secs => $1)`,
        [SESSION_MAX_AGE_SECONDS],
      );
      if (this.client !== client) return;
      for (const s of sessions.rows) this.apply({ sessionId: s.id, expiresAt: s.expiresAt.getTime() });
      for (const u of users.rows) this.apply({ userId: u.id, validAfter: u.validAfter.getTime() });
      this.listening = true;
      this.retryMs = 250;
      this.options.log?.({
        msg: "session revocations loaded",
        revoked: this.revoked.size,
        users: this.validAfter.size,
      });
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: pg.Client, error?: unknown) {
    if (this.client !== client) return;
    this.client = null;
    if (this.listening)
      this.options.log?.({
        msg: "session revocations not listening; checking sessions in the database",
        error: error ? String(error) : undefined,
      });
    this.listening = false;
    client.end().catch(() => {});
    if (this.stopped) return;
    const timer = setTimeout(() => void this.connect(), this.retryMs);
    timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  // A connection can die without a word (a network partition): the notices stop coming and nothing
  // says so, while this node goes on trusting what it has. A heartbeat unanswered by the time the
  // next is due counts the connection lost; one at a time, never queued behind a stalled one.
  private async heartbeat() {
    const client = this.client;
    if (!client || !this.listening || this.heartbeatInFlight) return;
    this.heartbeatInFlight = true;
    let timer: NodeJS.Timeout | undefined;
    const unanswered = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer to a heartbeat in ${this.heartbeatMs} ms`)),
        this.heartbeatMs,
      );
    });
    try {
      await Promise.race([client.query("SELECT 1"), unanswered]);
    } catch (error) {
      this.lost(client, error);
    } finally {
      clearTimeout(timer);
      this.heartbeatInFlight = false;
    }
  }

  private sweep(now = Date.now()) {
    for (const [id, expiresAt] of this.revoked) if (expiresAt <= now) this.revoked.delete(id);
    for (const [id, after] of this.validAfter)
      if (after + SESSION_MAX_AGE_SECONDS * 1000 <= now) this.validAfter.delete(id);
  }
}
