// `tsx scripts/bench/generate.ts --scale 1.0`: benchmark data, generated inside PostgreSQL with
// multi-row INSERT … SELECT FROM generate_series. Running it again with a larger scale tops the
// data up to that scale (rows are counted, only the missing ones are added).
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { EVENT_TYPES, FIRST_NAMES, LAST_NAMES, LOCATIONS } from "../../prisma/factories.ts";

/** The volume at scale 1.0. Events and tasks come per job, notifications per lead. */
export const FULL_SCALE = {
  studios: 2_000,
  leads: 400_000,
  jobs: 100_000,
  eventsPerJob: 3,
  tasksPerJob: 10,
  /** 2 or 3 per lead: 1,000,000 at scale 1.0. */
  notificationsPerLead: 2.5,
  bigLeads: 20_000,
  bigJobs: 5_000,
} as const;

/** The big studio's owner; their calendar feed token is fixed so the drills can poll the feed (only its hash is stored). */
export const BIG_STUDIO = {
  slug: "big-studio",
  name: "Big Studio",
  email: "big@shootq.local",
  password: "bench-password-2026",
  calendarToken: "shootq-bench-calendar-big-0123456789",
} as const;
/** Every generated owner signs in with this password: owner-00002@bench.shootq.local … */
export const BENCH_PASSWORD = BIG_STUDIO.password;
const STUDIO_SLUG_PREFIX = "bench-studio-";

export type ScaleCounts = {
  studios: number;
  leads: number;
  jobs: number;
  contacts: number;
  events: number;
  tasks: number;
  notifications: number;
};

export type ScaleReport = {
  scale: number;
  /** Rows in the generated studios once done (the big one included). */
  counts: ScaleCounts;
  big: {
    studioId: string;
    ownerId: string;
    leads: number;
    jobs: number;
    events: number;
    tasks: number;
    notifications: number;
  };
  /** Rows added by this run. */
  added: ScaleCounts;
  ms: number;
  steps: { step: string; rows: number; ms: number }[];
  foreignKeyChecks: boolean;
};

const WORKFLOW_STEPS = [
  "Send welcome packet",
  "Schedule engagement session",
  "Confirm timeline",
  "Final walkthrough call",
  "Cull and edit",
  "Deliver sneak peeks",
  "Deliver full gallery",
  "Album design",
  "Album proofs approved",
  "Order album",
];

const EVENT_NAMES = ["Engagement session", "Wedding day", "Album review"];

const zero = (): ScaleCounts => ({ studios: 0, leads: 0, jobs: 0, contacts: 0, events: 0, tasks: 0, notifications: 0 });

/** Row targets for a scale: the big studio's share and everyone else's. */
export function targetsFor(scale: number) {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10)
    throw new Error(`scale must be a number above 0 and at most 10 (got ${scale})`);
  const r = (n: number) => Math.round(n * scale);
  const studios = Math.max(1, r(FULL_SCALE.studios));
  const bigLeads = r(FULL_SCALE.bigLeads);
  const bigJobs = r(FULL_SCALE.bigJobs);
  const otherStudios = studios - 1;
  return {
    otherStudios,
    bigLeads,
    bigJobs,
    otherLeads: otherStudios > 0 ? r(FULL_SCALE.leads) - bigLeads : 0,
    otherJobs: otherStudios > 0 ? r(FULL_SCALE.jobs) - bigJobs : 0,
  };
}

// Row g's pseudo-random fraction in [0, 1): spreads dates and picks the same way at any scale.
const spread = (g: string, salt: number) => `(((${g})::bigint * 2654435761 + ${salt}) % 1000003)::float8 / 1000003`;

type Step = <T = unknown>(
  label: string,
  sql: string,
  params?: unknown[],
) => Promise<pg.QueryResult<T & pg.QueryResultRow>>;

