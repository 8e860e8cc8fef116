import { afterEach, describe, expect, it, vi } from "vitest";

async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v as string);
  const { env } = await import("@/lib/env");
  return env;
}

afterEach(() => vi.unstubAllEnvs());

describe("the environment", () => {
  it("in production, refuses to start with the development secrets", async () => {
    const env = await loadEnv({
      NODE_ENV: "production",
      SESSION_SECRET: undefined,
      NEXTAUTH_SECRET: undefined,
      DATABASE_URL: "postgresql://u:p@db/x",
    });
    expect(() => env()).toThrow(/SESSION_SECRET: must be set to a real secret in production[\s\S]*NEXTAUTH_SECRET/);
  });

  it("in production, refuses a secret that is too short", async () => {
    const env = await loadEnv({
      NODE_ENV: "production",
      SESSION_SECRET: "short",
      NEXTAUTH_SECRET: "x".repeat(40),
      DATABASE_URL: "postgresql://u:p@db/x",
    });
    expect(() => env()).toThrow(/SESSION_SECRET: must be at least 32 characters/);
  });

  it("in production, refuses webhooks to private addresses unless the test setups' explicit value is given", async () => {
    const secrets = {
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      NEXTAUTH_SECRET: "n".repeat(40),
      LINK_SECRET: "l".repeat(40),
      DATABASE_URL: "postgresql://u:p@db/x",
    };
    const refused = await loadEnv({ ...secrets, WEBHOOKS_ALLOW_PRIVATE: "1" });
    expect(() => refused()).toThrow(/WEBHOOKS_ALLOW_PRIVATE: is refused in production/);
    const always = await loadEnv({ ...secrets, WEBHOOKS_ALLOW_PRIVATE: "always" });
    expect(always().WEBHOOKS_ALLOW_PRIVATE).toBe("always");
    const unset = await loadEnv({ ...secrets, WEBHOOKS_ALLOW_PRIVATE: undefined });
    expect(unset().WEBHOOKS_ALLOW_PRIVATE).toBe("0");
    const development = await loadEnv({ NODE_ENV: "development", WEBHOOKS_ALLOW_PRIVATE: "1" });
    expect(development().WEBHOOKS_ALLOW_PRIVATE).toBe("1");
  });

  it("lists every replica URL and rejects one that is not a URL", async () => {
    const ok = await loadEnv({
      DATABASE_URL: "postgresql://u:p@db/x",
      DATABASE_REPLICA_URLS: "postgresql://u:p@r1/x, postgresql://u:p@r2/x",
    });
    expect(ok().DATABASE_REPLICA_URLS).toEqual(["postgresql://u:p@r1/x", "postgresql://u:p@r2/x"]);
    const bad = await loadEnv({ DATABASE_URL: "postgresql://u:p@db/x", DATABASE_REPLICA_URLS: "not a url" });
    expect(() => bad()).toThrow(/DATABASE_REPLICA_URLS/);
  });
});

describe("configuration that contradicts itself", () => {
  const base = { DATABASE_URL: "postgresql://u:p@db:5432/x" };

  it("is refused: a pin that expires before a replica in rotation must have the write", async () => {
    const env = await loadEnv({ ...base, REPLICA_MAX_LAG_SECONDS: "30", READ_PIN_SECONDS: "20" });
    expect(() => env()).toThrow(/READ_PIN_SECONDS: must exceed REPLICA_MAX_LAG_SECONDS \+ 1 \(31\)/);
    const ok = await loadEnv({ ...base, REPLICA_MAX_LAG_SECONDS: "5", READ_PIN_SECONDS: "10" });
    expect(ok().READ_PIN_SECONDS).toBe(10);
  });

  it("is refused: the primary listed as a replica, or one replica listed twice", async () => {
    const primary = await loadEnv({ ...base, DATABASE_REPLICA_URLS: "postgresql://u:p@db/x" });
    expect(() => primary()).toThrow(/DATABASE_REPLICA_URLS: entry 1 is the primary/);
    const twice = await loadEnv({
      ...base,
      DATABASE_REPLICA_URLS: "postgresql://u:p@r1/x,postgresql://other:pw@r1:5432/x",
    });
    expect(() => twice()).toThrow(/entry 2 lists the same replica twice/);
  });
});
