import { describe, expect, it } from "vitest";
import { countOf } from "@/lib/words";

describe("countOf", () => {
  it("writes one, many and none as a person would", () => {
    expect(countOf(1, "new lead", "new leads")).toBe("1 new lead");
    expect(countOf(3, "new lead", "new leads")).toBe("3 new leads");
    expect(countOf(0, "task", "tasks")).toBe("0 tasks");
    expect(countOf(12_500, "email", "emails")).toBe("12,500 emails");
    expect(countOf(1000, "booking", "bookings", (n) => `${n}+`)).toBe("1000+ bookings");
  });
});
