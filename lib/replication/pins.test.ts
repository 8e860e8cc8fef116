import { describe, expect, it } from "vitest";
import {
  MAX_PIN_PATHS,
  decodePin,
  encodePin,
  foldPins,
  newPinName,
  pinCovers,
  readPinCookies,
  scopeFor,
  unionScopes,
  type ReadPin,
} from "@/lib/replication/pins";

const SECRET = "new-secret-new-secret-new-secret-0123456789";
const PREVIOUS = "old-secret-old-secret-old-secret-0123456789";
const exp = Math.floor(Date.now() / 1000) + 60;

describe("read pins", () => {
  it("cover the written page and the pages below it, but not the site root's neighbours", () => {
    const pin = { scope: scopeFor(["/leads", "/"]) };
    expect(pinCovers(pin, "/leads")).toBe(true);
    expect(pinCovers(pin, "/leads/123")).toBe(true);
    expect(pinCovers(pin, "/leadsX")).toBe(false);
    expect(pinCovers(pin, "/")).toBe(true);
    expect(pinCovers({ scope: scopeFor(["/"]) }, "/leads")).toBe(false);
    expect(pinCovers({ scope: scopeFor(["/jobs/abc"]) }, "/jobs")).toBe(false);
    expect(pinCovers({ scope: scopeFor(["/jobs/abc"]) }, "/jobs/abc/workflow")).toBe(true);
    expect(pinCovers({ scope: scopeFor(["*"]) }, "/anything/at/all")).toBe(true);
  });

  it("cover the pages that show records of every domain, whatever page the write named", () => {
    const pin = { scope: scopeFor(["/jobs/abc", "/invoices"]) };
    expect(pinCovers(pin, "/settings/emails")).toBe(true);
    expect(pinCovers(pin, "/settings/emails/proposal")).toBe(true);
    expect(pinCovers(pin, "/settings/emailsX")).toBe(false);
    expect(pinCovers(pin, "/settings")).toBe(false);
  });

  it("name a page once when a broader page of the same write covers it", () => {
    expect(scopeFor(["/jobs", "/jobs/1", "/jobs/1/workflow", "/tasks"])).toEqual(scopeFor(["/jobs", "/tasks"]));
    expect(scopeFor(["/", "/leads"])).toHaveLength(2);
  });

  it("round-trip through the cookie, signed: a changed byte, another deployment's secret or an old format is refused", () => {
    const pin: ReadPin = { lsn: "16/B374D848", exp, scope: scopeFor(["/leads", "/dashboard"]) };
    const value = encodePin(pin, SECRET);
    expect(decodePin(value, [SECRET])).toEqual(pin);
    expect(decodePin(encodePin({ ...pin, lsn: null }, SECRET), [SECRET])).toEqual({ ...pin, lsn: null });
    expect(decodePin(encodePin({ ...pin, scope: "*" }, SECRET), [SECRET])).toEqual({ ...pin, scope: "*" });
    // Widening a pin to every page, or moving its position, breaks the signature.
    const [lsn, e, , sig] = value.split(".");
    expect(decodePin(`${lsn}.${e}.*.${sig}`, [SECRET])).toBeNull();
    expect(decodePin(`ffffffffff.${e}.${value.split(".")[2]}.${sig}`, [SECRET])).toBeNull();
    expect(decodePin(value, ["some-other-deployment-secret-0123456789abc"])).toBeNull();
    expect(decodePin("Fe26.2**garbage", [SECRET])).toBeNull();
  });

  it("signed before a secret rotation still verify with the previous secret", () => {
    const value = encodePin({ lsn: "0/1", exp, scope: "*" }, PREVIOUS);
    expect(decodePin(value, [SECRET])).toBeNull();
    expect(decodePin(value, [SECRET, PREVIOUS])).not.toBeNull();
  });

  it("keep a cookie small: at most ~95 bytes however many pages a write names", () => {
    const many = Array.from({ length: 40 }, (_, i) => `/jobs/cmabcdefghijklmnopqrstu${i}/workflow`);
    const few = ["/tasks", "/dashboard", "/jobs/cmabcdefghijklmnopqrstuvw", "/jobs/cmabcdefghijklmnopqrstuvw/workflow"];
    expect(scopeFor(many)).toBe("*");
    const widest = Array.from({ length: MAX_PIN_PATHS }, (_, i) => `/p${i}`);
    for (const paths of [many, few, widest]) {
      const cookie = `${newPinName()}=${encodePin({ lsn: "FFFF/FFFFFFFF", exp, scope: scopeFor(paths) }, SECRET)}`;
      expect(cookie.length).toBeLessThanOrEqual(95);
    }
  });

  it("fold into one at the highest position, covering every page of each, unknown if any position is", () => {
    const a: ReadPin = { lsn: "0/500", exp, scope: scopeFor(["/leads"]) };
    const b: ReadPin = { lsn: "0/A00", exp: exp + 5, scope: scopeFor(["/workflows"]) };
    const folded = foldPins([a, b]);
    expect(folded.lsn).toBe("0/A00");
    expect(folded.exp).toBe(exp + 5);
    expect(pinCovers(folded, "/leads/1") && pinCovers(folded, "/workflows")).toBe(true);
    expect(foldPins([a, { ...b, lsn: null }]).lsn).toBeNull();
    expect(unionScopes([scopeFor(["/a", "/b", "/c", "/d", "/e"]), scopeFor(["/f", "/g", "/h", "/i"])])).toBe("*");
  });

  it("read from the request: forged, garbled and expired pins are named for deletion, other cookies ignored", () => {
    const now = Date.now();
    const live = encodePin({ lsn: "0/10", exp, scope: "*" }, SECRET);
    const expired = encodePin({ lsn: "0/10", exp: Math.floor(now / 1000) - 1, scope: "*" }, SECRET);
    const { live: found, dead } = readPinCookies(
      [
        { name: "shootq_pin_a", value: live },
        { name: "shootq_pin_b", value: expired },
        { name: "shootq_pin_c", value: "0.0.*.AAAAAAAAAAAAAAAA" },
        { name: "next-auth.session-token", value: "x" },
      ],
      [SECRET],
      now,
    );
    expect(found.map((p) => p.name)).toEqual(["shootq_pin_a"]);
    expect(dead.sort()).toEqual(["shootq_pin_b", "shootq_pin_c"]);
  });
});
