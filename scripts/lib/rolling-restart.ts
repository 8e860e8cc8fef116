import type { AppNode, NodeSupervisor } from "./node-supervisor.ts";
import type { Release } from "./release.ts";

export type RollStep = { node: string; drainMs: number; restartMs: number; totalMs: number };

/**
 * Restarts the nodes one at a time onto `release`: out of nginx's rotation, drained (nginx's old
 * workers finished their requests), stopped, started, healthy and warm, back in. Another node
 * carries the traffic meanwhile, so a roll fails no request.
 */
export async function rollNodes(opts: {
  supervisor: NodeSupervisor;
  release: Release;
  setRotation: (node: AppNode, inRotation: boolean, why: string) => Promise<{ drainMs: number }> | null;
}): Promise<RollStep[]> {
  const { nodes } = opts.supervisor;
  if (nodes.length < 2)
    throw new Error("a rolling restart needs at least 2 nodes (start the cluster with --nodes 2 or more)");
  const steps: RollStep[] = [];
  for (const node of nodes) {
    const t0 = Date.now();
    node.rolling = true;
    try {
      const others = nodes.filter((o) => o !== node && o.state === "up");
      if (others.length === 0) throw new Error(`no other node is up to carry traffic while ${node.name} restarts`);
      const { drainMs } = (await opts.setRotation(node, false, "rolling restart")) ?? { drainMs: 0 };
      const restartMs = await opts.supervisor.restart(node, opts.release);
      await opts.setRotation(node, true, "restarted onto the new build");
      steps.push({ node: node.name, drainMs, restartMs, totalMs: Date.now() - t0 });
    } finally {
      node.rolling = false;
    }
  }
  return steps;
}
