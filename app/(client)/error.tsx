"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function ClientError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} home={{ href: "/", label: "Go to the ShootQ home page" }} />;
}
