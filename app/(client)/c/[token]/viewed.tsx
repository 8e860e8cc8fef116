"use client";

import { useEffect } from "react";
import { initialActionState } from "@/lib/action-state";
import { viewContractAction } from "./actions";

/** Records the client's first view once the page is on their screen (a render alone is not a view). */
export function RecordView({ token }: { token: string }) {
  useEffect(() => {
    const form = new FormData();
    form.set("token", token);
    void viewContractAction(initialActionState, form);
  }, [token]);
  return null;
}
