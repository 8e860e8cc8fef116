// Runs once when a node starts: a node with a bad environment refuses to start, and the node
// starts listening for session revocations before its first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
    const { sessionRevocations } = await import("@/lib/auth/session-cookie");
    sessionRevocations();
  }
}