async function ensureStudios(q: Step, db: pg.Client, otherTarget: number, passwordHash: string) {
  await q(
    "big studio",
    `WITH s AS (
       INSERT INTO "Studio"(id, name, slug, "timeZone") VALUES (uuidv7()::text, $1, $2, 'America/New_York')
       ON CONFLICT (slug) DO NOTHING RETURNING id),
     b AS (INSERT INTO "Brand"(id, "studioId", name) SELECT uuidv7()::text, s.id, x.name FROM s, (VALUES ('Big Studio Weddings'), ('Big Studio Portraits')) x(name))
     INSERT INTO "User"(id, "studioId", email, name, "passwordHash", role, "calendarTokenHash", "emailVerifiedAt")
     SELECT uuidv7()::text, s.id, $3, 'Morgan Big', $4, 'OWNER', encode(sha256(convert_to($5, 'UTF8')), 'hex'), now()
     FROM s`,
    [BIG_STUDIO.name, BIG_STUDIO.slug, BIG_STUDIO.email, passwordHash, BIG_STUDIO.calendarToken],
  );
  const existing = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Studio" WHERE slug LIKE $1`, [
    `${STUDIO_SLUG_PREFIX}%`,
  ]);
  const have = existing.rows[0].n;
  if (otherTarget > have) {
    // Studio n gets slug bench-studio-0000n, brand "Weddings", and "Portraits" when n is even.
    await q(
      "studios, brands and owners",
      `WITH s AS MATERIALIZED (
         SELECT uuidv7()::text AS id, n FROM generate_series($1::int, $2::int) n),
       ins AS (
         INSERT INTO "Studio"(id, name, slug, "timeZone", "createdAt")
         SELECT id, 'Bench Studio ' || n, $3 || lpad(n::text, 5, '0'),
                (ARRAY['America/New_York','America/Chicago','America/Los_Angeles','Europe/London','Australia/Sydney'])[1 + n % 5],
                now() - (n % 1500) * interval '1 day'
         FROM s),
       b AS (
         INSERT INTO "Brand"(id, "studioId", name)
         SELECT uuidv7()::text, s.id, x.name FROM s JOIN (VALUES (0, 'Weddings'), (1, 'Portraits')) x(k, name) ON x.k = 0 OR s.n % 2 = 0)
       INSERT INTO "User"(id, "studioId", email, name, "passwordHash", role, "calendarTokenHash", "emailVerifiedAt")
       SELECT uuidv7()::text, s.id, 'owner-' || lpad(n::text, 5, '0') || '@bench.shootq.local', 'Owner ' || n, $4, 'OWNER',
              encode(sha256(convert_to('shootq-bench-calendar-' || n, 'UTF8')), 'hex'), now()
       FROM s`,
      [have + 1, otherTarget, STUDIO_SLUG_PREFIX, passwordHash],
    );
  }
  await db.query(`DROP TABLE IF EXISTS bench_studios`);
  // Numbered 0..N-1 so row g of any table belongs to studio g % N.
  await db.query(
    `CREATE TEMP TABLE bench_studios AS
     SELECT (row_number() OVER (ORDER BY s.slug) - 1)::int AS n, s.id,
            (SELECT b.id FROM "Brand" b WHERE b."studioId" = s.id AND b.name = 'Weddings') AS brand1,
            (SELECT b.id FROM "Brand" b WHERE b."studioId" = s.id AND b.name = 'Portraits') AS brand2
     FROM "Studio" s WHERE s.slug LIKE $1 AND s.slug <= $2`,
    [`${STUDIO_SLUG_PREFIX}%`, `${STUDIO_SLUG_PREFIX}${String(otherTarget).padStart(5, "0")}`],
  );
  await db.query(`CREATE UNIQUE INDEX ON bench_studios(n)`);
  await db.query(`ANALYZE bench_studios`);
  const big = await db.query<{ studioId: string; ownerId: string; brand1: string; brand2: string }>(
    `SELECT s.id AS "studioId", u.id AS "ownerId",
            (SELECT id FROM "Brand" WHERE "studioId" = s.id ORDER BY name DESC LIMIT 1) AS brand1,
            (SELECT id FROM "Brand" WHERE "studioId" = s.id ORDER BY name ASC LIMIT 1) AS brand2
     FROM "Studio" s JOIN "User" u ON u."studioId" = s.id AND u.role = 'OWNER' WHERE s.slug = $1 ORDER BY u."createdAt" LIMIT 1`,
    [BIG_STUDIO.slug],
  );
  const studios = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_studios`);
  return { big: big.rows[0], studioCount: studios.rows[0].n };
}

/**
 * Leads g in [from, to] and their notifications (2 or 3 each). `studio` is the SQL that picks
 * the studio row for g: the big studio, or bench_studios row g % N.
 */
async function insertLeads(
  q: Step,
  label: string,
  from: number,
  to: number,
  source: { join: string; params: unknown[] },
) {
  if (to < from) return 0;
  const p = source.params.length;
  const res = await q(
    `${label}: ${(to - from + 1).toLocaleString("en-US")} leads, their notifications`,
    `WITH src AS MATERIALIZED (
       SELECT g, uuidv7()::text AS id, st.id AS studio_id,
              CASE WHEN g % 10 = 0 THEN NULL WHEN st.brand2 IS NOT NULL AND g % 3 = 0 THEN st.brand2 ELSE st.brand1 END AS brand_id,
              $${p + 1}::text[] AS firsts, $${p + 2}::text[] AS lasts,
              (1 + (g * 7) % 30)::int AS fi, (1 + (g * 13 + g / 30) % 30)::int AS li,
              now() - ${spread("g", 11)} * interval '1095 days' AS created
       FROM generate_series($${p + 3}::int, $${p + 4}::int) g ${source.join}),
     leads AS (
       INSERT INTO "Lead"(id, "studioId", "brandId", name, email, phone, "eventType", "eventDate", message, status, source, "createdAt", "updatedAt")
       SELECT id, studio_id, brand_id, firsts[fi] || ' ' || lasts[li],
              lower(firsts[fi] || '.' || lasts[li]) || '.' || g || '@example.com',
              CASE WHEN g % 4 = 0 THEN NULL ELSE '(555) 01' || (g % 10) || '-' || lpad((g % 10000)::text, 4, '0') END,
              ($${p + 5}::text[])[1 + g % 4],
              CASE WHEN g % 7 = 0 THEN NULL ELSE (created + (30 + (g * 17) % 540) * interval '1 day')::date END,
              CASE WHEN g % 3 = 0 THEN NULL ELSE 'We love your work! Are you available for our date? Inquiry #' || g END,
              -- Recent leads are mostly new; older ones have moved along the pipeline.
              (CASE WHEN created > now() - interval '21 days' AND g % 4 <> 0 THEN 'NEW'
                    ELSE (ARRAY['NEW','CONTACTED','PROPOSAL_SENT','BOOKED','LOST','LOST','BOOKED','CONTACTED'])[1 + (g * 3) % 8] END)::"LeadStatus",
              CASE WHEN g % 5 = 0 THEN 'website' ELSE 'inquiry' END,
              created, created + interval '2 days'
       FROM src)
     INSERT INTO "Notification"(id, "studioId", kind, message, link, "createdAt")
     SELECT uuidv7()::text, src.studio_id, x.kind,
            CASE x.k WHEN 0 THEN 'You have a new lead from ' || firsts[fi] || ' ' || lasts[li]
                     WHEN 1 THEN firsts[fi] || ' ' || lasts[li] || ' opened your reply'
                     ELSE firsts[fi] || ' ' || lasts[li] || ' answered your questionnaire' END,
            '/leads/' || src.id, src.created + x.k * interval '3 hours'
     FROM src JOIN (VALUES (0, 'lead.created'), (1, 'lead.replied'), (2, 'questionnaire.submitted')) x(k, kind) ON x.k < 2 + src.g % 2`,
    [...source.params, FIRST_NAMES, LAST_NAMES, from, to, [...EVENT_TYPES]],
  );
  return res.rowCount ?? 0;
}

/** Jobs g in [from, to] with a contact each, 3 events and 10 workflow tasks. */
async function insertJobs(
  q: Step,
  db: pg.Client,
  label: string,
  from: number,
  to: number,
  source: { join: string; params: unknown[] },
  withProposals: boolean,
) {
  if (to < from) return;
  const p = source.params.length;
  await db.query(`DROP TABLE IF EXISTS bench_jobs`);
  await q(
    `${label}: plan`,
    `CREATE TEMP TABLE bench_jobs AS
     SELECT g, uuidv7()::text AS id, uuidv7()::text AS contact_id, st.id AS studio_id,
            CASE WHEN st.brand2 IS NOT NULL AND g % 3 = 0 THEN st.brand2 ELSE st.brand1 END AS brand_id,
            (1 + (g * 11) % 30)::int AS fi, (1 + (g * 19 + g / 30) % 30)::int AS li,
            -- Dates from 15 months ago to 15 months ahead: the dashboard has a past and a future.
            CASE WHEN g % 20 = 0 THEN NULL ELSE current_date + (${spread("g", 5)} * 900)::int - 450 END AS date,
            current_date + (${spread("g", 5)} * 900)::int - 450 AS anchor
     FROM generate_series($${p + 1}::int, $${p + 2}::int) g ${source.join}`,
    [...source.params, from, to],
  );
  await q(
    `${label}: contacts`,
    `INSERT INTO "Contact"(id, "studioId", name, email, phone, "createdAt")
     SELECT contact_id, studio_id, ($1::text[])[fi] || ' ' || ($2::text[])[li],
            lower(($1::text[])[fi] || '.' || ($2::text[])[li]) || '.j' || g || '@example.com',
            '(555) 02' || (g % 10) || '-' || lpad((g % 10000)::text, 4, '0'), anchor - interval '200 days'
     FROM bench_jobs`,
    [FIRST_NAMES, LAST_NAMES],
  );
  await q(
    `${label}: jobs`,
    `INSERT INTO "Job"(id, "studioId", "brandId", "contactId", title, type, date, status, "createdAt")
     SELECT id, studio_id, brand_id, contact_id, ($1::text[])[li] || ' ' || (ARRAY['wedding','portraits','event','headshots'])[1 + g % 4],
            ($2::text[])[1 + g % 4],
            date,
            (CASE WHEN g % 19 = 0 THEN 'CANCELLED'
                  WHEN anchor < current_date THEN (ARRAY['COMPLETED','COMPLETED','COMPLETED','BOOKED'])[1 + g % 4]
                  ELSE (ARRAY['BOOKED','BOOKED','PROPOSED','LEAD'])[1 + g % 4] END)::"JobStatus",
            anchor - interval '200 days'
     FROM bench_jobs`,
    [LAST_NAMES, [...EVENT_TYPES]],
  );
  await q(
    `${label}: events`,
    `INSERT INTO "Event"(id, "studioId", "jobId", name, "startsAt", "endsAt", location, "isShoot")
     SELECT uuidv7()::text, j.studio_id, j.id, ($1::text[])[k + 1],
            (j.anchor + (ARRAY[-60, 0, 30])[k + 1])::timestamp + ((9 + (j.g + k) % 9) * interval '1 hour'),
            (j.anchor + (ARRAY[-60, 0, 30])[k + 1])::timestamp + ((11 + (j.g + k) % 9) * interval '1 hour'),
            ($2::text[])[1 + (j.g + k) % ${LOCATIONS.length}], k < 2
     FROM bench_jobs j CROSS JOIN generate_series(0, ${FULL_SCALE.eventsPerJob - 1}) k`,
    [EVENT_NAMES, LOCATIONS],
  );
  await q(
    `${label}: tasks`,
    `INSERT INTO "Task"(id, "studioId", "jobId", workflow, position, name, "dueAt", "completedAt", "createdAt")
     SELECT uuidv7()::text, j.studio_id, j.id, 'Wedding album', k, ($1::text[])[k + 1], due,
            CASE WHEN due < now() - interval '3 days' AND (j.g + k) % 13 <> 0 THEN due ELSE NULL END,
            j.anchor - interval '200 days'
     FROM bench_jobs j CROSS JOIN generate_series(0, ${FULL_SCALE.tasksPerJob - 1}) k
     CROSS JOIN LATERAL (SELECT (j.anchor + (k * 9 - 40))::timestamp + interval '10 hours' AS due) d`,
    [WORKFLOW_STEPS],
  );
  if (withProposals) {
    // The big studio's dashboard counts bookings to review: every other job has a proposal,
    // every fourth an accepted one with a booking, one in twenty of those awaiting review.
    await q(
      `${label}: proposals`,
      `INSERT INTO "Proposal"(id, "studioId", "jobId", title, "depositCents", "expiresAt", status, "tokenHash", "sentAt", "respondedAt", "createdAt")
       SELECT md5('shootq-bench-proposal-' || j.id)::uuid::text, j.studio_id, j.id, 'Collection ' || (1 + j.g % 3), 50000,
              j.anchor + interval '30 days', (CASE WHEN j.g % 4 = 0 THEN 'ACCEPTED' ELSE 'SENT' END)::"ProposalStatus",
              encode(sha256(convert_to('shootq-bench-proposal-token-' || j.id, 'UTF8')), 'hex'), j.anchor - interval '150 days',
              CASE WHEN j.g % 4 = 0 THEN j.anchor - interval '140 days' END, j.anchor - interval '150 days'
       FROM bench_jobs j WHERE j.g % 2 = 0`,
    );
    await q(
      `${label}: bookings`,
      `INSERT INTO "Booking"(id, "studioId", "jobId", "proposalId", status, "createdAt", "confirmedAt")
       SELECT uuidv7()::text, j.studio_id, j.id, md5('shootq-bench-proposal-' || j.id)::uuid::text,
              (CASE WHEN j.g % 20 = 0 THEN 'PENDING_REVIEW' ELSE 'CONFIRMED' END)::"BookingStatus",
              LEAST(now(), j.anchor - interval '140 days'), CASE WHEN j.g % 20 <> 0 THEN LEAST(now(), j.anchor - interval '139 days') END
       FROM bench_jobs j WHERE j.g % 4 = 0`,
    );
  }
}

async function countIn(db: pg.Client, table: string, where: string, params: unknown[] = []): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" t WHERE ${where}`, params);
  return r.rows[0].n;
}

