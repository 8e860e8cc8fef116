import { describe, expect, it } from "vitest";
import { judgeAction, PAYLOADS } from "./bad-input.ts";
import { encodeActionBody } from "../bench/lib/server-actions.ts";

const answer = (rsc: string, status = 200, headers: Record<string, string> = {}) =>
  judgeAction(status, new Headers(headers), rsc);

describe("judging a server action's answer to bad input", () => {
  it("passes a form state with a message, naming the fields", () => {
    const verdict = answer(
      '0:{"a":"$@1"}\n1:{"ok":false,"message":"Please correct the highlighted fields.","fieldErrors":{"email":["Enter a valid email address."]}}\n',
    );
    expect(verdict).toEqual({ verdict: "rejected", message: "Please correct the highlighted fields. [email]" });
  });

  it("fails a 5xx and the wrappers' catch-all message", () => {
    expect(answer('0:{"a":"$@1"}\n1:E{"digest":"1"}\n', 500).verdict).toBe("error");
    expect(
      answer('1:{"ok":false,"message":"Something went wrong and nothing was saved. Please try again."}\n').verdict,
    ).toBe("error");
  });

  it("tells acceptance apart: a redirect, ok: true, or an action that returns nothing", () => {
    expect(answer("2:[]\n", 200, { "x-action-redirect": "/leads/1;push" })).toEqual({
      verdict: "accepted",
      message: "redirected to /leads/1;push",
    });
    expect(answer('1:{"ok":true,"message":"Saved."}\n').verdict).toBe("accepted");
    expect(answer('1:"$undefined"\n').verdict).toBe("accepted");
  });

  it("calls an answer without a form state unclear", () => {
    expect(answer('1:"$Sreact.fragment"\n').verdict).toBe("unclear");
    expect(answer('1:{"ok":false}\n').verdict).toBe("unclear");
  });

  it("keeps the oversized payload under Next's 1 MB body limit, so the app's own limits are what answer", () => {
    expect(Buffer.byteLength(encodeActionBody(PAYLOADS.oversized).body)).toBeLessThan(1024 * 1024);
  });
});
