import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { isReachableByPostgres, SHARED_DIR } from "../db/embedded-postgres.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.join(ROOT, ".data");
/** The Next.js build folder (next.config.ts reads the same variable). */
export const DIST_DIR = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");

/**
 * Where the embedded databases keep their files: .data/pg in the project, unless the postgres
 * user cannot reach it (a checkout under a private home folder), then a folder of this checkout's
 * own under /var/lib/shootq.
 */
export function databaseDir(): string {
  const local = path.join(DATA_DIR, "pg");
  mkdirSync(local, { recursive: true });
  if (isReachableByPostgres(local)) return local;
  const fallback = path.join(SHARED_DIR, createHash("sha256").update(ROOT).digest("hex").slice(0, 12));
  mkdirSync(fallback, { recursive: true });
  return fallback;
}

export type LocalSecrets = {
  SESSION_SECRET: string;
  NEXTAUTH_SECRET: string;
  LINK_SECRET: string;
  OPERATOR_TOKEN: string;
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string;
};

const makeSecret: Record<keyof LocalSecrets, () => string> = {
  SESSION_SECRET: () => randomBytes(32).toString("base64url"),
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  LINK_SECRET: () => randomBytes(32).toString("base64url"),
  OPERATOR_TOKEN: () => randomBytes(24).toString("base64url"),
  // Next.js wants standard base64 of an AES key; it is fixed at build time and every node needs the same one.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
};

/** Secrets for a local run, made once and kept in the git-ignored .data folder (missing ones are added). */
export function localSecrets(): LocalSecrets {
  const file = path.join(DATA_DIR, "secrets.json");
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>) : {};
  const missing = (Object.keys(makeSecret) as (keyof LocalSecrets)[]).filter((k) => !stored[k]);
  if (missing.length === 0) return stored as LocalSecrets;
  const secrets = { ...stored } as LocalSecrets;
  for (const key of missing) secrets[key] = makeSecret[key]();
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function buildExists(): boolean {
  return existsSync(path.join(DIST_DIR, "BUILD_ID"));
}
