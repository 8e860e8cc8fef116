import { describe, expect, it } from "vitest";
import {
  allocate,
  computeTotals,
  formatMoney,
  formatMoneyInput,
  formatPercent,
  isCurrencyCode,
  isLocale,
  maxMinor,
  minorDigits,
  moneyExample,
  mulDivRound,
  parseMoney,
  parsePercent,
} from "@/lib/money";

const USD = { currency: "USD", locale: "en-US" };
const EUR_DE = { currency: "EUR", locale: "de-DE" };
const JPY = { currency: "JPY", locale: "ja-JP" };
const BHD = { currency: "BHD", locale: "en-US" };
const INR = { currency: "INR", locale: "en-IN" };
const EUR_FR = { currency: "EUR", locale: "fr-FR" };
const CHF = { currency: "CHF", locale: "de-CH" };

describe("currency digits", () => {
  it("come from the currency: 2 for dollars, 0 for yen, 3 for dinars", () => {
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("BHD")).toBe(3);
    expect(maxMinor("USD")).toBe(100_000_000);
    expect(maxMinor("JPY")).toBe(1_000_000);
  });

  it("codes and locales are checked against what Intl knows", () => {
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("eur")).toBe(false);
    expect(isCurrencyCode("XYZ")).toBe(false);
    expect(isLocale("de-DE")).toBe(true);
    expect(isLocale("not a locale")).toBe(false);
  });
});

describe("formatMoney", () => {
  it("shows minor units in the studio's currency and locale, exactly", () => {
    expect(formatMoney(125_050, USD)).toBe("$1,250.50");
    expect(formatMoney(125_050, EUR_DE)).toBe("1.250,50\u00a0€");
    expect(formatMoney(1_250, JPY)).toBe("￥1,250");
    expect(formatMoney(1_250_500, BHD)).toBe("BHD\u00a01,250.500");
    expect(formatMoney(-5, USD)).toBe("-$0.05");
    // Far beyond float precision of cents as a fraction: still exact.
    expect(formatMoney(900_719_925_474_099, USD)).toBe("$9,007,199,254,740.99");
  });

  it("formats amounts for editing without grouping", () => {
    expect(formatMoneyInput(125_050, USD)).toBe("1250.50");
    expect(formatMoneyInput(125_050, EUR_DE)).toBe("1250,50");
    expect(formatMoneyInput(1_250, JPY)).toBe("1250");
    expect(moneyExample(EUR_DE)).toBe("1.500,00");
  });
});

describe("parseMoney", () => {
  it("reads what people type in their own locale", () => {
    expect(parseMoney("1,250.50", USD)).toBe(125_050);
    expect(parseMoney("$1250", USD)).toBe(125_000);
    expect(parseMoney(" 1250.5 ", USD)).toBe(125_050);
    expect(parseMoney("0.05", USD)).toBe(5);
    expect(parseMoney("1.250,50", EUR_DE)).toBe(125_050);
    expect(parseMoney("1250,5 €", EUR_DE)).toBe(125_050);
    expect(parseMoney("1 250,50", EUR_FR)).toBe(125_050);
    expect(parseMoney("1\u202f250,50", EUR_FR)).toBe(125_050);
    expect(parseMoney("1'250.50", CHF)).toBe(125_050);
    expect(parseMoney("12,34,567.00", INR)).toBe(123_456_700);
    expect(parseMoney("¥1,250", JPY)).toBe(1_250);
    expect(parseMoney("1.250", BHD)).toBe(1_250);
  });

  it("refuses anything that is not plainly an amount rather than guessing", () => {
    // A German studio typing a US-style decimal would otherwise be billed 100 times too much.
    expect(parseMoney("1250.50", EUR_DE)).toBeNull();
    expect(parseMoney("1250,50", USD)).toBeNull();
    expect(parseMoney("1,25", USD)).toBeNull();
    expect(parseMoney("12.345", USD)).toBeNull();
    expect(parseMoney("1250.5", JPY)).toBeNull();
    expect(parseMoney("-100", USD)).toBeNull();
    expect(parseMoney("", USD)).toBeNull();
    expect(parseMoney("lots", USD)).toBeNull();
    expect(parseMoney("1e5", USD)).toBeNull();
    expect(parseMoney("9999999999999", USD)).toBeNull();
  });

  it("round-trips with formatMoneyInput", () => {
    for (const format of [USD, EUR_DE, JPY, BHD, INR, EUR_FR, CHF]) {
      for (const minor of [0, 1, 99, 100, 123_456, 99_999_999]) {
        expect(parseMoney(formatMoneyInput(minor, format), format)).toBe(minor);
        expect(parseMoney(formatMoney(minor, format), format)).toBe(minor);
      }
    }
  });
});

