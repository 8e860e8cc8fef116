"use client";

import { ErrorState } from "@/components/ui/error-state";

// Inside the studio's layout: the header and navigation stay, only the page is replaced.
export default function StudioError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} home={{ href: "/dashboard", label: "Back to the dashboard" }} />;
}
