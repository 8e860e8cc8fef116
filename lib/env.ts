import { z } from "zod";

// Development-only fallbacks. Production refuses them (see refine below), so a node started
// with NODE_ENV=production and no real secrets never comes up.
const DEV_SESSION_SECRET = "dev-only-session-secret-change-me-0123456789";
const DEV_AUTH_SECRET = "dev-only-auth-secret-change-me-0123456789abcd";
const DEV_LINK_SECRET = "dev-only-link-secret-change-me-0123456789abcd";

const secret = z.string().min(32, "must be at least 32 characters");
const urlList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url()));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url(),
    DATABASE_REPLICA_URLS: urlList,
    SESSION_SECRET: secret.default(DEV_SESSION_SECRET),
    SESSION_SECRET_PREVIOUS: secret.optional(),
    NEXTAUTH_SECRET: secret.default(DEV_AUTH_SECRET),
    /** Derives the tokens in emailed links; every node and the worker share it. */
    LINK_SECRET: secret.default(DEV_LINK_SECRET),
    SECURE_COOKIES: z.enum(["true", "false"]).optional(),
    REPLICA_MAX_LAG_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(16 * 1024 * 1024),
    REPLICA_MAX_LAG_SECONDS: z.coerce.number().positive().default(30),
    READ_PIN_SECONDS: z.coerce.number().int().positive().default(60),
    DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
    SMTP_URL: z.string().default("smtp://127.0.0.1:1025"),
    MAIL_FROM: z.string().default("ShootQ <no-reply@shootq.local>"),
    /**
     * Where bounces come back: each email's envelope sender is this address with the email named
     * (bounces+<id>.<signature>@domain). Unset: MAIL_FROM's address, and bounces are not read.
     */
    BOUNCE_ADDRESS: z.email().optional(),
    /** The worker's SMTP port for bounce reports (BOUNCE_ADDRESS's MX, or a relay forwarding to it). */
    BOUNCE_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** The interface it listens on (127.0.0.1 unless the reports come from another machine). */
    BOUNCE_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
    APP_URL: z.url().optional(),
    NEXTAUTH_URL: z.url().optional(),
    /** Proxies in front of the app that append to X-Forwarded-For (1 behind the bundled nginx). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Card payments through Stripe; without both, clients see the studio's offline instructions. */
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** Where the Stripe API is: only set to point the client at a local stand-in. */
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
    /** Shows operators the details of /api/health (Authorization: Bearer <token>); unset: nobody sees them. */
    OPERATOR_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /** Emails one studio may send to others per day (proposals, questionnaires, invitations...). */
    STUDIO_DAILY_EMAIL_QUOTA: z.coerce.number().int().min(0).default(300),
    /** Invitations one studio may send per hour. */
    STUDIO_HOURLY_INVITE_LIMIT: z.coerce.number().int().min(0).default(20),
    /** Inquiries one client address may send per hour (the public page and the embeddable form together). */
    INQUIRY_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(5),
    /** Requests one API token may make per minute (counted in the database, so across nodes). */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /**
     * Webhooks to loopback and private addresses (and over plain http): "1" outside production
     * (tests, local receivers); "always" also under NODE_ENV=production, for the test setups that
     * run the production build against a receiver on the same machine. Never on a real deployment.
     */
    WEBHOOKS_ALLOW_PRIVATE: z.enum(["0", "1", "always"]).default("0"),
    /** "1": /empty, the bench's signed-in empty page (app/(studio)/empty/page.tsx), exists; otherwise a 404. */
    BENCH_PAGES: z.enum(["0", "1"]).default("0"),
  })
  .superRefine((e, ctx) => {
    // A pin must outlive the lag a replica in rotation may have (plus the 1 s its measurement may
    // be old), or a page could be read from a replica that has not replayed the write yet.
    if (e.READ_PIN_SECONDS <= e.REPLICA_MAX_LAG_SECONDS + 1) {
      ctx.addIssue({
        code: "custom",
        path: ["READ_PIN_SECONDS"],
        message: `must exceed REPLICA_MAX_LAG_SECONDS + 1 (${e.REPLICA_MAX_LAG_SECONDS + 1}): a write's pin would expire while a replica in rotation may still lack it`,
      });
    }
    const sameDatabase = (a: string, b: string) => {
      if (!URL.canParse(a) || !URL.canParse(b)) return false; // reported as not a URL already
      const [x, y] = [new URL(a), new URL(b)];
      return x.hostname === y.hostname && (x.port || "5432") === (y.port || "5432") && x.pathname === y.pathname;
    };
    e.DATABASE_REPLICA_URLS.forEach((url, i) => {
      if (sameDatabase(url, e.DATABASE_URL)) {
        ctx.addIssue({
          code: "custom",
          path: ["DATABASE_REPLICA_URLS"],
          message: `entry ${i + 1} is the primary (DATABASE_URL); list only streaming replicas`,
        });
      } else if (e.DATABASE_REPLICA_URLS.slice(0, i).some((other) => sameDatabase(other, url))) {
        ctx.addIssue({
          code: "custom",
          path: ["DATABASE_REPLICA_URLS"],
          message: `entry ${i + 1} lists the same replica twice`,
        });
      }
    });
    if (e.NODE_ENV !== "production") return;
    if (e.WEBHOOKS_ALLOW_PRIVATE === "1") {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOKS_ALLOW_PRIVATE"],
        message:
          'is refused in production: it lets studios make ShootQ call private addresses ("always" exists only for test setups on one machine)',
      });
    }
    if (e.SESSION_SECRET === DEV_SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "must be set to a real secret in production" });
    }
    if (e.NEXTAUTH_SECRET === DEV_AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "must be set to a real secret in production",
      });
    }
    if (e.LINK_SECRET === DEV_LINK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["LINK_SECRET"], message: "must be set to a real secret in production" });
    }
  });

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** LINK_SECRET alone, for code that derives link tokens without the app's whole environment (the seed). */
export function linkSecret(): string {
  return parsed?.LINK_SECRET ?? secret.default(DEV_LINK_SECRET).parse(process.env.LINK_SECRET);
}

/** The environment, parsed once. Throws a readable error listing every bad variable. */
export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`ShootQ cannot start, the environment is invalid:\n${lines.join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}
