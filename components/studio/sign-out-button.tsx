"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="min-h-11 rounded-md px-3 py-1.5 text-left text-sm text-slate-300 hover:bg-white/10 hover:text-white lg:min-h-0"
    >
      Sign out
    </button>
  );
}
