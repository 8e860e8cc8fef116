import { expect, test } from "../fixtures";

test("the health endpoint reports the primary and a streaming replica", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.primary.reachable).toBe(true);
  expect(body.replicas).toHaveLength(1);
  expect(body.replicas[0]).toMatchObject({ name: "replica-1", reachable: true });
  expect(typeof body.replicas[0].lagBytes).toBe("number");
});
