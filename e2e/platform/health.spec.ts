import { expect, test } from "../fixtures";

test("the health endpoint says only up or down publicly, and reports each database to an operator", async ({
  request,
}) => {
  const anonymous = await request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toEqual({ status: "ok" });
  const wrongToken = await request.get("/api/health", { headers: { authorization: "Bearer not-the-operator-token" } });
  expect(await wrongToken.json()).toEqual({ status: "ok" });

  const res = await request.get("/api/health", { headers: { authorization: `Bearer ${process.env.OPERATOR_TOKEN}` } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.primary.reachable).toBe(true);
  expect(body.replicas).toHaveLength(1);
  expect(body.replicas[0]).toMatchObject({ name: "replica-1", reachable: true });
  expect(typeof body.replicas[0].lagBytes).toBe("number");
});
