import { hostname } from "node:os";

/** The name this process's log lines and traces carry: `SHOOTQ_NODE_NAME`, else the host's name. */
export function nodeName(): string {
  return process.env.SHOOTQ_NODE_NAME || hostname();
}
