import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { READ_ONLY_MESSAGE, toAppError } from "@/lib/errors";

// A write that meets a database going away answers "read-only for a moment", never "something
// went wrong": drill (d) stops the primary under load and found a pooled connection ended by the
// server answered the catch-all once in a few runs.

describe("a database that went away mid-request", () => {
  it("a connection the server ended answers the read-only message on its next query", async () => {
    const { primaryUrl } = inject("database");
    const client = new pg.Client({ connectionString: primaryUrl });
    const ended = new Promise<Error>((resolve) => client.on("error", resolve));
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const admin = new pg.Client({ connectionString: primaryUrl });
    await admin.connect();
    // What a fast shutdown of the primary does to every connection.
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
    await admin.end();
    const goodbye = await ended;
    const next = await client.query("SELECT 1").then(
      () => new Error("the query ran on an ended connection"),
      (error: Error) => error,
    );
    expect(next.message).toMatch(/not queryable/);
    for (const error of [goodbye, next]) {
      const answer = toAppError(error);
      expect(answer?.code).toBe("READ_ONLY");
      expect(answer?.message).toBe(READ_ONLY_MESSAGE);
    }
    await client.end().catch(() => {});
  });

  it("a pool whose every connection stays busy past its wait answers the read-only message, not a crash", async () => {
    const { primaryUrl } = inject("database");
    const pool = new pg.Pool({ connectionString: primaryUrl, max: 1, connectionTimeoutMillis: 200 });
    const busy = await pool.connect();
    const waited = await pool.connect().then(
      (client) => (client.release(), new Error("a second connection was handed out")),
      (error: Error) => error,
    );
    busy.release();
    await pool.end();
    expect(waited.message).toBe("timeout exceeded when trying to connect");
    expect(toAppError(waited)).toMatchObject({ code: "READ_ONLY", message: READ_ONLY_MESSAGE, status: 503 });
  });

  it("a failure that has nothing to do with the connection is not called read-only", () => {
    expect(
      toAppError(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" })),
    ).toBeUndefined();
    expect(toAppError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
  });
});
