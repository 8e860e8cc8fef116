import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { render } from "@react-email/render";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { createElement as h, Fragment, type ReactNode } from "react";

// Every email's HTML part: one layout, built with React Email (tables and inline styles that
// mail clients render), with the sender's name as its header, readable on a phone (one column,
// at most 560 px) and in dark mode (the client's own scheme; colours swapped by a media query
// where the client supports one). Written with createElement, not JSX: the worker runs this file
// under tsx, outside Next.js's compiler.

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const DARK_MODE = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .sq-body { background-color: #0f172a !important; }
  .sq-card { background-color: #1e293b !important; }
  .sq-text, .sq-heading { color: #f1f5f9 !important; }
  .sq-muted { color: #cbd5e1 !important; }
  .sq-link { color: #93c5fd !important; }
}`;

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** A line of plain text with its web addresses as links (nothing else is read as markup). */
function linkified(line: string): ReactNode[] {
  return line
    .split(URL_PATTERN)
    .map((part, i) =>
      i % 2 === 1
        ? h(
            Link,
            { key: i, href: part, className: "sq-link", style: { color: "#1d4ed8", wordBreak: "break-all" } },
            part,
          )
        : part,
    );
}

/** Plain text as paragraphs (at blank lines), its line breaks kept. */
function paragraphs(text: string): ReactNode[] {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((p, i) =>
      h(
        Text,
        {
          key: i,
          className: "sq-text",
          style: { fontSize: "15px", lineHeight: "24px", color: "#1e293b", margin: "0 0 16px" },
        },
        ...p
          .split("\n")
          .flatMap((line, j) => (j === 0 ? linkified(line) : [h("br", { key: `br${j}` }), ...linkified(line)])),
      ),
    );
}

export type EmailLayoutInput = {
  subject: string;
  /** The plain-text part; also the HTML's content when there is no `html`. */
  text: string;
  /** Content HTML a kind made itself (already sanitized, e.g. by the template engine). */
  html?: string;
  /** The brand or studio the email speaks for; account and platform emails have none. */
  sender?: string;
  /** The brand's logo above its name: where the image is (an inline attachment's cid:) and its size. */
  logo?: { src: string; width: number; height: number };
};

/** The HTML part of an email, in the one layout. */
export async function emailHtml({ subject, text, html, sender, logo }: EmailLayoutInput): Promise<string> {
  const name = sender ?? "ShootQ";
  const content: ReactNode = html
    ? h("div", {
        className: "sq-text",
        style: { fontSize: "15px", lineHeight: "24px", color: "#1e293b" },
        dangerouslySetInnerHTML: { __html: html },
      })
    : h(Fragment, null, ...paragraphs(text));
  const document = h(
    Html,
    { lang: "en" },
    h(
      Head,
      null,
      h("title", null, subject),
      h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      h("meta", { name: "color-scheme", content: "light dark" }),
      h("meta", { name: "supported-color-schemes", content: "light dark" }),
      h("style", null, DARK_MODE),
    ),
    h(Preview, null, text.split("\n").find((line) => line.trim() !== "") ?? subject),
    h(
      Body,
      {
        className: "sq-body",
        style: { backgroundColor: "#f1f5f9", fontFamily: FONT, margin: 0, padding: "24px 12px" },
      },
      h(
        Container,
        {
          className: "sq-card",
          style: { backgroundColor: "#ffffff", borderRadius: "8px", maxWidth: "560px", padding: "24px" },
        },
        logo
          ? h("img", {
              src: logo.src,
              alt: "",
              width: logo.width,
              height: logo.height,
              // Keeps React from adding a <link rel="preload"> for it to the email's head.
              fetchPriority: "low",
              // A light tile keeps a dark logo on a transparent background readable in dark mode.
              style: {
                display: "block",
                border: 0,
                margin: "0 0 12px",
                padding: "4px",
                borderRadius: "4px",
                backgroundColor: "#ffffff",
              },
            })
          : null,
        h(
          Heading,
          {
            as: "h1",
            className: "sq-heading",
            style: { fontSize: "20px", lineHeight: "28px", margin: "0 0 20px", color: "#0f172a" },
          },
          name,
        ),
        h(Section, null, content),
        h(Hr, { style: { borderColor: "#e2e8f0", margin: "24px 0 12px" } }),
        h(
          Text,
          { className: "sq-muted", style: { fontSize: "12px", lineHeight: "18px", color: "#475569", margin: 0 } },
          sender ? `${sender} · sent with ShootQ` : "ShootQ, studio management for photographers",
        ),
      ),
    ),
  );
  return render(document);
}
