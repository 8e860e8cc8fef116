import { describe, expect, it } from "vitest";
import { encodeActionBody, parseActionState, pathForRoute } from "./server-actions.ts";

describe("server actions over HTTP", () => {
  it("encodes a form the way React's encodeReply does, the argument list last", async () => {
    const { body, contentType } = encodeActionBody({ name: "Ana <b>", "tags[]": ["a", "b"] });
    const form = await new Request("http://x/", {
      method: "POST",
      body,
      headers: { "content-type": contentType },
    }).formData();
    expect([...form.keys()]).toEqual(["_1_name", "_1_tags[]", "_1_tags[]", "0"]);
    expect(form.get("_1_name")).toBe("Ana <b>");
    expect(form.getAll("_1_tags[]")).toEqual(["a", "b"]);
    expect(JSON.parse(String(form.get("0")))).toEqual([{ ok: false }, "$K1"]);
  });

  it("turns an app route into a path, groups dropped and params filled", () => {
    expect(pathForRoute("/(studio)/leads/new")).toBe("/leads/new");
    expect(pathForRoute("/(studio)/jobs/[id]/events/[eventId]/edit", { id: "j1" })).toBe("/jobs/j1/events/x/edit");
    expect(pathForRoute("/(client)/p/[token]", { token: "a b" })).toBe("/p/a%20b");
    expect(pathForRoute("/(marketing)")).toBe("/");
  });

  it("reads the state an action returned from its RSC answer", () => {
    const rsc =
      '0:{"a":"$@1","q":"","i":false}\n1:{"ok":false,"message":"Please correct the highlighted fields.","fieldErrors":{"email":["Enter a valid email address."]}}\n';
    expect(parseActionState(rsc)).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { email: ["Enter a valid email address."] },
    });
    expect(parseActionState('1:"$Sreact.fragment"\n')).toBeNull();
    // Long strings travel as text rows with a byte length and no line break after them.
    const long = "é".repeat(3000);
    const withText = `0:{"a":"$@1"}\n2:T${Buffer.byteLength(long).toString(16)},${long}1:{"ok":false,"message":"Use at most 120 characters.","values":{"name":"$2"}}\n`;
    expect(parseActionState(withText)).toMatchObject({
      ok: false,
      message: "Use at most 120 characters.",
      values: { name: "$2" },
    });
  });
});