async function countAll(
  db: pg.Client,
  bigId: string,
): Promise<{ all: ScaleCounts; big: Omit<ScaleReport["big"], "studioId" | "ownerId"> }> {
  const inBench = `(t."studioId" = $1 OR t."studioId" IN (SELECT id FROM bench_studios))`;
  const bigOnly = `t."studioId" = $1`;
  const all = zero();
  const big = { leads: 0, jobs: 0, events: 0, tasks: 0, notifications: 0 };
  all.studios = (await db.query<{ n: number }>(`SELECT count(*)::int + 1 AS n FROM bench_studios`)).rows[0].n;
  for (const [key, table] of [
    ["leads", "Lead"],
    ["jobs", "Job"],
    ["contacts", "Contact"],
    ["events", "Event"],
    ["tasks", "Task"],
    ["notifications", "Notification"],
  ] as const) {
    all[key] = await countIn(db, table, inBench, [bigId]);
    if (key !== "contacts") big[key] = await countIn(db, table, bigOnly, [bigId]);
  }
  return { all, big };
}

/** Tries to skip foreign-key triggers for this session (superusers only); the data is consistent by construction. */
async function skipForeignKeyChecks(db: pg.Client): Promise<boolean> {
  try {
    await db.query("SET session_replication_role = replica");
    return true;
  } catch {
    return false;
  }
}

