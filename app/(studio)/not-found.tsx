import { NotFoundState } from "@/components/ui/not-found-state";

export const metadata = { title: "Page not found" };

export default function StudioNotFound() {
  return (
    <NotFoundState title="We could not find that" home={{ href: "/dashboard", label: "Back to the dashboard" }}>
      It may have been deleted, or the link is wrong.
    </NotFoundState>
  );
}
