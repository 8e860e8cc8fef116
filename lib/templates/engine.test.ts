import { describe, expect, it } from "vitest";
import { renderTemplate, TemplateError, validateTemplate } from "@/lib/templates/engine";
import { customFieldsOf, parseTemplate } from "@/lib/templates/parse";
import { TEMPLATE_CONTEXTS } from "@/lib/templates/fields";
import { diffTemplateVersions } from "@/lib/templates/diff";
import { htmlToBlocks, sanitizeTemplateHtml } from "@/lib/templates/html";

const EVERY_FIELD = TEMPLATE_CONTEXTS.job.fields.map((f) => `<p>${f.label}: {{${f.key}}}</p>`).join("");
const VALUES = Object.fromEntries(TEMPLATE_CONTEXTS.job.fields.map((f) => [f.key, f.example]));

describe("validateTemplate", () => {
  it("accepts every field of the job context and custom fields", () => {
    expect(validateTemplate(`${EVERY_FIELD}<p>{{custom.second_shooter}} and {{ client.name }}</p>`, "job")).toEqual([]);
  });

  it("names an unknown field and where it is, counting paragraphs as lines and ignoring tags", () => {
    const issues = validateTemplate(
      "<h1>Agreement</h1><p>Between <strong>{{studio.name}}</strong> and {{client.nmae}}.</p>",
      "job",
    );
    expect(issues).toEqual([{ field: "client.nmae", line: 2, column: 29, message: expect.any(String) }]);
    expect(issues[0].message).toBe(
      "Unknown field {{client.nmae}} at line 2, column 29. Pick a field from the list, or write {{custom.client_nmae}} for one you fill in yourself.",
    );
  });

  it("reports a field split by formatting, an empty field and a badly named custom field", () => {
    const issues = validateTemplate(
      "<p>Dear {{client.<strong>name</strong>}},</p><p>{{}} and {{custom.Second Shooter}}</p><p>{{custom.2nd}}</p>",
      "job",
    );
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [1, 6],
      [2, 1],
      [2, 10],
      [3, 1],
    ]);
    expect(issues[0].message).toMatch(/^A field at line 1, column 6 is not closed: “\{\{client\.name…/);
    expect(issues[1].message).toMatch(/^An empty field/);
    expect(issues[2].message).toMatch(/is not a field name/);
    expect(issues[3].message).toMatch(/name custom fields with lowercase letters/);
  });

  it("counts an entity as one column", () => {
    expect(validateTemplate("<p>Tom &amp; Jerry {{nope}}</p>", "job")[0]).toMatchObject({ line: 1, column: 13 });
  });
});

describe("renderTemplate", () => {
  it("renders every field of the job context into HTML and plain text", () => {
    const { html, text, missing } = renderTemplate(EVERY_FIELD, { context: "job", values: VALUES });
    expect(missing).toEqual([]);
    for (const field of TEMPLATE_CONTEXTS.job.fields) {
      expect(text).toContain(`${field.label}: ${field.example}`);
    }
    expect(html).toContain("<p>Proposal total: $5,800.00</p>");
    expect(html).toContain("<p>Brand name: Lumen &amp; Lace Weddings</p>");
  });

  it("escapes values, so a client's name cannot add markup", () => {
    const { html } = renderTemplate('<p>{{client.name}}</p><p><a href="{{custom.link}}">site</a></p>', {
      context: "job",
      values: { "client.name": '<img src=x onerror="alert(1)">Grace', "custom.link": "javascript:alert(1)" },
    });
    expect(html).toBe(
      '<p>&lt;img src=x onerror="alert(1)"&gt;Grace</p><p><a rel="noopener noreferrer nofollow" target="_blank">site</a></p>',
    );
  });

  it("lists fields without a value and shows them as labelled gaps", () => {
    const { text, missing } = renderTemplate(
      "<p>{{proposal.total}} on {{job.date}} ({{custom.package_hours}} hours)</p>",
      { context: "job", values: { "job.date": "June 12" } },
    );
    expect(missing).toEqual([
      { key: "proposal.total", label: "Proposal total" },
      { key: "custom.package_hours", label: "Package hours" },
    ]);
    expect(text).toBe("[Proposal total] on June 12 ([Package hours] hours)");
  });

  it("leaves out a paragraph of only an optional field with nothing to say, and keeps it when there is", () => {
    const source = "<p>Hi {{client.first_name}},</p><p>{{proposal.contract_note}}</p><p>Total: {{proposal.total}}</p>";
    const values = { "client.first_name": "Grace", "proposal.total": "$4,200.00" };
    const without = renderTemplate(source, { context: "proposal", values });
    expect(without.text).toBe("Hi Grace,\n\nTotal: $4,200.00");
    expect(without.html).toBe("<p>Hi Grace,</p><p>Total: $4,200.00</p>");
    expect(without.missing).toEqual([]);
    const inline = renderTemplate("<p>Total: {{proposal.total}}. {{proposal.contract_note}}</p>", {
      context: "proposal",
      values,
    });
    expect(inline.text).toBe("Total: $4,200.00.");
    const withNote = renderTemplate(source, {
      context: "proposal",
      values: { ...values, "proposal.contract_note": "It comes with a contract to sign." },
    });
    expect(withNote.text).toBe("Hi Grace,\n\nIt comes with a contract to sign.\n\nTotal: $4,200.00");
  });

  it("refuses an unknown field instead of rendering a blank", () => {
    expect(() => renderTemplate("<p>{{client.phone}}</p>", { context: "job", values: VALUES })).toThrow(TemplateError);
  });
});