/**
 * Generates (or tops up to) `scale` × FULL_SCALE rows in the database at `databaseUrl`, which
 * must be migrated. Safe to run again: what exists is counted and only the rest is added.
 */
export async function generateScaleData(
  databaseUrl: string,
  { scale, log = () => {} }: { scale: number; log?: (line: string) => void },
): Promise<ScaleReport> {
  const t = targetsFor(scale);
  const started = performance.now();
  const db = new pg.Client({ connectionString: databaseUrl, application_name: "shootq-bench-generate" });
  await db.connect();
  const steps: ScaleReport["steps"] = [];
  const q: Step = async (label, sql, params) => {
    const t0 = performance.now();
    const res = await db.query(sql, params);
    const ms = Math.round(performance.now() - t0);
    steps.push({ step: label, rows: res.rowCount ?? 0, ms });
    log(`${label}: ${(res.rowCount ?? 0).toLocaleString("en-US")} rows in ${(ms / 1000).toFixed(1)} s`);
    return res as never;
  };
  const benchStudios = async () =>
    (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Studio" WHERE slug = $1 OR slug LIKE $2`, [
        BIG_STUDIO.slug,
        `${STUDIO_SLUG_PREFIX}%`,
      ])
    ).rows[0].n;
  try {
    const foreignKeyChecks = !(await skipForeignKeyChecks(db));
    await db.query(
      "SET TIME ZONE 'UTC'; SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'",
    );
    // Hash once: every generated owner shares the password, and argon2 takes ~50 ms per hash.
    const passwordHash = await hash(BENCH_PASSWORD);

    const studiosBefore = await benchStudios();
    await db.query("BEGIN");
    const { big, studioCount } = await ensureStudios(q, db, t.otherStudios, passwordHash);
    await db.query("COMMIT");
    const before = await countAll(db, big.studioId);

    const bigSource = {
      join: `CROSS JOIN (SELECT $1::text AS id, $2::text AS brand1, $3::text AS brand2) st`,
      params: [big.studioId, big.brand1, big.brand2],
    };
    const otherSource = { join: `JOIN bench_studios st ON st.n = g % ${Math.max(studioCount, 1)}`, params: [] };
    const otherLeadsHave = before.all.leads - before.big.leads;
    const otherJobsHave = before.all.jobs - before.big.jobs;

    // One transaction per group, so an interrupted run leaves whole leads (with their
    // notifications) and whole jobs (with contact, events and tasks) for the next run to count.
    await db.query("BEGIN");
    await insertLeads(q, "big studio", before.big.leads + 1, t.bigLeads, bigSource);
    await db.query("COMMIT");
    await db.query("BEGIN");
    await insertJobs(q, db, "big studio", before.big.jobs + 1, t.bigJobs, bigSource, true);
    await db.query("COMMIT");
    if (studioCount > 0) {
      await db.query("BEGIN");
      await insertLeads(q, "other studios", otherLeadsHave + 1, t.otherLeads, otherSource);
      await db.query("COMMIT");
      await db.query("BEGIN");
      await insertJobs(q, db, "other studios", otherJobsHave + 1, t.otherJobs, otherSource, false);
      await db.query("COMMIT");
    }
    // The owner has read all but the last week's notifications.
    await q(
      "big studio: notifications read",
      `INSERT INTO "NotificationRead"("studioId", "notificationId", "userId", "readAt")
       SELECT n."studioId", n.id, $2, n."createdAt" + interval '1 hour' FROM "Notification" n
       WHERE n."studioId" = $1 AND n."createdAt" < now() - interval '7 days'
       ON CONFLICT DO NOTHING`,
      [big.studioId, big.ownerId],
    );
    // Planner statistics, the GIN pending lists merged, and the visibility map set (index-only scans).
    const t0 = performance.now();
    await db.query(
      `VACUUM ANALYZE "Studio", "Brand", "User", "Lead", "Contact", "Job", "Event", "Task", "Notification", "NotificationRead", "Proposal", "Booking"`,
    );
    steps.push({ step: "vacuum analyze", rows: 0, ms: Math.round(performance.now() - t0) });
    log(`vacuum analyze in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const after = await countAll(db, big.studioId);
    const added = zero();
    for (const k of Object.keys(added) as (keyof ScaleCounts)[]) added[k] = after.all[k] - before.all[k];
    added.studios = (await benchStudios()) - studiosBefore;
    return {
      scale,
      counts: after.all,
      big: { studioId: big.studioId, ownerId: big.ownerId, ...after.big },
      added,
      ms: Math.round(performance.now() - started),
      steps,
      foreignKeyChecks,
    };
  } catch (e) {
    await db.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await db.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "1.0" }, url: { type: "string" } },
    strict: true,
  });
  const url = values.url ?? process.env.DATABASE_URL ?? "postgresql://shootq:shootq@127.0.0.1:54320/shootq";
  const report = await generateScaleData(url, {
    scale: Number(values.scale),
    log: (l) => console.log(`[generate] ${l}`),
  });
  console.log(
    `[generate] scale ${report.scale}: ${Object.entries(report.counts)
      .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
      .join(
        ", ",
      )} in ${(report.ms / 1000).toFixed(1)} s${report.foreignKeyChecks ? " (foreign keys checked: connect as a superuser to skip)" : ""}`,
  );
  console.log(`[generate] big studio: sign in as ${BIG_STUDIO.email} / ${BIG_STUDIO.password}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`[generate] ${(e as Error).message}`);
    process.exit(1);
  });
}
