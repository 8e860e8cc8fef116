import { DEMO_LOGINS } from "../../prisma/seed-data.ts";
import type { Database } from "./database.ts";
import { countOf } from "../../lib/words.ts";

/** What `npm start` and `npm run start:cluster` print once everything answers: the one URL and the demo logins. */
export function printWelcome(opts: { url: string; db: Database; details?: string[] }): void {
  const masked = opts.db.primaryUrl.replace(/:[^:@/]+@/, ":***@");
  const details = (opts.details ?? []).map((line) => `  ${line}\n`).join("");
  console.log(`
  ShootQ is running at ${opts.url}

  Photographer: ${DEMO_LOGINS.owner.email} / ${DEMO_LOGINS.owner.password}
  Staff:        ${DEMO_LOGINS.staff.email} / ${DEMO_LOGINS.staff.password}
  Admin:        ${DEMO_LOGINS.admin.email} / ${DEMO_LOGINS.admin.password}

  Database: primary ${masked}, ${countOf(opts.db.replicaUrls.length, "streaming replica", "streaming replicas")}
${details}  Press Ctrl-C to stop.
`);
}