describe("sanitizeTemplateHtml", () => {
  it("drops scripts, event handlers, styles and javascript: links, and keeps the allowed formatting", () => {
    const hostile =
      '<h2 onclick="x()">Terms</h2><script>alert(1)</script><p style="color:red">Pay <b>now</b> <u>please</u> <a href="javascript:alert(1)">here</a> or <a href="https://ex.com/pay">there</a></p><img src=x onerror=alert(1)><iframe src="https://evil"></iframe><ul><li><em>One</em></li></ul>';
    expect(sanitizeTemplateHtml(hostile)).toBe(
      '<h2>Terms</h2><p>Pay <b>now</b> <u>please</u> <a rel="noopener noreferrer nofollow" target="_blank">here</a> or <a href="https://ex.com/pay" rel="noopener noreferrer nofollow" target="_blank">there</a></p><ul><li><em>One</em></li></ul>',
    );
  });
});

describe("htmlToBlocks", () => {
  it("keeps headings, paragraphs with line breaks, inline styles and lists", () => {
    expect(
      htmlToBlocks(
        '<h1>Title</h1><p>One <strong>bold</strong><br>two</p><ol><li>First</li><li>Second <a href="mailto:a@b.c">mail</a></li></ol>',
      ),
    ).toEqual([
      { kind: "heading", level: 1, runs: [{ text: "Title" }] },
      { kind: "paragraph", runs: [{ text: "One " }, { text: "bold", bold: true }, { text: "\ntwo" }] },
      {
        kind: "list",
        ordered: true,
        items: [[{ text: "First" }], [{ text: "Second " }, { text: "mail", href: "mailto:a@b.c" }]],
      },
    ]);
  });
});

describe("customFieldsOf and parseTemplate", () => {
  it("lists each custom field once, in order of use", () => {
    expect(customFieldsOf("<p>{{custom.b}} {{client.name}} {{custom.a}} {{custom.b}}</p>")).toEqual([
      "custom.b",
      "custom.a",
    ]);
    expect(parseTemplate("<p>{{today}}</p>").tokens).toEqual([{ key: "today", start: 3, end: 12, line: 1, column: 1 }]);
  });
});

describe("diffTemplateVersions", () => {
  it("marks the words added and removed between two versions", () => {
    const changes = diffTemplateVersions(
      "<p>The retainer is non-refundable.</p>",
      "<p>The retainer is refundable until 90 days before.</p>",
    );
    expect(changes.filter((c) => c.kind !== "same").map((c) => [c.kind, c.text])).toEqual([
      ["removed", "non-refundable."],
      ["added", "refundable until 90 days before."],
    ]);
    expect(changes.map((c) => (c.kind === "removed" ? "" : c.text)).join("")).toBe(
      "The retainer is refundable until 90 days before.",
    );
  });
});
