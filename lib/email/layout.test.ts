import { describe, expect, it } from "vitest";
import { emailHtml } from "@/lib/email/layout";

describe("the email layout", () => {
  it("turns the plain text into paragraphs with working links, under the sender's name, escaping everything else", async () => {
    const html = await emailHtml({
      subject: "Your proposal from Lumen & Lace",
      sender: "Lumen & Lace",
      text: "Hi <b>Grace</b>,\n\nYour proposal is ready:\nhttps://app.shootq.test/p/abc_DEF-123?x=1&y=2\n\nSee you soon!",
    });
    expect(html).toMatch(/^<!DOCTYPE html/i);
    expect(html).toContain("<title>Your proposal from Lumen &amp; Lace</title>");
    expect(html).toMatch(/<h1[^>]*>Lumen &amp; Lace<\/h1>/);
    expect(html).toContain("Hi &lt;b&gt;Grace&lt;/b&gt;,");
    expect(html).not.toContain("<b>");
    expect(html).toMatch(/<a href="https:\/\/app\.shootq\.test\/p\/abc_DEF-123\?x=1&amp;y=2"[^>]*>/);
    expect(html).toMatch(/Your proposal is ready:<br\/?>/);
    expect(html.match(/<p /g)?.length).toBe(4); // three paragraphs and the footer
    expect(html).toContain("Lumen &amp; Lace · sent with ShootQ");
  });

  it("is readable on a phone and in dark mode", async () => {
    const html = await emailHtml({ subject: "Reset your password", text: "Use this link." });
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).toContain("max-width:560px");
    expect(html).toContain('<meta name="color-scheme" content="light dark"');
    expect(html).toContain("@media (prefers-color-scheme: dark)");
    expect(html).toMatch(/<h1[^>]*>ShootQ<\/h1>/);
  });

  it("keeps HTML a kind made itself (already sanitized) as it is", async () => {
    const html = await emailHtml({ subject: "Thanks", text: "Hi Ana", html: "<p>Hi Ana,</p><p>Talk soon.</p>" });
    expect(html).toContain("<p>Hi Ana,</p><p>Talk soon.</p>");
  });
});
