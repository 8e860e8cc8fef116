import http from "node:http";
import type { Socket } from "node:net";

// Whether a request that failed met a kept-alive connection the server closed before answering
// any byte: nginx closes its idle connections whenever it reloads, and a request already on its
// way over one is reset. A browser sends such a request once more on a new connection (RFC 9112
// §9.3.1; Chromium resends whenever the connection had carried an earlier answer), so the load
// clients of the drills and the cluster e2e do the same.
//
// Node's `request.reusedSocket` alone misses one case: a request that waited in the agent's queue
// (all sockets busy) is handed the socket the instant the previous answer releases it, and is not
// flagged as reused. So the sockets that carried an answer are remembered here.

const answered = new WeakSet<Socket>();

/** Call from the response callback: this request's connection has carried an answer. */
export function noteAnswered(response: http.IncomingMessage): void {
  if (response.socket) answered.add(response.socket);
}

/** True when `error` (a request's 'error' event) is a kept-alive connection closed under it before any answer. */
export function closedBeforeAnswer(request: http.ClientRequest, error: NodeJS.ErrnoException): boolean {
  const socket = request.socket;
  const reused = request.reusedSocket || (socket !== null && answered.has(socket));
  return reused && (error.code === "ECONNRESET" || error.message === "socket hang up");
}

/**
 * For the one resend: a new connection, not the pool's next idle one. A reload closes every idle
 * connection at once, so the next one in the pool is as likely to be closed as this one was.
 */
export const NEW_CONNECTION = new http.Agent({ keepAlive: false });
