// Runs once when a node starts: a node with a bad environment refuses to start, tracing is on
// before the first request (every request is timed by route, and traced when a collector is
// named), and the node starts listening for session revocations.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
    const { startTracing } = await import("@/lib/tracing/setup");
    const tracing = startTracing("shootq-app");
    // Spans still waiting for their batch leave before the node does (a graceful stop sends SIGTERM).
    process.once("SIGTERM", () => void tracing.shutdown().catch(() => undefined));
    const { sessionRevocations } = await import("@/lib/auth/session-cookie");
    sessionRevocations();
  }
}
