import { describe, expect, it } from "vitest";
import { clientAddress, DIRECT_CLIENT } from "@/lib/client-address";

describe("clientAddress", () => {
  it("behind one proxy takes the address that proxy appended, never the client's own claim", () => {
    expect(
      clientAddress(new Headers({ "x-real-ip": "198.51.100.7", "x-forwarded-for": "1.1.1.1, 198.51.100.7" }), 1),
    ).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.9" }), 1)).toBe("198.51.100.9");
    // A client that sends its own X-Forwarded-For only adds entries left of the proxy's.
    for (const spoof of ["10.0.0.1", "10.0.0.2, 10.0.0.3", "not-an-address"]) {
      expect(clientAddress(new Headers({ "x-forwarded-for": `${spoof}, 203.0.113.5` }), 1)).toBe("203.0.113.5");
    }
  });

  it("behind two proxies takes the second entry from the right", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.9" }), 2)).toBe("203.0.113.5");
  });

  it("ignores X-Real-IP from clients, whatever the number of hops", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.7" }), 1)).toBe(DIRECT_CLIENT);
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.7" }), 0)).toBe(DIRECT_CLIENT);
  });

  it("with no trusted proxy, every spoofed header lands in the one direct bucket", () => {
    const spoofs: Record<string, string>[] = [
      { "x-forwarded-for": "1.1.1.1" },
      { "x-forwarded-for": "2.2.2.2, 3.3.3.3" },
      { "x-real-ip": "4.4.4.4" },
      {},
    ];
    for (const headers of spoofs) {
      expect(clientAddress(new Headers(headers), 0)).toBe(DIRECT_CLIENT);
    }
  });

  it("a request with fewer entries than trusted proxies did not come through them", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }), 2)).toBe(DIRECT_CLIENT);
    expect(clientAddress(new Headers(), 1)).toBe(DIRECT_CLIENT);
  });

  it("reads next-auth's plain header object too, a repeated header included", () => {
    expect(clientAddress({ "x-forwarded-for": "9.9.9.9, 198.51.100.2" }, 1)).toBe("198.51.100.2");
    expect(clientAddress({ "x-forwarded-for": ["9.9.9.9", "198.51.100.3"] }, 1)).toBe("198.51.100.3");
    expect(clientAddress(undefined, 1)).toBe(DIRECT_CLIENT);
  });
});
