import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { LINK_TOKEN_ROUTES } from "../../lib/log/redact.ts";
import { DEMO_LOGINS } from "../../prisma/seed-data.ts";
import { TEST_PASSWORD } from "../../prisma/factories.ts";

// The log-secrets check of every e2e run: each process's output (app nodes, worker, billing,
// nginx) is kept under the run's output folder, and nothing in it may be a seeded or typed
// password, a configured secret, a session cookie, an API or bearer token, or a link token.

export type KnownSecret = { what: string; value: string };
export type Finding = { file: string; line: number; what: string };

const E2E_DIR = path.resolve(import.meta.dirname, "../../e2e");

/** Passwords the specs type into a password field: `getByLabel("...password...").fill("...")`. */
function typedPasswords(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(E2E_DIR, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts")) continue;
    for (const m of readFileSync(path.join(E2E_DIR, file), "utf8").matchAll(/assword[^\n]*?\.fill\("([^"\n]{6,})"\)/g))
      found.add(m[1]);
  }
  return [...found];
}

/** Every secret value a run knows: seeded and typed passwords, and the secrets in `env`. */
export function knownSecrets(env: Record<string, string | undefined> = process.env): KnownSecret[] {
  const secrets: KnownSecret[] = [
    ...Object.values(DEMO_LOGINS).map((l) => ({ what: "a seeded password", value: l.password })),
    { what: "the test factories' password", value: TEST_PASSWORD },
    ...typedPasswords().map((value) => ({ what: "a password a spec types", value })),
  ];
  for (const name of [
    "SESSION_SECRET",
    "NEXTAUTH_SECRET",
    "LINK_SECRET",
    "OPERATOR_TOKEN",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "SHOOTQ_CLUSTER_CONTROL_TOKEN",
  ]) {
    const value = env[name];
    if (value && value.length >= 8) secrets.push({ what: name, value });
  }
  // The owner and the staff member share one password: one finding per line, not two.
  return secrets.filter((s, i) => secrets.findIndex((t) => t.value === s.value) === i);
}

const NOT_MASKED = "(?!\\[redacted\\])";

/** Shapes of secrets whose values no list holds: they are made during the run. */
const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: "a session cookie", pattern: new RegExp(`session-token(?:\\.\\d+)?=${NOT_MASKED}[^;\\s"',]{16,}`) },
  { what: "a JWT or JWE (session token)", pattern: /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{8,}/ },
  { what: "an API token", pattern: new RegExp(`\\bsq_live_${NOT_MASKED}[A-Za-z0-9_-]{8,}`) },
  { what: "a bearer token", pattern: new RegExp(`\\bBearer\\s+${NOT_MASKED}[A-Za-z0-9._~+/=-]{12,}`, "i") },
  {
    what: "a link token",
    pattern: new RegExp(`/(?:${LINK_TOKEN_ROUTES.join("|")})/${NOT_MASKED}[A-Za-z0-9_-]{32,}`),
  },
  { what: "a token in a query string", pattern: new RegExp(`[?&][a-z_]*token=${NOT_MASKED}[A-Za-z0-9_-]{20,}`, "i") },
];

/** The lines of `text` that hold a secret, 1-based, each with what it holds. */
export function findSecrets(text: string, known: KnownSecret[]): { line: number; what: string }[] {
  const found: { line: number; what: string }[] = [];
  text.split("\n").forEach((content, i) => {
    for (const { what, value } of known) if (content.includes(value)) found.push({ line: i + 1, what });
    for (const { what, pattern } of PATTERNS) if (pattern.test(content)) found.push({ line: i + 1, what });
  });
  return found;
}

function logFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Every finding in every file under `dir`. */
export function scanLogs(dir: string, known: KnownSecret[]): { files: number; lines: number; findings: Finding[] } {
  let lines = 0;
  const findings: Finding[] = [];
  const files = logFiles(dir);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    lines += text.split("\n").length;
    for (const f of findSecrets(text, known)) findings.push({ file: path.relative(process.cwd(), file), ...f });
  }
  return { files: files.length, lines, findings };
}

/** Throws, naming file:line and what each holds (never the secret), unless `dir`'s logs are clean. */
export function assertNoSecretsInLogs(dir: string, known: KnownSecret[] = knownSecrets()): void {
  const { files, lines, findings } = scanLogs(dir, known);
  // An empty folder would pass without proving anything: the processes' output did not arrive.
  if (files === 0 || lines < 10) throw new Error(`log-secrets check: no process logs under ${dir}`);
  if (findings.length === 0) return;
  const shown = findings.slice(0, 50).map((f) => `  ${f.file}:${f.line}: ${f.what}`);
  const more = findings.length > 50 ? [`  … and ${findings.length - 50} more`] : [];
  throw new Error(
    [`log-secrets check: ${findings.length} secret(s) in the run's logs (${dir}):`, ...shown, ...more].join("\n"),
  );
}
