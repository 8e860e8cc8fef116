import { describe, expect, it, vi } from "vitest";
import * as password from "@/lib/auth/password";
import { authenticate } from "@/lib/auth/options";
import { primaryDb } from "@/lib/db";
import { createStudio } from "@/prisma/factories";

vi.mock("@/lib/auth/password", { spy: true });

describe("a sign-in with an unknown email", () => {
  it("checks the password against a real hash all the same, so it takes as long as a known one", async () => {
    const { studio } = await createStudio(primaryDb());
    vi.mocked(password.verifyPassword).mockClear();
    await expect(
      authenticate(
        { email: `nobody-${studio.id}@example.com`, password: "a-guess" },
        { address: `203.0.113.9-${studio.id}` },
      ),
    ).rejects.toThrow("That email and password do not match.");
    expect(password.verifyPassword).toHaveBeenCalledTimes(1);
    expect(vi.mocked(password.verifyPassword).mock.calls[0][0]).toMatch(/^\$argon2id\$/);
  });
});
