import path from "node:path";
import { startTestCluster } from "../../scripts/testing/cluster";
import { buildExists } from "../../scripts/lib/paths";
import { startService, stopService, waitForHttp } from "../../scripts/lib/processes";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const E2E_LINK_SECRET = "e2e-link-secret-0123456789abcdefghijklmn";

/**
 * A real primary and a streaming replica that applies WAL 3 s late, and the production build
 * served by `next start`. Specs see the database through DATABASE_URL (for their fixtures).
 */
export default async function globalSetup() {
  if (!buildExists()) throw new Error("no production build: run `npm run build` first");
  const cluster = await startTestCluster([process.env.SHOOTQ_REPLICA_DELAY ?? "3s"]);
  const port = Number(process.env.E2E_PORT ?? 3210);
  const appUrl = `http://localhost:${port}`;
  // The specs render queued emails as the worker would: same public URL, same link secret.
  Object.assign(process.env, { DATABASE_URL: cluster.primaryUrl, DATABASE_REPLICA_URLS: cluster.replicaUrls.join(","), APP_URL: appUrl, LINK_SECRET: E2E_LINK_SECRET });
  const app = startService(
    "e2e-app",
    path.join(ROOT, "node_modules/.bin/next"),
    ["start", "-p", String(port)],
    {
      ...process.env,
      NODE_ENV: "production",
      NEXTAUTH_URL: appUrl,
      APP_URL: appUrl,
      SESSION_SECRET: "e2e-session-secret-0123456789abcdefghijkl",
      NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdefghijk",
      LINK_SECRET: E2E_LINK_SECRET,
      SECURE_COOKIES: "false",
      SHOOTQ_NODE_NAME: "e2e-node",
    },
    { quiet: true },
  );
  await waitForHttp(`http://127.0.0.1:${port}/api/health`);
  return async () => {
    await stopService(app);
    await cluster.destroy();
  };
}
