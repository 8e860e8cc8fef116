import { NotFoundState } from "@/components/ui/not-found-state";

export const metadata = { title: "Page not found" };

export default function AdminNotFound() {
  return (
    <NotFoundState title="We could not find that" home={{ href: "/admin", label: "Back to admin home" }}>
      It may have been deleted, or the link is wrong.
    </NotFoundState>
  );
}