describe("percentages", () => {
  it("are basis points", () => {
    expect(parsePercent("8.25", USD)).toBe(825);
    expect(parsePercent("8,25 %", EUR_DE)).toBe(825);
    expect(parsePercent("7%", USD)).toBe(700);
    expect(parsePercent("0", USD)).toBe(0);
    expect(parsePercent("100", USD)).toBe(10_000);
    expect(parsePercent("100.01", USD)).toBeNull();
    expect(parsePercent("8.125", USD)).toBeNull();
    expect(parsePercent("-1", USD)).toBeNull();
    expect(formatPercent(825, USD)).toBe("8.25");
    expect(formatPercent(700, EUR_DE)).toBe("7");
  });
});

describe("rounding and allocation", () => {
  it("rounds half away from zero in integers", () => {
    expect(mulDivRound(1_005, 1, 10)).toBe(101);
    expect(mulDivRound(1_004, 1, 10)).toBe(100);
    expect(mulDivRound(-1_005, 1, 10)).toBe(-101);
    expect(mulDivRound(10_000, 825, 10_000)).toBe(825);
    expect(mulDivRound(333, 825, 10_000)).toBe(27); // 27.4725
  });

  it("splits that add up to the total, to the unit", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10_000, [1, 1, 1])).toEqual([3_334, 3_333, 3_333]);
    expect(allocate(5, [3, 3, 3])).toEqual([2, 2, 1]);
    expect(allocate(100, [0, 0])).toEqual([50, 50]);
    expect(allocate(1_000, [5_000, 3_000, 2_000])).toEqual([500, 300, 200]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    // The largest remainders get the leftover units, not simply the first parts.
    expect(allocate(10, [1, 2, 3, 4, 5, 6])).toEqual([1, 1, 1, 2, 2, 3]);
    for (let total = 0; total < 2_000; total += 37) {
      for (const weights of [[1], [1, 1, 1], [2, 7, 11, 13], [9_999, 1], [3, 0, 3]]) {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) =>
          expect(Math.abs(p - (total * weights[i]) / weights.reduce((a, b) => a + b, 0))).toBeLessThan(1),
        );
      }
    }
  });
});

describe("computeTotals", () => {
  it("adds lines, spreads the discount over them and taxes each line on what is left", () => {
    const totals = computeTotals(
      [
        { quantity: 1, unitPriceMinor: 450_000, taxRateBps: 0 },
        { quantity: 2, unitPriceMinor: 65_050, taxRateBps: 825 },
      ],
      { discountMinor: 10_000 },
    );
    expect(totals.subtotalMinor).toBe(580_100);
    expect(totals.discountMinor).toBe(10_000);
    // 130,100 of 580,100 carries the 8.25% tax: its share of the discount is 2,243 (2,242.72).
    expect(totals.lines.map((l) => l.discountMinor)).toEqual([7_757, 2_243]);
    expect(totals.lines[1].taxMinor).toBe(mulDivRound(130_100 - 2_243, 825, 10_000));
    expect(totals.taxMinor).toBe(10_548);
    expect(totals.totalMinor).toBe(580_100 - 10_000 + 10_548);
    expect(totals.lines.reduce((a, l) => a + l.totalMinor, 0)).toBe(totals.totalMinor);
  });

  it("rounds tax per line and never discounts below zero", () => {
    const totals = computeTotals(
      [
        { quantity: 3, unitPriceMinor: 333, taxRateBps: 825 },
        { quantity: 1, unitPriceMinor: 1, taxRateBps: 5_000 },
      ],
      { discountMinor: 1_000_000 },
    );
    expect(totals).toMatchObject({ subtotalMinor: 1_000, discountMinor: 1_000, taxMinor: 0, totalMinor: 0 });
    expect(computeTotals([{ quantity: 3, unitPriceMinor: 333, taxRateBps: 825 }]).taxMinor).toBe(82); // 82.4175
    expect(computeTotals([]).totalMinor).toBe(0);
  });
});
