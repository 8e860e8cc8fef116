"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="px-6">
      <ErrorState {...props} home={{ href: "/", label: "Go to the home page" }} />
    </main>
  );
}
