import { NotFoundState } from "@/components/ui/not-found-state";

export const metadata = { title: "Link not valid" };

export default function ClientNotFound() {
  return (
    <NotFoundState title="This link is not valid" home={{ href: "/", label: "Go to the ShootQ home page" }}>
      It may have expired or been mistyped. Please contact the studio that sent it and ask for a new one.
    </NotFoundState>
  );
}
