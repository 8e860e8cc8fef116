"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function AdminError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} home={{ href: "/admin", label: "Back to admin home" }} />;
}
