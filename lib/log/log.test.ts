import { hostname } from "node:os";
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { linkToken } from "@/lib/tokens";
import { contractUrl, invoiceUrl, proposalUrl, resetPasswordUrl } from "@/lib/urls";
import { logEntry, logOptions } from "./index";
import { REDACTED, redactText } from "./redact";
import { acceptRequestId, requestFields, traceIdOf } from "./request";

/** A logger configured as the processes' are, writing its lines to an array. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino(logOptions("worker"), sink), lines, raw: () => raw.join("") };
}

const JWE = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abcDEF123_-x.payloadPAYLOADpayload.tagTAG";

describe("the logger", () => {
  it("writes the same base fields on every line: node, service, ISO time, level label and msg", () => {
    const { log, lines } = capture();
    log.child({ requestId: "req-12345678" }).warn({ emailId: "e1" }, "email gave up");
    expect(lines[0]).toMatchObject({
      level: "warn",
      node: process.env.SHOOTQ_NODE_NAME || hostname(),
      service: "worker",
      requestId: "req-12345678",
      emailId: "e1",
      msg: "email gave up",
    });
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
  });

  it("masks secret headers and fields at any depth, and every *Token, *Secret and *Password key", () => {
    const { log, raw } = capture();
    log.info(
      {
        headers: { authorization: "Bearer abc.def.ghi", cookie: `next-auth.session-token=${JWE}`, "set-cookie": "x=1" },
        user: { email: "a@b.c", password: "hunter2-password", passwordHash: "$argon2id$v=19$secret-hash" },
        nested: { deeper: { apiToken: "tok-value-1", clientSecret: "sec-value-2", csrfToken: "csrf-value-3" } },
        token: "top-level-token-value",
        LINK_SECRET: "link-secret-value-0123456789",
      },
      "sign in",
    );
    const out = raw();
    for (const secret of [
      "abc.def.ghi",
      JWE,
      "hunter2-password",
      "secret-hash",
      "tok-value-1",
      "sec-value-2",
      "csrf-value-3",
      "top-level-token-value",
      "link-secret-value",
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain("a@b.c");
    expect(out).toContain(REDACTED);
  });

  it("masks the link token of every client, invitation and reset link, in fields, messages and errors", () => {
    const { log, raw } = capture();
    const origin = "https://studio.example";
    const tokens = ["proposal", "invoice", "contract", "password-reset"].map((p) =>
      linkToken(p as "proposal", "00000000-0000-4000-8000-000000000001"),
    );
    const [proposal, invoice, contract, reset] = tokens;
    log.info({ path: `/p/${proposal}/contract`, url: invoiceUrl(origin, invoice) }, "request");
    log.info(`opened ${contractUrl(origin, contract)} and ${resetPasswordUrl(origin, reset)}`);
    log.error(new Error(`render failed for ${proposalUrl(origin, proposal)}?token=${invoice}`));
    log.info({ url: `/api/calendar/${contract}.ics`, next: `/sign-in?callbackUrl=%2F&token=${reset}` }, "feed");
    const out = raw();
    for (const token of tokens) expect(out).not.toContain(token);
    expect(out).toContain(`/p/${REDACTED}/contract`);
    expect(out).toContain(`/i/${REDACTED}`);
  });

  it("logs an error with its type, message and stack", () => {
    const { log, lines } = capture();
    log.error({ err: new TypeError("no such lead") }, "route failed");
    log.error(new RangeError("out of range"));
    expect(lines[0]).toMatchObject({ msg: "route failed", err: { type: "TypeError", message: "no such lead" } });
    expect(lines[1]).toMatchObject({ err: { type: "RangeError", message: "out of range" } });
    expect(String((lines[0].err as { stack: string }).stack)).toContain("log.test.ts");
  });

  it("masks bearer and API tokens and session cookies inside any string", () => {
    expect(redactText("Authorization: Bearer sq_live_AbCdEf0123456789")).not.toContain("AbCdEf0123456789");
    expect(redactText("token sq_live_AbCdEf0123456789 leaked")).toBe(`token sq_live_${REDACTED} leaked`);
    expect(redactText(`Cookie: __Secure-next-auth.session-token=${JWE}; theme=dark`)).toBe(
      `Cookie: __Secure-next-auth.session-token=${REDACTED}; theme=dark`,
    );
    expect(redactText("/leads/123?status=new")).toBe("/leads/123?status=new");
  });

  it("masks a link token whose path is percent-encoded, as the page it reaches is the same", () => {
    const token = "Zm9vYmFyLXNlY3JldC10b2tlbg";
    for (const path of [
      `/%70/${token}`,
      `/q%2f${token}`,
      `/%69nvite/${token}`,
      `/api%2Fcalendar/${token}.ics`,
      `/api/%63alendar/${token}`,
      `/c%2F${token}`,
    ])
      expect(redactText(`GET ${path} 200`), path).not.toContain(token);
    expect(redactText("/%70rojects/abc")).toBe("/%70rojects/abc");
  });

  it("logs a service's entries through the adapter, an entry with an error as an error", () => {
    const { log, lines } = capture();
    logEntry(log)({ msg: "email sent", emailId: "e1" });
    logEntry(log)({ msg: "queue error", error: "boom" });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ["info", "email sent"],
      ["error", "queue error"],
    ]);
  });
});

describe("request ids", () => {
  it("keep a well-formed id and replace anything else", () => {
    expect(acceptRequestId("0123456789abcdef0123456789abcdef")).toBe("0123456789abcdef0123456789abcdef");
    for (const bad of [null, "", "short", "x".repeat(129), "id with spaces", "id\nforged: line", "<script>"]) {
      const id = acceptRequestId(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("take the trace id from a valid traceparent only", () => {
    const trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    expect(traceIdOf(`00-${trace}-00f067aa0ba902b7-01`)).toBe(trace);
    expect(traceIdOf(`00-${"0".repeat(32)}-00f067aa0ba902b7-01`)).toBeNull();
    expect(traceIdOf(`ff-${trace}-00f067aa0ba902b7-01`)).toBeNull();
    expect(traceIdOf("garbage")).toBeNull();
    const headers = new Headers({ "x-request-id": "req-12345678", traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    expect(requestFields(headers)).toEqual({ requestId: "req-12345678", traceId: trace });
  });
});
